import { test } from 'vitest';
import type { KubeObject } from '../src/model/kube-object.ts';
import { refOf } from '../src/model/kube-object.ts';
import { Inventory, objectsFrom } from '../src/model/inventory.ts';
import { connectionList, connectionsText, netpolModel } from '../src/netpol/index.ts';

// A generated cluster: 20 namespaces of 50 pods (1,000 pods, every one its own peer: the worst
// case for the matrix) and 25 policies per namespace (500 policies): default denies, DNS egress,
// and per-app rules mixing podSelector, namespaceSelector, ipBlock/except, named ports and ranges.
const NAMESPACES = 20;
const PODS_PER_NAMESPACE = 50;
const APPS = 10;

let seed = 42;
function random(n: number): number {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed % n;
}

function generate(): KubeObject[] {
  const objects: KubeObject[] = [];
  for (let n = 0; n < NAMESPACES; n++) {
    const ns = `ns-${String(n)}`;
    objects.push({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        name: ns,
        labels: { team: `t${String(n % 5)}`, env: n % 2 === 0 ? 'prod' : 'dev' },
      },
    });
    for (let p = 0; p < PODS_PER_NAMESPACE; p++) {
      objects.push({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {
          name: `pod-${String(p)}`,
          namespace: ns,
          labels: {
            app: `app-${String(p % APPS)}`,
            tier: ['front', 'back', 'db'][p % 3] ?? '',
            version: `v${String(p % 2)}`,
          },
        },
        spec: {
          containers: [
            {
              name: 'c',
              image: 'app',
              ports: [
                { name: 'http', containerPort: 8080 + (p % 3) },
                { name: 'metrics', containerPort: 9090 },
                { name: 'grpc', containerPort: 50051 },
              ],
            },
          ],
        },
      });
    }
    objects.push(policy(ns, 'deny-ingress', { podSelector: {}, policyTypes: ['Ingress'] }));
    objects.push(
      policy(ns, 'dns', {
        podSelector: {},
        policyTypes: ['Egress'],
        egress: [
          {
            to: [
              { namespaceSelector: {}, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } },
            ],
            ports: [{ port: 53, protocol: 'UDP' }],
          },
        ],
      }),
    );
    for (let k = 0; k < 23; k++) objects.push(appPolicy(ns, k));
  }
  return objects;
}

function appPolicy(ns: string, k: number): KubeObject {
  const app = `app-${String(k % APPS)}`;
  return policy(ns, `app-${String(k)}`, {
    podSelector: {
      matchLabels: { app },
      matchExpressions: [{ key: 'tier', operator: 'In', values: ['front', 'back'] }],
    },
    policyTypes: ['Ingress', 'Egress'],
    ingress: [
      {
        from: [{ podSelector: { matchLabels: { tier: 'front' } } }],
        ports: [{ port: 'http' }, { port: 9000, endPort: 9100 }],
      },
      {
        from: [
          {
            namespaceSelector: { matchLabels: { team: `t${String(random(5))}` } },
            podSelector: { matchLabels: { app: `app-${String(random(APPS))}` } },
          },
          blockPeer(random(200)),
        ],
        ports: [{ port: 'grpc' }],
      },
    ],
    egress: [
      {
        to: [{ podSelector: { matchLabels: { app: `app-${String(random(APPS))}` } } }],
        ports: [{ port: 'http' }],
      },
      { to: [{ namespaceSelector: { matchLabels: { env: 'prod' } } }], ports: [{ port: 50051 }] },
      {
        to: [
          {
            ipBlock: {
              cidr: '0.0.0.0/0',
              except: ['169.254.169.254/32', `172.${String(16 + random(16))}.0.0/12`],
            },
          },
        ],
        ports: [{ port: 443 }],
      },
    ],
  });
}

function blockPeer(octet: number): Record<string, unknown> {
  return {
    ipBlock: { cidr: `10.${String(octet)}.0.0/16`, except: [`10.${String(octet)}.1.0/24`] },
  };
}

function policy(ns: string, name: string, spec: Record<string, unknown>): KubeObject {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name, namespace: ns },
    spec,
  };
}

const objects = objectsFrom(generate(), { source: 'cluster' }, refOf);

// A fresh inventory per iteration: nothing is memoised across iterations. Target: under 1 s.
test('netpol: 1,000 pods, 500 policies', { timeout: 600_000 }, async ({ bench }) => {
  await bench.compare(
    bench('model + connection matrix', () => {
      connectionList(netpolModel(new Inventory(objects)));
    }),
    bench('model + connection matrix + text output', () => {
      connectionsText(connectionList(netpolModel(new Inventory(objects))));
    }),
    { time: 0, iterations: 10, warmupIterations: 2 },
  );
});
