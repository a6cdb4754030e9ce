import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { scanLoaded } from '../src/engine/scan.ts';
import { defaultSettings } from '../src/engine/settings.ts';
import { DEFAULT_LOAD_OPTIONS, loadSources, loadTexts } from '../src/input/index.ts';
import { Inventory } from '../src/model/inventory.ts';
import type { NetpolModel, Protocol } from '../src/netpol/index.ts';
import {
  connectionList,
  explainReach,
  formatConnections,
  netpolModel,
  resolveEndpoint,
  verdictAllows,
} from '../src/netpol/index.ts';
import { networkRules } from '../src/rules/network/index.ts';

// Real published policies (../shared/corpus/real, read in place) with their answers pinned.
const REAL = fileURLToPath(new URL('../../shared/corpus/real/', import.meta.url));

async function load(...paths: string[]) {
  return loadSources(paths, { ...DEFAULT_LOAD_OPTIONS, cwd: REAL });
}

async function model(...paths: string[]): Promise<NetpolModel> {
  const loaded = await load(...paths);
  return netpolModel(new Inventory(loaded.objects));
}

function conns(m: NetpolModel): Map<string, string> {
  return new Map(
    connectionList(m).map((c) => [`${c.srcName} => ${c.dstName}`, formatConnections(c.conns)]),
  );
}

function sources(map: Map<string, string>, dst: string): string[] {
  return [...map.keys()]
    .filter((k) => k.endsWith(` => ${dst}`))
    .map((k) => k.split(' => ')[0] ?? '');
}

function reach(m: NetpolModel, from: string, to: string, port?: string): boolean {
  const endpoint = (text: string) => {
    const found = resolveEndpoint(m, text);
    if (typeof found === 'string') throw new Error(found);
    return found;
  };
  const [number, protocol = 'TCP'] = port?.split('/') ?? [];
  const query =
    number === undefined ? undefined : { port: Number(number), protocol: protocol as Protocol };
  return explainReach(m, endpoint(from), endpoint(to)).some((v) => verdictAllows(v, query));
}

async function findings(...paths: string[]): Promise<string[]> {
  const result = scanLoaded(await load(...paths), {
    rules: networkRules,
    settings: defaultSettings(),
  });
  return result.findings.map((f) => `${f.ruleId} ${f.object.kind}/${f.object.name}`).sort();
}

describe('microservices-demo (Online Boutique) with its network-policies component', () => {
  const paths = [
    'microservices-demo/release/kubernetes-manifests.yaml',
    'microservices-demo/kustomize/components',
  ];

  it('allows exactly the service graph', async () => {
    const map = conns(await model(...paths));
    expect(map.size).toBe(39);
    expect(sources(map, 'default/redis-cart[Deployment]')).toEqual([
      'default/cartservice[Deployment]',
    ]);
    expect(map.get('default/cartservice[Deployment] => default/redis-cart[Deployment]')).toBe(
      'TCP 6379',
    );
    expect(
      map.get('default/checkoutservice[Deployment] => default/paymentservice[Deployment]'),
    ).toBe('TCP 50051');
    expect(map.get('0.0.0.0-255.255.255.255[External] => default/frontend[Deployment]')).toBe(
      'All Connections',
    );
    expect(sources(map, 'default/loadgenerator[Deployment]')).toEqual([]);
    // The shopping assistant has no policy of its own: deny-all isolates it both ways.
    expect([...map.keys()].filter((k) => k.includes('shoppingassistantservice'))).toEqual([]);
  });

  it('explains why the frontend cannot reach redis directly', async () => {
    const m = await model(...paths);
    expect(reach(m, 'default/frontend', 'default/redis-cart', '6379')).toBe(false);
    expect(reach(m, 'default/cartservice', 'default/redis-cart', '6379')).toBe(true);
  });

  it('findings: default deny exists for both directions, frontend allows all', async () => {
    const found = await findings(...paths);
    expect(found).toContain('netpol-policy-allows-all NetworkPolicy/frontend');
    expect(found.filter((f) => f.startsWith('netpol-namespace-no-default-deny'))).toEqual([]);
    expect(found.filter((f) => f.startsWith('netpol-workload-not-selected'))).toEqual([]);
    expect(found).toContain('netpol-egress-to-metadata NetworkPolicy/frontend');
  });
});

describe('argo-cd install manifests', () => {
  it('pins the component graph', async () => {
    const map = conns(await model('argo-cd/manifests/install.yaml'));
    expect(sources(map, 'default/argocd-redis[Deployment]').sort()).toEqual([
      'default/argocd-application-controller[StatefulSet]',
      'default/argocd-repo-server[Deployment]',
      'default/argocd-server[Deployment]',
    ]);
    expect(
      map.get('default/argocd-server[Deployment] => default/argocd-dex-server[Deployment]'),
    ).toBe('TCP 5556-5558');
    expect(
      map.get(
        'default/argocd-application-controller[StatefulSet] => default/argocd-repo-server[Deployment]',
      ),
    ).toBe('TCP 8081,8084');
    expect(map.get('0.0.0.0-255.255.255.255[External] => default/argocd-server[Deployment]')).toBe(
      'All Connections',
    );
    expect(sources(map, 'default/argocd-repo-server[Deployment]')).not.toContain(
      '0.0.0.0-255.255.255.255[External]',
    );
  });

  it('the namespace install is the same set of policies (last definition wins)', async () => {
    const both = conns(await model('argo-cd/manifests'));
    expect(both).toEqual(conns(await model('argo-cd/manifests/install.yaml')));
  });
});

describe('gke-network-policy-demo', () => {
  it('with the pod-label policy, only the allowed client reaches the server', async () => {
    const m = await model(
      'gke-network-policy-demo/manifests/hello-app',
      'gke-network-policy-demo/manifests/network-policy.yaml',
    );
    expect(reach(m, 'default/hello-client-allowed', 'default/hello-server', '8080')).toBe(true);
    expect(reach(m, 'default/hello-client-blocked', 'default/hello-server', '8080')).toBe(false);
    expect(reach(m, '203.0.113.9', 'default/hello-server')).toBe(false);
  });

  it('with the namespace policy, clients in default are blocked; one in hello-apps passes', async () => {
    const policy = 'gke-network-policy-demo/manifests/network-policy-namespaced.yaml';
    const m = await model('gke-network-policy-demo/manifests/hello-app', policy);
    expect(reach(m, 'default/hello-client-allowed', 'default/hello-server')).toBe(false);
    const moved = readFileSync(
      `${REAL}gke-network-policy-demo/manifests/hello-app/hello-client.yaml`,
      'utf8',
    ).replace(/^metadata:\n/gm, 'metadata:\n  namespace: hello-apps\n');
    const loaded = loadTexts(
      [
        { path: 'client.yaml', text: moved },
        {
          path: 'server.yaml',
          text: readFileSync(
            `${REAL}gke-network-policy-demo/manifests/hello-app/hello-server.yaml`,
            'utf8',
          ),
        },
        { path: 'policy.yaml', text: readFileSync(`${REAL}${policy}`, 'utf8') },
      ],
      DEFAULT_LOAD_OPTIONS,
    );
    const m2 = netpolModel(new Inventory(loaded.objects));
    expect(reach(m2, 'hello-apps/hello-client-blocked', 'default/hello-server')).toBe(true);
  });
});

describe('calico manifests', () => {
  it('the API server accepts TCP 5443 from anywhere and nothing else', async () => {
    const map = conns(await model('calico/manifests'));
    const into = [...map].filter(([k]) =>
      k.endsWith('=> calico-apiserver/calico-apiserver[Deployment]'),
    );
    expect(into.length).toBeGreaterThan(5);
    expect(new Set(into.map(([, v]) => v))).toEqual(new Set(['TCP 5443']));
    expect(
      map.get('0.0.0.0-255.255.255.255[External] => calico-apiserver/calico-apiserver[Deployment]'),
    ).toBe('TCP 5443');
  });

  it('findings: the API server policy takes the internet on a ClusterIP-only service', async () => {
    expect(await findings('calico/manifests')).toContain(
      'netpol-ingress-from-internet NetworkPolicy/allow-apiserver',
    );
  });
});

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

// Each recipe of ahmetb/kubernetes-network-policy-recipes, applied alone to the pods its page uses.
const RECIPES: [
  string,
  [from: string, to: string, port: string | undefined, allowed: boolean][],
][] = [
  [
    '01-web-deny-all',
    [
      ['other/client', 'default/web', undefined, false],
      ['default/web', 'other/client', undefined, true],
      ['8.8.8.8', 'default/web', undefined, false],
    ],
  ],
  [
    '02-api-allow',
    [
      ['default/search', 'default/api', undefined, true],
      ['default/web', 'default/api', undefined, false],
      ['other/client', 'default/api', undefined, false],
    ],
  ],
  [
    '02a-web-allow-all',
    [
      ['other/client', 'default/web', undefined, true],
      ['8.8.8.8', 'default/web', '443', true],
    ],
  ],
  [
    '03-deny-all-non-whitelisted-traffic-in-the-namespace-1',
    [
      ['default/web', 'default/api', undefined, false],
      ['other/client', 'default/foo', undefined, false],
      ['default/web', 'other/client', undefined, true],
    ],
  ],
  [
    '04-deny-from-other-namespaces',
    [
      ['default/foo', 'default/web', undefined, true],
      ['other/client', 'default/web', undefined, false],
      ['8.8.8.8', 'default/web', undefined, false],
    ],
  ],
  [
    '05-web-allow-all-namespaces',
    [
      ['other/client', 'default/web', undefined, true],
      ['8.8.8.8', 'default/web', undefined, false],
    ],
  ],
  [
    '06-web-allow-prod',
    [
      ['prod/client', 'default/web', undefined, true],
      ['other/client', 'default/web', undefined, false],
      ['default/foo', 'default/web', undefined, false],
    ],
  ],
  [
    '07-web-allow-all-ns-monitoring',
    [
      ['ops/monitoring', 'default/web', undefined, true],
      ['ops/tool', 'default/web', undefined, false],
      ['default/monitor', 'default/web', undefined, false],
    ],
  ],
  ['08-web-allow-external', [['8.8.8.8', 'default/web', '80', true]]],
  [
    '09-api-allow-5000',
    [
      ['default/monitor', 'default/apiserver', '5000', true],
      ['default/monitor', 'default/apiserver', '5001', false],
      ['default/web', 'default/apiserver', '5000', false],
    ],
  ],
  [
    '10-redis-allow-services',
    [
      ['default/search', 'default/db', undefined, true],
      ['default/api', 'default/db', undefined, true],
      ['default/web', 'default/db', undefined, false],
    ],
  ],
  [
    '11-deny-egress-traffic-from-an-application-2',
    [
      ['default/foo', 'kube-system/kube-dns', '53/UDP', true],
      ['default/foo', 'kube-system/kube-dns', '80', false],
      ['default/foo', '8.8.8.8', '53/UDP', false],
    ],
  ],
  [
    '11-foo-deny-egress',
    [
      ['default/foo', 'kube-system/kube-dns', '53/UDP', false],
      ['default/web', 'kube-system/kube-dns', '53/UDP', true],
    ],
  ],
  [
    '12-deny-all-non-whitelisted-traffic-from-the-namespace-1',
    [
      ['default/web', '8.8.8.8', undefined, false],
      ['default/web', 'default/api', undefined, false],
      ['other/client', 'default/web', undefined, true],
    ],
  ],
  [
    '14-foo-deny-external-egress',
    [
      ['default/foo', 'kube-system/kube-dns', '53/TCP', true],
      ['default/foo', '1.1.1.1', '443', false],
    ],
  ],
];

describe('network-policy-recipes', () => {
  it('every recipe compiles (15 files, one name used twice)', async () => {
    const m = await model('network-policy-recipes');
    expect(m.invalidPolicies).toEqual([]);
    expect(m.policies).toHaveLength(14);
  });

  it.each(RECIPES)('%s', (recipe, cases) => {
    const policy = readFileSync(`${REAL}network-policy-recipes/${recipe}.yaml`, 'utf8');
    const loaded = loadTexts(
      [
        { path: 'pods.yaml', text: RECIPE_PODS },
        { path: `${recipe}.yaml`, text: policy },
      ],
      DEFAULT_LOAD_OPTIONS,
    );
    const m = netpolModel(new Inventory(loaded.objects));
    expect(m.policies).toHaveLength(1);
    for (const [from, to, port, allowed] of cases) {
      expect(reach(m, from, to, port), `${from} -> ${to} ${port ?? ''}`).toBe(allowed);
    }
  });

  it('findings on the policies alone: the allow-all rules', async () => {
    expect(await findings('network-policy-recipes')).toEqual([
      'netpol-policy-allows-all NetworkPolicy/web-allow-all',
      'netpol-policy-allows-all NetworkPolicy/web-allow-external',
    ]);
  });
});
