import type { ObjectPath } from '../../../engine/finding.ts';
import type { Inventory } from '../../../model/inventory.ts';
import type { KubeObject } from '../../../model/kube-object.ts';
import type { PodSpecRef } from '../../../model/pod-spec.ts';
import { effectiveNamespace } from '../../../model/scope.ts';
import type { ContainerRef } from './containers.ts';
import { WORKLOAD_CONTAINERS, containersOf } from './containers.ts';
import type { Rec } from './values.ts';
import { asArray, asRecord, isSet } from './values.ts';

export type ResourceName = 'cpu' | 'memory' | 'ephemeral-storage';
export type Bound = 'requests' | 'limits';

/** Resources a namespace's LimitRanges give containers that set none (`default`, `defaultRequest`). */
interface NamespaceDefaults {
  limits: Set<string>;
  requests: Set<string>;
}

const LIMIT_RANGES = Symbol('workload/limit-range-defaults');

/** LimitRange defaults by namespace, computed once per scan. */
function limitRangeDefaults(inventory: Inventory): ReadonlyMap<string, NamespaceDefaults> {
  return inventory.memo(LIMIT_RANGES, (inv) => {
    const byNamespace = new Map<string, NamespaceDefaults>();
    for (const item of inv.ofKind('LimitRange')) {
      const ns = effectiveNamespace(item.object) ?? 'default';
      let entry = byNamespace.get(ns);
      if (entry === undefined) {
        entry = { limits: new Set(), requests: new Set() };
        byNamespace.set(ns, entry);
      }
      for (const limit of asArray(asRecord(item.object.spec)?.limits)) {
        const rec = asRecord(limit);
        if (rec?.type !== 'Container') continue;
        // The LimitRanger admission plugin defaults requests to `defaultRequest`, else to `default`.
        for (const name of Object.keys(asRecord(rec.default) ?? {})) {
          entry.limits.add(name);
          entry.requests.add(name);
        }
        for (const name of Object.keys(asRecord(rec.defaultRequest) ?? {}))
          entry.requests.add(name);
      }
    }
    return byNamespace;
  });
}

function has(resources: Rec | undefined, bound: Bound, name: ResourceName): boolean {
  return isSet(asRecord(resources?.[bound])?.[name]);
}

/**
 * True when the container ends up with a value for `bound`/`name`: its own, a request defaulted
 * from its limit, pod-level resources (`spec.resources`, which bound all containers together), or
 * a LimitRange default of the object's namespace in the scanned input.
 */
export function hasResource(
  pod: PodSpecRef,
  container: ContainerRef,
  bound: Bound,
  name: ResourceName,
  defaults: NamespaceDefaults | undefined,
): boolean {
  const own = asRecord(container.value.resources);
  if (has(own, bound, name) || (bound === 'requests' && has(own, 'limits', name))) return true;
  const podLevel = asRecord((pod.spec as unknown as Rec).resources);
  if (has(podLevel, bound, name) || (bound === 'requests' && has(podLevel, 'limits', name)))
    return true;
  return defaults?.[bound].has(name) === true;
}

/** The containers (init and regular) that end up without `bound`/`name`, with the path of the missing field. */
export function missingResource(
  object: KubeObject,
  inventory: Inventory,
  pod: PodSpecRef,
  bound: Bound,
  name: ResourceName,
): { container: ContainerRef; path: ObjectPath }[] {
  const ns = effectiveNamespace(object) ?? 'default';
  const defaults = limitRangeDefaults(inventory).get(ns);
  const out: { container: ContainerRef; path: ObjectPath }[] = [];
  for (const c of containersOf(pod, WORKLOAD_CONTAINERS)) {
    if (hasResource(pod, c, bound, name, defaults)) continue;
    out.push({ container: c, path: [...c.path, 'resources', bound, name] });
  }
  return out;
}
