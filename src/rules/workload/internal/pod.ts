import type { KubeObject } from '../../../model/kube-object.ts';
import type { PodSpecRef } from '../../../model/pod-spec.ts';
import { podSpecOf } from '../../../model/pod-spec.ts';

// Forty rules ask for the pod spec of the same object: resolve it once per object.
const cache = new WeakMap<KubeObject, PodSpecRef | null>();

/** `podSpecOf`, memoised per object for the rules of this folder. */
export function podOf(object: KubeObject): PodSpecRef | undefined {
  let pod = cache.get(object);
  if (pod === undefined) {
    pod = podSpecOf(object) ?? null;
    cache.set(object, pod);
  }
  return pod ?? undefined;
}
