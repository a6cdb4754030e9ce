import type { PssField } from '../check.ts';
import { containerField, specField } from '../internal/fields.ts';
import { containersPhrase, joinQuote, sortedSet } from '../internal/format.ts';
import type { ContainerView, PodView } from '../internal/pod-view.ts';
import type { Rec } from '../internal/values.ts';
import { asRecord, stringOrEmpty } from '../internal/values.ts';

/** The seccompProfile of a security context: undefined when unset, else its type ("" if none). */
export function seccompType(securityContext: Rec | undefined): string | undefined {
  const profile = asRecord(securityContext?.seccompProfile);
  return profile === undefined ? undefined : stringOrEmpty(profile.type);
}

export function validSeccompType(type: string): boolean {
  return type === 'RuntimeDefault' || type === 'Localhost';
}

export interface SeccompSetters {
  detail: string;
  fields: PssField[];
}

/**
 * The explicit half shared by seccompProfile_baseline (v1.19+) and seccompProfile_restricted:
 * the pod and the containers that set seccompProfile.type to something other than RuntimeDefault
 * or Localhost. `implicit` collects containers without a profile of their own.
 */
export function badSeccompSetters(
  pod: PodView,
  implicit?: ContainerView[],
): SeccompSetters | undefined {
  const setters: string[] = [];
  const values: string[] = [];
  const fields: PssField[] = [];
  const podType = seccompType(pod.securityContext);
  if (podType !== undefined && !validSeccompType(podType)) {
    setters.push('pod');
    values.push(podType);
    fields.push(specField('securityContext', 'seccompProfile', 'type'));
  }
  const names: string[] = [];
  for (const c of pod.containers) {
    const type = seccompType(c.securityContext);
    if (type === undefined) {
      implicit?.push(c);
      continue;
    }
    if (validSeccompType(type)) continue;
    names.push(c.name);
    values.push(type);
    fields.push(containerField(c, 'securityContext', 'seccompProfile', 'type'));
  }
  if (names.length > 0) setters.push(containersPhrase(names));
  if (setters.length === 0) return undefined;
  return {
    detail: `${setters.join(' and ')} must not set securityContext.seccompProfile.type to ${joinQuote(sortedSet(values))}`,
    fields,
  };
}
