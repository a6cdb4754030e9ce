import type { ObjectPath } from '../../../engine/finding.ts';
import type { PodSpecRef } from '../../../model/pod-spec.ts';
import type { ContainerRef } from './containers.ts';
import type { Rec } from './values.ts';
import { asRecord, isSet } from './values.ts';

/**
 * Fields a container's securityContext inherits from the pod's when it leaves them unset. The
 * kubelet takes the struct fields (`seccompProfile`, `appArmorProfile`, `seLinuxOptions`) whole
 * from whichever level sets them (`determineEffectiveSecurityContext` in pkg/securitycontext).
 */
export type InheritedField =
  | 'runAsNonRoot'
  | 'runAsUser'
  | 'runAsGroup'
  | 'seccompProfile'
  | 'appArmorProfile'
  | 'seLinuxOptions';

/** Where an effective setting comes from. */
export interface Resolved {
  value: unknown;
  path: ObjectPath;
  level: 'pod' | 'container';
}

export function podSecurityContext(pod: PodSpecRef): Rec | undefined {
  return asRecord((pod.spec as unknown as Rec).securityContext);
}

/** Path of a field of the pod-level securityContext. */
export function podContextPath(pod: PodSpecRef, ...rest: (string | number)[]): ObjectPath {
  return [...pod.path, 'securityContext', ...rest];
}

/** Path of a field of a container's securityContext. */
export function containerContextPath(
  container: ContainerRef,
  ...rest: (string | number)[]
): ObjectPath {
  return [...container.path, 'securityContext', ...rest];
}

/** The effective value of an inherited field for one container, or undefined when neither level sets it. */
export function resolve(
  pod: PodSpecRef,
  container: ContainerRef,
  field: InheritedField,
): Resolved | undefined {
  const own = container.securityContext?.[field];
  if (isSet(own))
    return { value: own, path: containerContextPath(container, field), level: 'container' };
  const inherited = podSecurityContext(pod)?.[field];
  if (isSet(inherited)) return { value: inherited, path: podContextPath(pod, field), level: 'pod' };
  return undefined;
}

/**
 * `windowsOptions.hostProcess` as the kubelet merges it: field by field, the container's value
 * overriding the pod's.
 */
export function resolveHostProcess(pod: PodSpecRef, container: ContainerRef): Resolved | undefined {
  const own = asRecord(container.securityContext?.windowsOptions)?.hostProcess;
  if (isSet(own)) {
    return {
      value: own,
      path: containerContextPath(container, 'windowsOptions', 'hostProcess'),
      level: 'container',
    };
  }
  const inherited = asRecord(podSecurityContext(pod)?.windowsOptions)?.hostProcess;
  if (isSet(inherited)) {
    return {
      value: inherited,
      path: podContextPath(pod, 'windowsOptions', 'hostProcess'),
      level: 'pod',
    };
  }
  return undefined;
}

/** `spec.os.name: windows`: Linux-only settings (users, capabilities, seccomp, …) do not apply. */
export function isWindowsPod(pod: PodSpecRef): boolean {
  return asRecord((pod.spec as unknown as Rec).os)?.name === 'windows';
}

/** A whole number, as UIDs and GIDs are; anything else (strings, floats) is garbage. */
export function asId(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
}
