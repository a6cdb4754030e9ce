import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../src/engine/finding.ts';
import { scanLoaded } from '../src/engine/scan.ts';
import { defaultSettings } from '../src/engine/settings.ts';
import { DEFAULT_LOAD_OPTIONS, loadSources } from '../src/input/index.ts';
import { isRecord } from '../src/model/kube-object.ts';
import { exposureRules } from '../src/rules/exposure/index.ts';
import { secretsRules } from '../src/rules/secrets/index.ts';

/** Published manifests of real projects, read in place. */
const CORPUS = fileURLToPath(new URL('../../shared/corpus/real/', import.meta.url));
const rules = [...secretsRules, ...exposureRules];
const ruleOptions = Object.fromEntries(rules.map((r) => [r.id, { ...r.meta.defaultOptions }]));

async function scan(project: string) {
  const loaded = await loadSources([project], { ...DEFAULT_LOAD_OPTIONS, cwd: CORPUS });
  const result = scanLoaded(loaded, { rules, settings: defaultSettings({ ruleOptions }) });
  expect(result.diagnostics.filter((d) => d.code === 'E_RULE_FAILED')).toEqual([]);
  return { loaded, findings: result.findings };
}

function countByRule(findings: readonly Finding[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const f of findings) counts[f.ruleId] = (counts[f.ruleId] ?? 0) + 1;
  return counts;
}

const at = (f: Finding): string =>
  `${f.location?.file ?? '?'}:${f.location?.line ?? 0}:${f.location?.column ?? 0} ${f.ruleId} ${f.severity}`;

describe('secrets and exposure rules on corpus/real', () => {
  it('kubernetes-goat', async () => {
    const { findings } = await scan('kubernetes-goat');
    expect(countByRule(findings)).toEqual({
      'secret-committed-data': 3,
      'secret-env-exposure': 1,
      'service-nodeport': 1,
    });
    expect(findings.map(at)).toEqual([
      'kubernetes-goat/scenarios/hunger-check/deployment.yaml:43:1 secret-committed-data high',
      'kubernetes-goat/scenarios/hunger-check/deployment.yaml:52:1 secret-committed-data high',
      'kubernetes-goat/scenarios/internal-proxy/deployment.yaml:60:9 service-nodeport low',
      'kubernetes-goat/scenarios/system-monitor/deployment.yaml:7:1 secret-committed-data high',
      'kubernetes-goat/scenarios/system-monitor/deployment.yaml:50:15 secret-env-exposure low',
    ]);
    expect(findings[3]?.message).toBe(
      'Secret of type "Opaque" commits data values for "k8sgoatvaultkey".',
    );
  });

  it('vulnerable-kubernetes-deployments', async () => {
    const { findings } = await scan('vulnerable-kubernetes-deployments');
    expect(countByRule(findings)).toEqual({
      'configmap-secret': 3,
      'env-literal-secret': 7,
      'secret-committed-data': 2,
      'secret-env-exposure': 8,
      'service-nodeport': 1,
    });
    const examples = 'vulnerable-kubernetes-deployments/examples';
    expect(findings.map(at)).toEqual(
      expect.arrayContaining([
        `${examples}/java/confluence/CVE-2022-26134/all.yaml:75:22 env-literal-secret medium`,
        `${examples}/java/petclinic/all.yaml:13:1 secret-committed-data high`,
        `${examples}/java/petclinic/all.yaml:87:9 service-nodeport low`,
        `${examples}/php/cacti/CVE-2023-39361/all.yaml:52:18 configmap-secret medium`,
        `${examples}/php/phpmyadmin/all.yaml:56:19 configmap-secret high`,
        `${examples}/python/pgadmin/all.yaml:44:22 env-literal-secret medium`,
      ]),
    );
    const phpmyadmin = findings.find((f) =>
      at(f).startsWith(`${examples}/php/phpmyadmin/all.yaml:56`),
    );
    expect(phpmyadmin?.message).toBe(
      'ConfigMap key "config.inc.php" contains a hard-coded password under "password" (line 20) and a high-entropy secret under "blowfish_secret" (line 24).',
    );
    // Placeholder-style demo values (`examplepass`) are not reported.
    expect(findings.filter((f) => f.location?.file.includes('/php/wordpress'))).toEqual([]);
  });

  it('badpods: pods only, nothing for these rules', async () => {
    const { findings } = await scan('badpods');
    expect(countByRule(findings)).toEqual({});
  });

  it('never puts a secret value in a message or evidence', async () => {
    const { loaded, findings } = await scan('kubernetes-goat');
    const values: string[] = [];
    for (const { object } of loaded.objects) {
      if (object.kind !== 'Secret' || !isRecord(object.data)) continue;
      for (const raw of Object.values(object.data)) {
        if (typeof raw !== 'string') continue;
        values.push(raw, Buffer.from(raw, 'base64').toString('utf8'));
      }
    }
    expect(values.length).toBe(6);
    const vulnerable = await scan('vulnerable-kubernetes-deployments');
    values.push('5af02eda401ae8.69737537');
    const printed = JSON.stringify([...findings, ...vulnerable.findings]);
    for (const value of values) expect(printed).not.toContain(value);
    for (const f of vulnerable.findings) {
      const matches = (f.evidence?.matches ?? []) as { redacted: string }[];
      for (const m of matches) expect(m.redacted).toMatch(/^.{0,4}\*{4}$/u);
    }
  });
});
