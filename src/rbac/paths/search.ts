// Shortest escalation paths by one breadth-first search backwards from the goal: every node's
// distance to cluster-admin and its next step, in O(nodes + edges) whatever the number of start
// nodes. Ties go to the edge added first (graph order is deterministic), so output is stable.
import { GOAL } from './types.ts';
import type { EscalationGraph, EscalationPath, PathEdge } from './types.ts';

export interface PathSearchOptions {
  /** Longest path reported (steps). */
  maxSteps?: number;
  /** Only paths from start nodes whose id or label contains this text. */
  from?: string;
  /** Follow steps that work only on these providers' clusters (EKS aws-auth); none by default. */
  providers?: readonly 'eks'[];
}

export function shortestPaths(
  graph: EscalationGraph,
  options: PathSearchOptions = {},
): EscalationPath[] {
  const maxSteps = options.maxSteps ?? 8;
  const incoming = new Map<string, PathEdge[]>();
  for (const list of graph.edges.values()) {
    for (const edge of list) {
      if (edge.provider !== undefined && options.providers?.includes(edge.provider) !== true)
        continue;
      const into = incoming.get(edge.to);
      if (into === undefined) incoming.set(edge.to, [edge]);
      else into.push(edge);
    }
  }
  const next = new Map<string, PathEdge>();
  const distance = new Map<string, number>([[GOAL, 0]]);
  const queue: string[] = [GOAL];
  // Iterating an array that grows while it is iterated visits the appended ids too: a FIFO queue.
  for (const id of queue) {
    const d = distance.get(id) ?? 0;
    if (d >= maxSteps) continue;
    for (const edge of incoming.get(id) ?? []) {
      if (distance.has(edge.from)) continue;
      distance.set(edge.from, d + 1);
      next.set(edge.from, edge);
      queue.push(edge.from);
    }
  }
  const paths: EscalationPath[] = [];
  const filter = options.from?.toLowerCase();
  for (const id of graph.starts) {
    const from = graph.nodes.get(id);
    if (from === undefined || !next.has(id)) continue;
    if (
      filter !== undefined &&
      !id.toLowerCase().includes(filter) &&
      !from.label.toLowerCase().includes(filter)
    )
      continue;
    const steps: PathEdge[] = [];
    for (let edge = next.get(id); edge !== undefined; edge = next.get(edge.to)) steps.push(edge);
    paths.push({ from, steps });
  }
  return paths.sort(
    (a, b) =>
      a.steps.length - b.steps.length ||
      (a.from.id < b.from.id ? -1 : a.from.id > b.from.id ? 1 : 0),
  );
}
