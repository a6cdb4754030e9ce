import type { ObjectPath } from '../../../engine/finding.ts';
import type { PodSpecRef } from '../../../model/pod-spec.ts';
import type { Rec } from './values.ts';
import { asArray, asRecord } from './values.ts';

export type ContainerKind = 'initContainers' | 'containers' | 'ephemeralContainers';

/** A container of a pod spec, with where it sits in the object. */
export interface ContainerRef {
  readonly kind: ContainerKind;
  readonly index: number;
  /** The container's name, or its position (`containers[0]`) when it has none. */
  readonly name: string;
  readonly value: Rec;
  readonly securityContext: Rec | undefined;
  /** Path of the container inside the object. */
  readonly path: ObjectPath;
  /** An init container with `restartPolicy: Always`: it runs beside the app (a native sidecar). */
  readonly sidecar: boolean;
}

/** Container kinds that run for the pod's lifetime or before it, without ephemeral (debug) ones. */
export const WORKLOAD_CONTAINERS: readonly ContainerKind[] = ['initContainers', 'containers'];
export const ALL_CONTAINERS: readonly ContainerKind[] = [
  'initContainers',
  'containers',
  'ephemeralContainers',
];

// Every rule walks the same containers: build the list once per pod spec and share it.
const cache = new WeakMap<
  object,
  { all: readonly ContainerRef[]; workload: readonly ContainerRef[] }
>();

function build(pod: PodSpecRef): readonly ContainerRef[] {
  const spec = pod.spec as unknown as Rec;
  const out: ContainerRef[] = [];
  for (const kind of ALL_CONTAINERS) {
    const list = asArray(spec[kind]);
    for (let index = 0; index < list.length; index++) {
      const value = asRecord(list[index]);
      if (value === undefined) continue;
      const name =
        typeof value.name === 'string' && value.name !== '' ? value.name : `${kind}[${index}]`;
      out.push({
        kind,
        index,
        name,
        value,
        securityContext: asRecord(value.securityContext),
        path: [...pod.path, kind, index],
        sidecar: kind === 'initContainers' && value.restartPolicy === 'Always',
      });
    }
  }
  return out;
}

/**
 * The containers of a pod spec of the given kinds (init, regular, ephemeral), in that order.
 * Entries that are not objects are skipped, but indexes stay those of the input.
 */
export function containersOf(
  pod: PodSpecRef,
  kinds: readonly ContainerKind[] = ALL_CONTAINERS,
): readonly ContainerRef[] {
  let lists = cache.get(pod.spec);
  if (lists === undefined) {
    const all = build(pod);
    lists = { all, workload: all.filter((c) => c.kind !== 'ephemeralContainers') };
    cache.set(pod.spec, lists);
  }
  if (kinds === ALL_CONTAINERS) return lists.all;
  if (kinds === WORKLOAD_CONTAINERS) return lists.workload;
  return lists.all.filter((c) => kinds.includes(c.kind));
}

/** Path of a field inside a container. */
export function fieldPath(container: ContainerRef, ...rest: (string | number)[]): ObjectPath {
  return [...container.path, ...rest];
}
