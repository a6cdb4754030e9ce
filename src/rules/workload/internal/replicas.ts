import type { KubeObject } from '../../../model/kube-object.ts';
import type { Inventory } from '../../../model/inventory.ts';
import { effectiveNamespace } from '../../../model/scope.ts';
import type { Autoscaler } from './autoscalers.ts';
import { autoscalerOf } from './autoscalers.ts';
import { asRecord } from './values.ts';

/** A Deployment's replica count as it will run: `spec.replicas`, 1 when unset, or its autoscaler's floor. */
export interface Replicas {
  /** undefined when `spec.replicas` is not a number (the API server would reject the object). */
  count: number | undefined;
  explicit: boolean;
  autoscaler: Autoscaler | undefined;
}

export function replicasOf(object: KubeObject, inventory: Inventory): Replicas {
  const ns = effectiveNamespace(object) ?? 'default';
  const autoscaler = autoscalerOf(
    inventory,
    ns,
    object.kind,
    typeof object.metadata?.name === 'string' ? object.metadata.name : '',
  );
  const raw = asRecord(object.spec)?.replicas;
  if (raw === undefined || raw === null) return { count: 1, explicit: false, autoscaler };
  return { count: typeof raw === 'number' ? raw : undefined, explicit: true, autoscaler };
}
