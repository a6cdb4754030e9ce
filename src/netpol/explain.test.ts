import { describe, expect, it } from 'vitest';
import { DEFAULT_LOAD_OPTIONS, loadTexts } from '../input/index.ts';
import { Inventory } from '../model/inventory.ts';
import { formatConnections } from './connection-set.ts';
import { explainReach, verdictAllows } from './explain.ts';
import { reachJson } from './format/reach-json.ts';
import { reachText } from './format/reach-text.ts';
import { netpolModel } from './model.ts';
import { resolveEndpoint } from './resolve-endpoint.ts';

const yaml = `apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: shop }
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec: { containers: [{ name: web, image: nginx }] }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: db, namespace: shop }
spec:
  selector: { matchLabels: { app: db } }
  template:
    metadata: { labels: { app: db } }
    spec: { containers: [{ name: db, image: postgres, ports: [{ name: pg, containerPort: 5432 }] }] }
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: db, namespace: shop }
spec:
  podSelector: { matchLabels: { app: db } }
  ingress:
    - from: [{ podSelector: { matchLabels: { app: api } } }]
    - from: [{ podSelector: { matchLabels: { app: web } } }]
      ports: [{ port: pg }]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: web, namespace: shop }
spec:
  podSelector: { matchLabels: { app: web } }
  policyTypes: [Egress]
`;

function setup() {
  const model = netpolModel(
    new Inventory(loadTexts([{ path: 'np.yaml', text: yaml }], DEFAULT_LOAD_OPTIONS).objects),
  );
  const endpoint = (text: string) => {
    const found = resolveEndpoint(model, text);
    if (typeof found === 'string') throw new Error(found);
    return found;
  };
  return { model, endpoint };
}

describe('reach explanations', () => {
  it('resolves endpoints by id, namespace/name, name in default, or address', () => {
    const { model } = setup();
    expect(resolveEndpoint(model, 'shop/db[Deployment]')).toMatchObject({ kind: 'workload' });
    expect(resolveEndpoint(model, 'shop/db')).toMatchObject({ kind: 'workload' });
    expect(resolveEndpoint(model, 'db')).toMatch(/no workload "db"/);
    expect(resolveEndpoint(model, '8.8.8.8')).toMatchObject({ kind: 'address', family: 4 });
  });

  it('names the rule that allows and the rule that does not match', () => {
    const { model, endpoint } = setup();
    const [verdict] = explainReach(model, endpoint('shop/web'), endpoint('shop/db'));
    if (verdict === undefined) throw new Error('no verdict');
    // web's egress policy has no rules: it denies everything, whatever db allows.
    expect(verdict.egress?.isolated).toBe(true);
    expect(formatConnections(verdict.egress?.allows ?? verdict.allowed)).toBe('No Connections');
    expect(verdict.ingress?.policies[0]?.rules.map((r) => r.matches)).toEqual([false, true]);
    expect(formatConnections(verdict.ingress?.allows ?? verdict.allowed)).toBe('TCP 5432');
    expect(verdictAllows(verdict, { protocol: 'TCP', port: 5432 })).toBe(false);
    const text = reachText({
      from: 'shop/web[Deployment]',
      to: 'shop/db[Deployment]',
      port: undefined,
      verdicts: [verdict],
    });
    expect(text).toContain('shop/web[Deployment] => shop/db[Deployment]: DENIED');
    expect(text).toContain(
      'spec.ingress[1] matches shop/web[Deployment] (podSelector {app=web}): TCP 5432',
    );
    expect(text).toContain('no egress rules: denies all egress');
    expect(text).toContain('blocked by egress');
    expect(text).not.toContain('blocked by ingress');
  });

  it('an address is matched by ipBlocks only, and egress has no say for it as a source', () => {
    const { model, endpoint } = setup();
    const [verdict] = explainReach(model, endpoint('203.0.113.7'), endpoint('shop/db'));
    expect(verdict?.egress).toBeUndefined();
    expect(verdict?.allowed).toBeDefined();
    expect(formatConnections(verdict?.allowed ?? { SCTP: [], TCP: [], UDP: [] })).toBe(
      'No Connections',
    );
    const json = JSON.parse(
      reachJson({
        from: 'x',
        to: 'y',
        port: { protocol: 'TCP', port: 5432 },
        verdicts: explainReach(model, endpoint('shop/db'), endpoint('shop/web')),
      }),
    ) as { allowed: boolean; port: string };
    expect(json).toMatchObject({ allowed: true, port: '5432/TCP' });
  });
});
