import { classOfVariant } from './classes.ts';
import type { ConnectionSet } from './connection-set.ts';
import { NO_CONNECTIONS, isEmptyConnections, unionConnections } from './connection-set.ts';
import type { Evaluator } from './evaluate.ts';
import type { NetpolModel } from './model.ts';
import type { Workload } from './workloads.ts';

/**
 * Calls `emit` for every ordered pair of distinct workloads with something allowed. Workloads
 * whose pods form one class (nearly all) are grouped by class, and each class pair is evaluated
 * once and then fanned out to its workloads: the cost is classes² plus the output, not
 * workloads² evaluations. Workloads with several pod classes are paired one by one.
 */
export function workloadPairs(
  model: NetpolModel,
  evaluator: Evaluator,
  emit: (src: Workload, dst: Workload, conns: ConnectionSet) => void,
): void {
  const classesOf = new Map<Workload, number[]>();
  const byClass = new Map<number, Workload[]>();
  const mixed: Workload[] = [];
  for (const workload of model.workloads) {
    const classes = [...new Set(workload.variants.map((v) => classOfVariant(model.classes, v)))];
    classesOf.set(workload, classes);
    const [only] = classes;
    if (only === undefined || classes.length > 1) {
      mixed.push(workload);
      continue;
    }
    const group = byClass.get(only);
    if (group === undefined) byClass.set(only, [workload]);
    else group.push(workload);
  }
  for (const [s, sources] of byClass) {
    for (const [d, destinations] of byClass) {
      const conns = evaluator.between(s, d);
      if (isEmptyConnections(conns)) continue;
      for (const a of sources) for (const b of destinations) if (a !== b) emit(a, b, conns);
    }
  }
  const union = (a: Workload, b: Workload): ConnectionSet => {
    let conns = NO_CONNECTIONS;
    for (const s of classesOf.get(a) ?? []) {
      for (const d of classesOf.get(b) ?? [])
        conns = unionConnections(conns, evaluator.between(s, d));
    }
    return conns;
  };
  const isMixed = new Set(mixed);
  for (const a of mixed) {
    for (const b of model.workloads) {
      if (a === b) continue;
      const out = union(a, b);
      if (!isEmptyConnections(out)) emit(a, b, out);
      // Pairs of two mixed workloads are met twice; emit the reverse direction only once.
      if (isMixed.has(b)) continue;
      const back = union(b, a);
      if (!isEmptyConnections(back)) emit(b, a, back);
    }
  }
}
