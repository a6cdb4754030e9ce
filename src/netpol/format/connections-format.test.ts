import { describe, expect, it } from 'vitest';
import { DEFAULT_LOAD_OPTIONS, loadTexts } from '../../input/index.ts';
import { Inventory } from '../../model/inventory.ts';
import { connectionList } from '../connections.ts';
import { netpolModel } from '../model.ts';
import { connectionsDot } from './connections-dot.ts';
import { connectionsJson } from './connections-json.ts';
import { connectionsCsv, connectionsMarkdown } from './connections-table.ts';
import { connectionsText } from './connections-text.ts';

const yaml = `apiVersion: v1
kind: Pod
metadata: { name: a, namespace: x }
spec: { containers: [{ name: c, image: i }] }
---
apiVersion: v1
kind: Pod
metadata: { name: b, namespace: x, labels: { app: b } }
spec: { containers: [{ name: c, image: i }] }
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: b, namespace: x }
spec:
  podSelector: { matchLabels: { app: b } }
  policyTypes: [Ingress, Egress]
  ingress: [{ ports: [{ port: 80 }, { port: 53, protocol: UDP }] }]
`;

describe('connection list formats', () => {
  const model = netpolModel(
    new Inventory(loadTexts([{ path: 'x.yaml', text: yaml }], DEFAULT_LOAD_OPTIONS).objects),
  );
  const list = connectionList(model);

  it('text is the golden line format', () => {
    expect(connectionsText(list)).toBe(
      [
        '0.0.0.0-255.255.255.255[External] => x/a[Pod] : All Connections',
        '0.0.0.0-255.255.255.255[External] => x/b[Pod] : TCP 80,UDP 53',
        'x/a[Pod] => 0.0.0.0-255.255.255.255[External] : All Connections',
        'x/a[Pod] => x/b[Pod] : TCP 80,UDP 53',
        '',
      ].join('\n'),
    );
  });

  it('json carries the CONN string, port ranges and peer details', () => {
    const parsed = JSON.parse(connectionsJson(list)) as Record<string, unknown>[];
    expect(parsed[3]).toEqual({
      src: 'x/a[Pod]',
      dst: 'x/b[Pod]',
      conn: 'TCP 80,UDP 53',
      allowed: { TCP: [[80, 80]], UDP: [[53, 53]] },
      srcPeer: { type: 'workload', namespace: 'x', name: 'a', kind: 'Pod' },
      dstPeer: { type: 'workload', namespace: 'x', name: 'b', kind: 'Pod' },
    });
    expect(parsed[0]?.srcPeer).toEqual({
      type: 'external',
      first: '0.0.0.0',
      last: '255.255.255.255',
    });
  });

  it('csv quotes CONN, markdown escapes nothing it does not need to', () => {
    expect(connectionsCsv(list).split('\n')[4]).toBe('x/a[Pod],x/b[Pod],"TCP 80,UDP 53"');
    expect(connectionsMarkdown(list).split('\n')[0]).toBe('| src | dst | conn |');
    expect(connectionsMarkdown(list)).toContain('| x/a[Pod] | x/b[Pod] | TCP 80,UDP 53 |');
  });

  it('dot clusters workloads by namespace and labels edges', () => {
    const dot = connectionsDot(list, model.workloads);
    expect(dot).toMatch(/^digraph \{\n/);
    expect(dot).toContain('\tsubgraph cluster_0 {\n\t\tlabel="x"\n\t\t"x/a[Pod]" [label="a[Pod]"]');
    expect(dot).toContain('\t"x/a[Pod]" -> "x/b[Pod]" [label="TCP 80,UDP 53"]');
    expect(dot).toContain('\t"0.0.0.0-255.255.255.255[External]" [shape=ellipse style=dashed]');
  });
});
