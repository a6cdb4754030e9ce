import { describe, expect, it } from 'vitest';
import { DEFAULT_LOAD_OPTIONS, loadTexts } from '../input/index.ts';
import { Inventory } from '../model/inventory.ts';
import { formatConnections } from './connection-set.ts';
import { connectionList } from './connections.ts';
import { netpolModel } from './model.ts';
import type { NetpolOptions } from './options.ts';

// Spec semantics, one corner each: https://kubernetes.io/docs/concepts/services-networking/network-policies/

const pod = (name: string, ns: string, labels: string, extra = '') => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  namespace: ${ns}
  labels: { ${labels} }
spec:
  containers:
    - name: c
      image: nginx
      ports:
        - { name: http, containerPort: 8080 }
        - { name: dns, containerPort: 53, protocol: UDP }
${extra}---
`;
const namespace = (name: string, labels: string) =>
  `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n  labels: { ${labels} }\n---\n`;
const policy = (ns: string, spec: string) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: p${String(Math.random()).slice(2, 8)}
  namespace: ${ns}
spec:
${spec}---
`;

const BASE =
  namespace('a', 'team: red') +
  pod('web', 'a', 'app: web') +
  pod('db', 'a', 'app: db') +
  pod('client', 'b', 'app: client');

/** The connection list as a map `SRC => DST` → CONN. */
function connections(yaml: string, options: Partial<NetpolOptions> = {}): Map<string, string> {
  const loaded = loadTexts([{ path: 'test.yaml', text: yaml }], DEFAULT_LOAD_OPTIONS);
  expect(loaded.diagnostics.filter((d) => d.level === 'error')).toEqual([]);
  const model = netpolModel(new Inventory(loaded.objects), options);
  expect(model.invalidPolicies.map((p) => p.problems)).toEqual([]);
  return new Map(
    connectionList(model).map((c) => [`${c.srcName} => ${c.dstName}`, formatConnections(c.conns)]),
  );
}

const WEB = 'a/web[Pod]';
const DB = 'a/db[Pod]';
const CLIENT = 'b/client[Pod]';
const ANY = '0.0.0.0-255.255.255.255[External]';

describe('NetworkPolicy semantics', () => {
  it('without policies everything is allowed, except a workload to itself and External to External', () => {
    const c = connections(BASE);
    expect(c.get(`${CLIENT} => ${WEB}`)).toBe('All Connections');
    expect(c.get(`${ANY} => ${WEB}`)).toBe('All Connections');
    expect(c.get(`${WEB} => ${ANY}`)).toBe('All Connections');
    expect(c.has(`${WEB} => ${WEB}`)).toBe(false);
    expect(c.size).toBe(6 + 3 + 3);
  });

  it('a policy isolates only the selected pods, only in its directions', () => {
    const c = connections(BASE + policy('a', '  podSelector: { matchLabels: { app: db } }\n'));
    expect(c.has(`${WEB} => ${DB}`)).toBe(false);
    expect(c.has(`${ANY} => ${DB}`)).toBe(false);
    expect(c.get(`${DB} => ${WEB}`)).toBe('All Connections');
    expect(c.get(`${CLIENT} => ${WEB}`)).toBe('All Connections');
  });

  it('a connection needs the egress of the source and the ingress of the destination', () => {
    const c = connections(
      BASE +
        policy(
          'a',
          '  podSelector: { matchLabels: { app: web } }\n  egress:\n    - ports: [{ port: 5432 }]\n',
        ) +
        policy(
          'a',
          '  podSelector: { matchLabels: { app: db } }\n  ingress:\n    - ports: [{ port: 5432 }, { port: 6379 }]\n',
        ),
    );
    expect(c.get(`${WEB} => ${DB}`)).toBe('TCP 5432');
    expect(c.get(`${WEB} => ${ANY}`)).toBe('TCP 5432');
    expect(c.get(`${CLIENT} => ${DB}`)).toBe('TCP 5432,6379');
  });

  it('ingress: [{}] allows everything; from: [] and ports: [] mean every peer and port', () => {
    for (const rule of ['    - {}\n', '    - from: []\n      ports: []\n']) {
      const c = connections(BASE + policy('a', `  podSelector: {}\n  ingress:\n${rule}`));
      expect(c.get(`${CLIENT} => ${DB}`)).toBe('All Connections');
      expect(c.get(`${ANY} => ${DB}`)).toBe('All Connections');
    }
  });

  it('podSelector and namespaceSelector in one entry are ANDed, in two entries ORed', () => {
    const both = connections(
      BASE +
        policy(
          'a',
          '  podSelector: {}\n  ingress:\n    - from:\n        - namespaceSelector: { matchLabels: { team: red } }\n          podSelector: { matchLabels: { app: web } }\n',
        ),
    );
    expect(both.get(`${WEB} => ${DB}`)).toBe('All Connections');
    expect(both.has(`${CLIENT} => ${DB}`)).toBe(false);
    const either = connections(
      BASE +
        policy(
          'a',
          '  podSelector: {}\n  ingress:\n    - from:\n        - namespaceSelector: { matchLabels: { kubernetes.io/metadata.name: b } }\n        - podSelector: { matchLabels: { app: web } }\n',
        ),
    );
    expect(either.get(`${CLIENT} => ${DB}`)).toBe('All Connections');
    expect(either.get(`${WEB} => ${DB}`)).toBe('All Connections');
    expect(either.has(`${ANY} => ${DB}`)).toBe(false);
  });

  it('a podSelector alone looks in the policy namespace only', () => {
    const c = connections(
      BASE +
        pod('web', 'b', 'app: web') +
        policy(
          'a',
          '  podSelector: {}\n  ingress:\n    - from:\n        - podSelector: { matchLabels: { app: web } }\n',
        ),
    );
    expect(c.get(`${WEB} => ${DB}`)).toBe('All Connections');
    expect(c.has(`b/web[Pod] => ${DB}`)).toBe(false);
  });

  it('ports: endPort ranges, protocols (TCP by default), named ports resolved on the destination', () => {
    const c = connections(
      BASE +
        policy(
          'a',
          `  podSelector: { matchLabels: { app: db } }
  ingress:
    - ports:
        - { port: 8000, endPort: 8010 }
        - { protocol: SCTP }
        - { port: http }
        - { port: dns, protocol: UDP }
        - { port: dns }
`,
        ),
    );
    expect(c.get(`${CLIENT} => ${DB}`)).toBe('SCTP 1-65535,TCP 8000-8010,8080,UDP 53');
  });

  it('egress named ports resolve on each destination pod, never on an address', () => {
    const c = connections(
      BASE +
        pod('other', 'a', 'app: other', '        - { name: web, containerPort: 9000 }\n') +
        policy(
          'a',
          '  podSelector: { matchLabels: { app: web } }\n  egress:\n    - ports: [{ port: http }]\n',
        ),
    );
    expect(c.get(`${WEB} => ${DB}`)).toBe('TCP 8080');
    expect(c.get(`${WEB} => a/other[Pod]`)).toBe('TCP 8080');
    expect(c.has(`${WEB} => ${ANY}`)).toBe(false);
  });

  it('ipBlocks cut the external space; except removes addresses', () => {
    const c = connections(
      BASE +
        policy(
          'a',
          '  podSelector: { matchLabels: { app: db } }\n  ingress:\n    - from:\n        - ipBlock: { cidr: 10.0.0.0/8, except: [10.1.0.0/16] }\n',
        ),
    );
    expect(c.get(`10.0.0.0-10.0.255.255[External] => ${DB}`)).toBe('All Connections');
    expect(c.has(`10.1.0.0-10.1.255.255[External] => ${DB}`)).toBe(false);
    expect(c.get(`10.2.0.0-10.255.255.255[External] => ${DB}`)).toBe('All Connections');
    expect(c.get(`11.0.0.0-255.255.255.255[External] => ${WEB}`)).toBe('All Connections');
    expect(c.has(`${WEB} => ${DB}`)).toBe(false); // ipBlocks match no pod by default
  });

  it('with ipBlocksMatchPods, ipBlocks match pods by their status IPs', () => {
    const withIp = pod('web', 'a', 'app: web').replace(
      '---\n',
      'status:\n  podIPs:\n    - ip: 10.1.2.3\n---\n',
    );
    const yaml =
      namespace('a', '') +
      withIp +
      pod('db', 'a', 'app: db') +
      policy(
        'a',
        '  podSelector: { matchLabels: { app: db } }\n  ingress:\n    - from:\n        - ipBlock: { cidr: 10.0.0.0/8 }\n',
      );
    expect(connections(yaml).has(`${WEB} => ${DB}`)).toBe(false);
    expect(connections(yaml, { ipBlocksMatchPods: true }).get(`${WEB} => ${DB}`)).toBe(
      'All Connections',
    );
  });

  it('namespaces without a Namespace object still carry kubernetes.io/metadata.name', () => {
    const c = connections(
      BASE +
        policy(
          'a',
          '  podSelector: {}\n  ingress:\n    - from:\n        - namespaceSelector: { matchExpressions: [{ key: kubernetes.io/metadata.name, operator: In, values: [b] }] }\n',
        ),
    );
    expect(c.get(`${CLIENT} => ${WEB}`)).toBe('All Connections');
    expect(c.has(`${DB} => ${WEB}`)).toBe(false);
  });

  it('policyTypes: Egress alone leaves ingress open; egress rules without policyTypes imply Egress', () => {
    const egressOnly = connections(
      BASE + policy('a', '  podSelector: {}\n  policyTypes: [Egress]\n'),
    );
    expect(egressOnly.get(`${CLIENT} => ${WEB}`)).toBe('All Connections');
    expect(egressOnly.has(`${WEB} => ${CLIENT}`)).toBe(false);
    const implied = connections(
      BASE +
        policy('a', '  podSelector: {}\n  egress:\n    - ports: [{ port: 53, protocol: UDP }]\n'),
    );
    expect(implied.get(`${WEB} => ${CLIENT}`)).toBe('UDP 53');
    expect(implied.has(`${CLIENT} => ${WEB}`)).toBe(false);
  });

  it('rules of all selecting policies add up', () => {
    const c = connections(
      BASE +
        policy('a', '  podSelector: {}\n  ingress:\n    - ports: [{ port: 80 }]\n') +
        policy(
          'a',
          '  podSelector: { matchLabels: { app: db } }\n  ingress:\n    - ports: [{ port: 81 }]\n',
        ),
    );
    expect(c.get(`${CLIENT} => ${DB}`)).toBe('TCP 80-81');
    expect(c.get(`${CLIENT} => ${WEB}`)).toBe('TCP 80');
  });

  it('pods of one owner collapse into one peer; their connections are the union', () => {
    const owned = (name: string, labels: string) =>
      pod(name, 'a', labels).replace(
        `  name: ${name}\n`,
        `  name: ${name}\n  ownerReferences: [{ apiVersion: apps/v1, kind: ReplicaSet, name: rs, uid: u, controller: true }]\n`,
      );
    const c = connections(
      owned('rs-1', 'app: x, v: one') +
        owned('rs-2', 'app: x, v: two') +
        pod('db', 'a', 'app: db') +
        policy(
          'a',
          '  podSelector: { matchLabels: { app: db } }\n  ingress:\n    - from: [{ podSelector: { matchLabels: { v: one } } }]\n      ports: [{ port: 1 }]\n    - from: [{ podSelector: { matchLabels: { v: two } } }]\n      ports: [{ port: 2 }]\n',
        ),
    );
    expect(c.get(`a/rs[ReplicaSet] => ${DB}`)).toBe('TCP 1-2');
  });

  it('IPv6 ipBlocks add the IPv6 space', () => {
    const c = connections(
      BASE +
        policy(
          'a',
          '  podSelector: { matchLabels: { app: db } }\n  ingress:\n    - from: [{ ipBlock: { cidr: "2001:db8::/32" } }]\n',
        ),
    );
    expect(c.get(`2001:db8::-2001:db8:ffff:ffff:ffff:ffff:ffff:ffff[External] => ${DB}`)).toBe(
      'All Connections',
    );
    expect(c.has(`::-2001:db7:ffff:ffff:ffff:ffff:ffff:ffff[External] => ${DB}`)).toBe(false);
    expect(c.get(`::-2001:db7:ffff:ffff:ffff:ffff:ffff:ffff[External] => ${WEB}`)).toBe(
      'All Connections',
    );
  });

  it('a policy the API server would reject is reported and ignored', () => {
    const loaded = loadTexts(
      [
        {
          path: 't.yaml',
          text:
            BASE + policy('a', '  podSelector: {}\n  ingress:\n    - ports: [{ port: 70000 }]\n'),
        },
      ],
      DEFAULT_LOAD_OPTIONS,
    );
    const model = netpolModel(new Inventory(loaded.objects));
    expect(model.invalidPolicies[0]?.problems).toEqual([
      'spec.ingress[0].ports[0]: port must be a number in 1-65535 or a name',
    ]);
    expect(connectionList(model).some((c) => c.dstName === DB && c.srcName === CLIENT)).toBe(true);
  });
});
