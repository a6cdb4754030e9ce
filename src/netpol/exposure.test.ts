import { describe, expect, it } from 'vitest';
import { DEFAULT_LOAD_OPTIONS, loadTexts } from '../input/index.ts';
import { Inventory } from '../model/inventory.ts';
import { exposureOf } from './exposure.ts';
import { exposureCsv, exposureMarkdown, exposureText } from './format/exposure-format.ts';
import { exposureRows } from './format/exposure-rows.ts';
import { netpolModel } from './model.ts';

const deployment = (name: string) => `apiVersion: apps/v1
kind: Deployment
metadata: { name: ${name}, namespace: shop }
spec:
  selector: { matchLabels: { app: ${name} } }
  template:
    metadata: { labels: { app: ${name} } }
    spec: { containers: [{ name: c, image: nginx, ports: [{ name: http, containerPort: 8080 }] }] }
---
`;
const yaml = `${deployment('web')}${deployment('api')}apiVersion: v1
kind: Service
metadata: { name: web, namespace: shop }
spec: { type: LoadBalancer, selector: { app: web }, ports: [{ port: 80, targetPort: http }] }
---
apiVersion: v1
kind: Service
metadata: { name: api, namespace: shop }
spec: { selector: { app: api }, ports: [{ port: 80, targetPort: 8080 }] }
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: { name: api, namespace: shop }
spec:
  rules: [{ http: { paths: [{ path: /, pathType: Prefix, backend: { service: { name: api, port: { number: 80 } } } }] } }]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: web, namespace: shop }
spec:
  podSelector: { matchLabels: { app: web } }
  policyTypes: [Ingress, Egress]
  ingress:
    - from: [{ ipBlock: { cidr: 0.0.0.0/0 } }]
      ports: [{ port: 8080 }]
  egress:
    - to: [{ namespaceSelector: {}, podSelector: { matchLabels: { k8s-app: kube-dns } } }]
      ports: [{ port: 53, protocol: UDP }]
    - to: [{ ipBlock: { cidr: 0.0.0.0/0, except: [169.254.169.254/32] } }]
      ports: [{ port: 443 }, { port: 80 }]
`;

describe('exposure', () => {
  const model = netpolModel(
    new Inventory(loadTexts([{ path: 'x.yaml', text: yaml }], DEFAULT_LOAD_OPTIONS).objects),
  );
  const rows = exposureRows(exposureOf(model));
  const of = (workload: string) =>
    rows
      .filter((r) => r.workload === workload)
      .map((r) => `${r.direction} ${r.kind} ${r.target}: ${r.conn}`);

  it('reports what reaches a protected workload and what it reaches', () => {
    expect(of('shop/web[Deployment]')).toEqual([
      'ingress external 0.0.0.0-255.255.255.255: TCP 8080',
      'ingress service LoadBalancer shop/web forwards TCP 8080: TCP 8080',
      'egress external 0.0.0.0-169.254.169.253: TCP 80,443',
      'egress external 169.254.169.255-255.255.255.255: TCP 80,443',
      'egress selector [all namespaces]/[pod with {k8s-app=kube-dns}]: UDP 53',
      // Only 169.254.169.254 is excepted: Alibaba's metadata address stays open.
      'egress metadata 100.100.100.200: TCP 80,443',
    ]);
  });

  it('reports an unprotected workload, its Ingress and the metadata service', () => {
    expect(of('shop/api[Deployment]')).toEqual([
      'ingress unprotected -: All Connections',
      'ingress entire-cluster any pod in any namespace: All Connections',
      'ingress external 0.0.0.0-255.255.255.255: All Connections',
      'ingress ingress Ingress shop/api forwards TCP 8080: TCP 8080',
      'egress unprotected -: All Connections',
      'egress entire-cluster any pod in any namespace: All Connections',
      'egress external 0.0.0.0-169.254.169.253: All Connections',
      'egress external 169.254.169.254-169.254.169.254: All Connections',
      'egress external 169.254.169.255-255.255.255.255: All Connections',
      'egress metadata 169.254.169.254: All Connections',
      'egress metadata fd00:ec2::254: All Connections',
      'egress metadata 100.100.100.200: All Connections',
    ]);
  });

  it('renders text, CSV and Markdown', () => {
    const exposures = exposureOf(model);
    expect(exposureText(exposures)).toContain(
      'shop/api[Deployment]\n  ingress: not protected by any NetworkPolicy\n',
    );
    expect(exposureCsv(exposures).split('\n')[0]).toBe('workload,direction,kind,target,conn');
    expect(exposureCsv(exposures)).toContain('"TCP 80,443"');
    expect(exposureMarkdown(exposures).split('\n')[1]).toBe('| --- | --- | --- | --- | --- |');
  });
});
