import type { ObjectPath } from '../engine/finding.ts';
import type { KubeObject } from '../model/kube-object.ts';
import { isRecord } from '../model/kube-object.ts';
import { podSpecOf } from '../model/pod-spec.ts';

const CONTAINER_LISTS = new Set(['containers', 'initContainers', 'ephemeralContainers']);

/**
 * The name of the container a finding is about: its path runs through `…containers[i]…` (or init or
 * ephemeral containers) of the object's pod spec. Undefined for pod-level or non-workload findings.
 */
export function containerNameOf(object: KubeObject, path: ObjectPath): string | undefined {
  const pod = podSpecOf(object);
  if (pod === undefined || path.length < pod.path.length + 2) return undefined;
  if (!pod.path.every((segment, i) => path[i] === segment)) return undefined;
  const field = path[pod.path.length];
  const index = path[pod.path.length + 1];
  if (typeof field !== 'string' || !CONTAINER_LISTS.has(field) || typeof index !== 'number')
    return undefined;
  const list: unknown = (pod.spec as unknown as Record<string, unknown>)[field];
  const container: unknown = Array.isArray(list) ? list[index] : undefined;
  return isRecord(container) && typeof container.name === 'string' ? container.name : undefined;
}
