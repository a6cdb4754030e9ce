import { formatConnections } from '../connection-set.ts';
import type { Connection } from '../connections.ts';
import type { Workload } from '../workloads.ts';

/**
 * The connection list as a Graphviz digraph: one cluster per namespace holding its workloads
 * (every workload, connected or not), External ranges and the ingress controller as separate
 * nodes, one edge per connection labelled with its CONN string.
 */
export function connectionsDot(
  connections: readonly Connection[],
  workloads: readonly Workload[],
): string {
  const lines = ['digraph {', '\tnode [shape=box fontsize=10]', '\tedge [fontsize=9]'];
  const byNamespace = new Map<string, Workload[]>();
  for (const w of workloads)
    byNamespace.set(w.namespace, [...(byNamespace.get(w.namespace) ?? []), w]);
  let cluster = 0;
  for (const [namespace, members] of [...byNamespace].sort(([a], [b]) =>
    a < b ? -1 : a > b ? 1 : 0,
  )) {
    lines.push(`\tsubgraph cluster_${cluster++} {`, `\t\tlabel=${quote(namespace)}`);
    for (const w of members)
      lines.push(`\t\t${quote(w.id)} [label=${quote(`${w.name}[${w.kind}]`)}]`);
    lines.push('\t}');
  }
  const others = new Set<string>();
  for (const c of connections) {
    if (c.src.kind !== 'workload') others.add(c.srcName);
    if (c.dst.kind !== 'workload') others.add(c.dstName);
  }
  for (const name of [...others].sort()) {
    const style = name === '{ingress-controller}' ? 'shape=oval' : 'shape=ellipse style=dashed';
    lines.push(`\t${quote(name)} [${style}]`);
  }
  for (const c of connections) {
    lines.push(
      `\t${quote(c.srcName)} -> ${quote(c.dstName)} [label=${quote(formatConnections(c.conns))}]`,
    );
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

function quote(text: string): string {
  return `"${text.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
}
