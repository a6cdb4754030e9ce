import type { EscalationPath, PathEdge, PathNode, StepGrant } from '../paths/types.ts';
import { describeObject } from './describe.ts';

function grantText(grant: StepGrant): string {
  return `${describeObject(grant.binding)} → ${describeObject(grant.role)} (rule ${grant.ruleIndex})`;
}

function stepText(step: PathEdge, i: number): string[] {
  const lines = [`  ${i + 1}. ${step.action}`];
  if (step.grant !== undefined) lines.push(`     via ${grantText(step.grant)}`);
  if (step.alsoNeeds !== undefined) lines.push(`     and ${grantText(step.alsoNeeds)}`);
  return lines;
}

/** Shortest paths first; each step says what is done and which grant allows it. */
export function pathsText(paths: readonly EscalationPath[]): string {
  if (paths.length === 0)
    return 'No subject or workload of the input can reach cluster-admin-equivalent power.\n';
  const blocks = paths.map((path) => {
    const n = path.steps.length;
    const head = `${path.from.label} → cluster-admin in ${n} step${n === 1 ? '' : 's'}`;
    return [head, ...path.steps.flatMap(stepText)].join('\n');
  });
  return `${blocks.join('\n\n')}\n`;
}

export function pathsJson(paths: readonly EscalationPath[]): string {
  return `${JSON.stringify({ paths }, null, 2)}\n`;
}

const SHAPES: Record<string, string> = {
  User: 'ellipse',
  Group: 'ellipse',
  ServiceAccount: 'ellipse',
  Workload: 'box',
  NamespaceAccounts: 'octagon',
  NamespacePods: 'folder',
  Node: 'box3d',
  ClusterAdmin: 'doubleoctagon',
};

const quote = (text: string) => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** Graphviz DOT of the union of the paths: every node once, every step once, labelled with its action. */
export function pathsDot(
  paths: readonly EscalationPath[],
  graphNodes: ReadonlyMap<string, PathNode>,
): string {
  const nodes = new Map<string, { label: string; kind: string }>(graphNodes);
  const edges = new Map<string, PathEdge>();
  for (const path of paths) {
    for (const step of path.steps) edges.set(`${step.from}\u0000${step.to}`, step);
  }
  const lines = [
    'digraph escalation {',
    '  rankdir=LR;',
    '  node [fontname="Helvetica"];',
    '  edge [fontname="Helvetica", fontsize=10];',
  ];
  const ids = new Set([
    ...paths.map((p) => p.from.id),
    ...[...edges.values()].flatMap((e) => [e.from, e.to]),
  ]);
  for (const id of [...ids].sort()) {
    const node = nodes.get(id);
    const kind = node?.kind ?? id.split(':')[0] ?? '';
    const label = node?.label ?? id.replace(':', ' ');
    lines.push(`  ${quote(id)} [label=${quote(label)}, shape=${SHAPES[kind] ?? 'ellipse'}];`);
  }
  for (const edge of edges.values()) {
    const via =
      edge.grant === undefined ? '' : `\\nvia ${grantText(edge.grant).replace(/"/g, '\\"')}`;
    lines.push(
      `  ${quote(edge.from)} -> ${quote(edge.to)} [label="${edge.action.replace(/"/g, '\\"')}${via}"];`,
    );
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}
