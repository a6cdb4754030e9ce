import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REAL, findings, model, modelOfTexts, reach } from './netpol-helpers.ts';

const RECIPE_PODS = `${[
  ['default', 'web', 'app: web'],
  ['default', 'api', 'app: bookstore, role: api'],
  ['default', 'db', 'app: bookstore, role: db'],
  ['default', 'search', 'app: bookstore, role: search'],
  ['default', 'apiserver', 'app: apiserver'],
  ['default', 'monitor', 'role: monitoring'],
  ['default', 'foo', 'app: foo'],
  ['other', 'client', 'app: client'],
  ['prod', 'client', 'app: client'],
  ['ops', 'monitoring', 'type: monitoring'],
  ['ops', 'tool', 'type: tool'],
  ['kube-system', 'kube-dns', 'k8s-app: kube-dns'],
]
  .map(
    ([ns, name, labels]) =>
      `apiVersion: v1\nkind: Pod\nmetadata: { name: ${name}, namespace: ${ns}, labels: { ${labels} } }\nspec: { containers: [{ name: c, image: i }] }\n`,
  )
  .join('---\n')}---
apiVersion: v1
kind: Namespace
metadata: { name: prod, labels: { purpose: production } }
---
apiVersion: v1
kind: Namespace
metadata: { name: ops, labels: { team: operations } }
`;

// Each recipe applied alone to the pods its page uses: `FROM -> TO[:PORT[/PROTO]] allow|deny`.
const RECIPES: Record<string, string[]> = {
  '01-web-deny-all': [
    'other/client -> default/web deny',
    'default/web -> other/client allow',
    '8.8.8.8 -> default/web deny',
  ],
  '02-api-allow': [
    'default/search -> default/api allow',
    'default/web -> default/api deny',
    'other/client -> default/api deny',
  ],
  '02a-web-allow-all': ['other/client -> default/web allow', '8.8.8.8 -> default/web:443 allow'],
  '03-deny-all-non-whitelisted-traffic-in-the-namespace-1': [
    'default/web -> default/api deny',
    'other/client -> default/foo deny',
    'default/web -> other/client allow',
  ],
  '04-deny-from-other-namespaces': [
    'default/foo -> default/web allow',
    'other/client -> default/web deny',
    '8.8.8.8 -> default/web deny',
  ],
  '05-web-allow-all-namespaces': [
    'other/client -> default/web allow',
    '8.8.8.8 -> default/web deny',
  ],
  '06-web-allow-prod': [
    'prod/client -> default/web allow',
    'other/client -> default/web deny',
    'default/foo -> default/web deny',
  ],
  '07-web-allow-all-ns-monitoring': [
    'ops/monitoring -> default/web allow',
    'ops/tool -> default/web deny',
    'default/monitor -> default/web deny',
  ],
  '08-web-allow-external': ['8.8.8.8 -> default/web:80 allow'],
  '09-api-allow-5000': [
    'default/monitor -> default/apiserver:5000 allow',
    'default/monitor -> default/apiserver:5001 deny',
    'default/web -> default/apiserver:5000 deny',
  ],
  '10-redis-allow-services': [
    'default/search -> default/db allow',
    'default/api -> default/db allow',
    'default/web -> default/db deny',
  ],
  '11-deny-egress-traffic-from-an-application-2': [
    'default/foo -> kube-system/kube-dns:53/UDP allow',
    'default/foo -> kube-system/kube-dns:80 deny',
    'default/foo -> 8.8.8.8:53/UDP deny',
  ],
  '11-foo-deny-egress': [
    'default/foo -> kube-system/kube-dns:53/UDP deny',
    'default/web -> kube-system/kube-dns:53/UDP allow',
  ],
  '12-deny-all-non-whitelisted-traffic-from-the-namespace-1': [
    'default/web -> 8.8.8.8 deny',
    'default/web -> default/api deny',
    'other/client -> default/web allow',
  ],
  '14-foo-deny-external-egress': [
    'default/foo -> kube-system/kube-dns:53/TCP allow',
    'default/foo -> 1.1.1.1:443 deny',
  ],
};

describe('network-policy-recipes', () => {
  it('every recipe compiles (15 files, one name used twice)', async () => {
    const m = await model('network-policy-recipes');
    expect(m.invalidPolicies).toEqual([]);
    expect(m.policies).toHaveLength(14);
  });

  it.each(Object.entries(RECIPES))('%s', (recipe, cases) => {
    const policy = readFileSync(`${REAL}network-policy-recipes/${recipe}.yaml`, 'utf8');
    const m = modelOfTexts([
      { path: 'pods.yaml', text: RECIPE_PODS },
      { path: `${recipe}.yaml`, text: policy },
    ]);
    expect(m.policies).toHaveLength(1);
    for (const line of cases) {
      const [, from = '', to = '', port, verdict] =
        /^(\S+) -> ([^:\s]+)(?::(\S+))? (allow|deny)$/.exec(line) ?? [];
      expect(reach(m, from, to, port), line).toBe(verdict === 'allow');
    }
  });

  it('findings on the policies alone: the allow-all rules', async () => {
    expect(await findings('network-policy-recipes')).toEqual([
      'netpol-policy-allows-all NetworkPolicy/web-allow-all',
      'netpol-policy-allows-all NetworkPolicy/web-allow-external',
    ]);
  });
});
