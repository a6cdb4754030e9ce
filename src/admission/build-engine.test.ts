import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allRules } from '../rules/index.ts';
import { buildEngine } from './build-engine.ts';
import type { EngineFlags } from './build-engine.ts';
import { validateRequest } from './decide.ts';
import type { AdmissionRequest } from './review.ts';

const FLAGS: EngineFlags = {
  rules: [],
  excludeRules: [],
  exemptions: { namespaces: [], usernames: [], runtimeClasses: [] },
  mutateUnsafe: false,
  mutateRules: [],
  noGrandfather: false,
};

function build(
  config: string,
  flags: Partial<EngineFlags> = {},
  files: Record<string, string> = {},
) {
  const dir = mkdtempSync(path.join(tmpdir(), 'kubeward-engine-'));
  writeFileSync(path.join(dir, '.kubeward.yaml'), config);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return buildEngine({
    configFile: '.kubeward.yaml',
    policyPaths: [],
    cwd: dir,
    flags: { ...FLAGS, ...flags },
    allRules,
    namespaceLabels: () => undefined,
    today: () => '2026-01-01',
  });
}

const privileged: AdmissionRequest = {
  uid: 'u',
  kind: { group: '', version: 'v1', kind: 'Pod' },
  namespace: 'team',
  operation: 'CREATE',
  object: {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', namespace: 'team' },
    spec: { containers: [{ name: 'app', image: 'x:1', securityContext: { privileged: true } }] },
  },
};

describe('the webhook config', () => {
  it('layers flags over the admission section over the scan keys over defaults', async () => {
    const config = `failOn: medium
pss: { level: baseline, version: v1.30 }
admission:
  pss: { version: v1.29 }
  exemptions: { namespaces: [kube-system] }
  modes: { category:reliability: audit }
`;
    const { engine } = await build(config);
    expect(engine.policy).toMatchObject({
      failOn: 'medium',
      pss: { level: 'baseline', version: 'v1.29' },
      modes: { 'category:reliability': 'audit' },
      allowAnnotationSuppressions: false,
    });
    const flagged = await build(config, {
      failOn: 'critical',
      pssLevel: 'restricted',
      exemptions: { namespaces: ['ops'], usernames: [], runtimeClasses: [] },
    });
    expect(flagged.engine.policy).toMatchObject({
      failOn: 'critical',
      pss: { level: 'restricted', version: 'v1.29' },
      exemptions: { namespaces: ['kube-system', 'ops'] },
    });
  });

  it('takes rule settings from the scan keys, as kubeward scan does', async () => {
    const { engine } = await build('rules:\n  pss-privileged: off\n  container-privileged: low\n');
    expect(engine.rules.some((r) => r.id === 'pss-privileged')).toBe(false);
    const { response } = validateRequest(privileged, engine);
    expect(response.auditAnnotations?.denied ?? '').not.toContain('container-privileged');
    expect(response.warnings?.join('\n')).toContain('[container-privileged]');
  });

  it('applies ignore entries (operator-owned), but annotations only when allowed', async () => {
    const ignore = `ignore:
  - { rule: '*privileged*', namespace: team, reason: lab namespace }
`;
    const { engine } = await build(ignore);
    expect(validateRequest(privileged, engine).response.auditAnnotations?.denied).toBeUndefined();
    const expired = await build(ignore.replace('reason', 'expires: 2025-12-31, reason'));
    expect(validateRequest(privileged, expired.engine).response.allowed).toBe(false);
    const beside = await build('{}\n', {}, { '.kubewardignore.yaml': ignore });
    expect(validateRequest(privileged, beside.engine).response.allowed).toBe(true);
    expect(beside.watched.some((f) => f.endsWith('.kubewardignore.yaml'))).toBe(true);
  });

  it('reports every problem with its position', async () => {
    const bad = `admission:
  failOn: sometimes
  modes: { no-such-rule: warn, category:nope: audit, pss-privileged: never }
  mutate: { suggestRules: [not-a-rule] }
  surprise: true
`;
    const error = await build(bad).catch((e: unknown) => e);
    expect(String(error)).toContain('.kubeward.yaml:2:11: admission.failOn: must be one of:');
    for (const line of [
      '.kubeward.yaml:5:3: admission.surprise: unknown key',
      '.kubeward.yaml:3:12: admission.modes.no-such-rule: no rule has this id',
      '.kubeward.yaml:3:32: admission.modes["category:nope"]: no rule has this category',
      'admission.modes.pss-privileged: must be one of: enforce, warn, audit',
      '.kubeward.yaml:4:28: admission.mutate.suggestRules[0]: no rule has this id',
    ])
      expect(String(error)).toContain(line);
  });
});
