import type { ObjectPath } from '../../../engine/finding.ts';
import type { PodSpecRef } from '../../../model/pod-spec.ts';
import type { ContainerRef } from './containers.ts';
import { asRecord } from './values.ts';

/** A string annotation of the pod (template) metadata, with its path. */
export function podAnnotation(
  pod: PodSpecRef,
  key: string,
): { value: string; path: ObjectPath } | undefined {
  const value = asRecord(pod.metadata.annotations)?.[key];
  return typeof value === 'string'
    ? { value, path: [...pod.metadataPath, 'annotations', key] }
    : undefined;
}

/** The per-container annotation `<prefix><container name>` (legacy seccomp and AppArmor keys). */
export function containerAnnotation(
  pod: PodSpecRef,
  prefix: string,
  container: ContainerRef,
): { value: string; path: ObjectPath } | undefined {
  const name = container.value.name;
  return typeof name === 'string' ? podAnnotation(pod, `${prefix}${name}`) : undefined;
}
