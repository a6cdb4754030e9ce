import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../src/engine/finding.ts';
import { scanLoaded } from '../src/engine/scan.ts';
import { defaultSettings } from '../src/engine/settings.ts';
import { DEFAULT_LOAD_OPTIONS, loadSources } from '../src/input/index.ts';
import { allRules } from '../src/rules/index.ts';
import type { ScanResult } from '../src/report/context.ts';
import { json, reportObject } from '../src/report/json.ts';

// Every rule over all of ../shared/corpus/real (read in place): no crash, the count of findings
// per rule pinned, and exact findings with file:line:col in projects built to be insecure.
const corpus = fileURLToPath(new URL('../../shared/corpus/real/', import.meta.url));
let result: ScanResult;

beforeAll(async () => {
  const loaded = await loadSources(['.'], { ...DEFAULT_LOAD_OPTIONS, cwd: corpus });
  result = scanLoaded(loaded, { rules: allRules, settings: defaultSettings() });
}, 300_000);

function at(f: Finding): string {
  return `${f.location?.file ?? '?'}:${f.location?.line ?? 0}:${f.location?.column ?? 0} ${f.ruleId}`;
}

describe('corpus/real, every rule', () => {
  it('scans everything without a rule crash or an input error', () => {
    expect(result.stats.files).toBeGreaterThan(1000);
    expect(result.diagnostics.filter((d) => d.code === 'E_RULE_FAILED')).toEqual([]);
    expect(result.diagnostics.filter((d) => d.level === 'error').map((d) => d.code)).toEqual([]);
  });

  it('pins the number of findings of each rule', async () => {
    const counts: Record<string, number> = {};
    for (const rule of allRules) counts[rule.id] = 0;
    for (const f of result.findings) counts[f.ruleId] = (counts[f.ruleId] ?? 0) + 1;
    await expect(`${JSON.stringify(counts, null, 2)}\n`).toMatchFileSnapshot(
      './fixtures/corpus-real-counts.json',
    );
  });

  it('prints the JSON report exactly as JSON.stringify(report, null, 2) would', () => {
    const ctx = {
      color: false,
      cwd: corpus,
      rules: [],
      toolVersion: 'test',
      failOn: 'high' as const,
    };
    const expected = `${JSON.stringify(reportObject(result, ctx), null, 2)}\n`;
    // Compare lengths first: a failing toBe on 17 MB strings would print both.
    const actual = json(result, ctx);
    expect(actual.length).toBe(expected.length);
    expect(actual === expected).toBe(true);
  });

  it('finds the privileged pods of badpods at their exact fields', () => {
    const privileged = result.findings.filter(
      (f) => f.ruleId === 'pss-privileged' && f.location?.file.startsWith('badpods/'),
    );
    expect(privileged.length).toBeGreaterThan(5);
    expect(privileged.map(at)).toContain(
      'badpods/manifests/everything-allowed/pod/everything-allowed-exec-pod.yaml:15:19 pss-privileged',
    );
    expect(privileged.map(at)).toContain(
      'badpods/manifests/priv/pod/priv-exec-pod.yaml:12:19 pss-privileged',
    );
  });

  it('finds the host namespaces and sockets of kubernetes-goat and vulnerable-kubernetes-deployments', () => {
    const found = new Set(result.findings.map(at));
    for (const expected of [
      'kubernetes-goat/scenarios/health-check/deployment.yaml:25:23 container-privileged',
      'kubernetes-goat/scenarios/health-check/deployment.yaml:32:19 host-path-sensitive',
      'kubernetes-goat/scenarios/system-monitor/deployment.yaml:25:16 pod-host-pid',
      'kubernetes-goat/scenarios/docker-bench-security/deployment.yaml:27:16 pod-host-pid',
      'badpods/manifests/everything-allowed/pod/everything-allowed-exec-pod.yaml:25:13 host-path-sensitive',
    ]) {
      expect(found, expected).toContain(expected);
    }
    expect(
      result.findings.some(
        (f) =>
          f.ruleId === 'env-literal-secret' &&
          f.location?.file.startsWith('vulnerable-kubernetes-deployments/'),
      ),
    ).toBe(true);
  });
});
