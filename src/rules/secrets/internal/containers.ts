import type { PathSegment } from '../../../engine/finding.ts';
import { isRecord } from '../../../model/kube-object.ts';
import type { PodSpecRef } from '../../../model/pod-spec.ts';

/** One container of a pod spec, wherever it is declared, with its path in the object. */
export interface ContainerRef {
  container: Record<string, unknown>;
  name: string;
  path: PathSegment[];
}

const CONTAINER_LISTS = ['initContainers', 'containers', 'ephemeralContainers'] as const;
const MAX_CONTAINERS = 1000;

/** Init, regular and ephemeral containers of a pod spec (entries that are not objects skipped). */
export function containersOf(pod: PodSpecRef): ContainerRef[] {
  const spec = pod.spec as unknown as Record<string, unknown>;
  const refs: ContainerRef[] = [];
  for (const list of CONTAINER_LISTS) {
    const containers = spec[list];
    if (!Array.isArray(containers)) continue;
    containers.slice(0, MAX_CONTAINERS).forEach((container: unknown, index) => {
      if (!isRecord(container)) return;
      const name = typeof container.name === 'string' ? container.name : `#${index}`;
      refs.push({ container, name, path: [...pod.path, list, index] });
    });
  }
  return refs;
}

/** The object entries of a container's `env` or `envFrom` list, with their indexes. */
export function listEntries(
  container: Record<string, unknown>,
  field: 'env' | 'envFrom',
): { entry: Record<string, unknown>; index: number }[] {
  const list = container[field];
  if (!Array.isArray(list)) return [];
  const entries: { entry: Record<string, unknown>; index: number }[] = [];
  list.slice(0, 10_000).forEach((entry: unknown, index) => {
    if (isRecord(entry)) entries.push({ entry, index });
  });
  return entries;
}
