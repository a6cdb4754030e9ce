import type { Inventory } from '../../../model/inventory.ts';
import { effectiveNamespace } from '../../../model/scope.ts';
import { asRecord } from './values.ts';

/** What scales a workload: an HPA (with its floor) or a KEDA ScaledObject. */
export type Autoscaler =
  | { kind: 'HorizontalPodAutoscaler'; name: string; minReplicas: number }
  | { kind: 'ScaledObject'; name: string };

const AUTOSCALERS = Symbol('workload/autoscalers');

/** Autoscalers by `namespace/Kind/name` of their target, computed once per scan. */
function index(inventory: Inventory): ReadonlyMap<string, Autoscaler> {
  return inventory.memo(AUTOSCALERS, (inv) => {
    const byTarget = new Map<string, Autoscaler>();
    for (const item of inv.ofKind('autoscaling/HorizontalPodAutoscaler')) {
      const spec = asRecord(item.object.spec);
      const target = asRecord(spec?.scaleTargetRef);
      if (typeof target?.kind !== 'string' || typeof target.name !== 'string') continue;
      const min = spec?.minReplicas;
      const ns = effectiveNamespace(item.object) ?? 'default';
      byTarget.set(`${ns}/${target.kind}/${target.name}`, {
        kind: 'HorizontalPodAutoscaler',
        name: item.ref.name,
        minReplicas: typeof min === 'number' ? min : 1,
      });
    }
    for (const item of inv.ofKind('keda.sh/ScaledObject')) {
      const target = asRecord(asRecord(item.object.spec)?.scaleTargetRef);
      if (typeof target?.name !== 'string') continue;
      const kind = typeof target.kind === 'string' ? target.kind : 'Deployment';
      const ns = effectiveNamespace(item.object) ?? 'default';
      byTarget.set(`${ns}/${kind}/${target.name}`, { kind: 'ScaledObject', name: item.ref.name });
    }
    return byTarget;
  });
}

/** The autoscaler of a workload in the scanned input, if any. */
export function autoscalerOf(
  inventory: Inventory,
  namespace: string,
  kind: string,
  name: string,
): Autoscaler | undefined {
  return index(inventory).get(`${namespace}/${kind}/${name}`);
}
