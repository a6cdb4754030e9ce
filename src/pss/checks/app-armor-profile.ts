import type { PssCheckDefinition, PssCheckOutcome, PssField } from '../check.ts';
import { upstreamSource } from '../check.ts';
import { annotationField, containerField, specField } from '../internal/fields.ts';
import {
  compareGo,
  containersPhrase,
  goQuote,
  joinQuote,
  pluralize,
  sortedSet,
} from '../internal/format.ts';
import type { ContainerView, PodView } from '../internal/pod-view.ts';
import type { Rec } from '../internal/values.ts';
import { asRecord, isSet, stringOrEmpty } from '../internal/values.ts';

/** Prefix of the deprecated per-container AppArmor annotations, still checked upstream. */
export const APPARMOR_ANNOTATION_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';

/** A bad `appArmorProfile.type`, or undefined when the profile is unset or allowed. */
function badType(securityContext: Rec | undefined): string | undefined {
  const profile = asRecord(securityContext?.appArmorProfile);
  if (profile === undefined) return undefined;
  const type = stringOrEmpty(profile.type); // a profile without type carries Go's ""
  return type === 'RuntimeDefault' || type === 'Localhost' ? undefined : type;
}

/**
 * Whether the API server gives a container the Unconfined field from its annotation before
 * admission (applyAppArmorVersionSkew in pkg/registry/core/pod/strategy.go): Pods only, not
 * Windows, when the container sets no profile and the pod's profile differs. Only the
 * `unconfined` value matters here: the others translate to allowed types.
 */
function unconfinedFromAnnotation(pod: PodView, c: ContainerView): boolean {
  if (pod.template || pod.windows || asRecord(c.securityContext?.appArmorProfile) !== undefined) {
    return false;
  }
  if (pod.annotations?.[APPARMOR_ANNOTATION_PREFIX + c.name] !== 'unconfined') return false;
  const podProfile = asRecord(pod.securityContext?.appArmorProfile);
  return !(podProfile?.type === 'Unconfined' && !isSet(podProfile.localhostProfile));
}

function allowedAnnotation(value: string): boolean {
  return value === '' || value === 'runtime/default' || value.startsWith('localhost/');
}

/**
 * Mirrors check_appArmorProfile.go. Its single revision (v1.0) checks the annotations and,
 * since Kubernetes 1.30, the appArmorProfile fields too, at every policy version.
 */
function appArmorProfile1Dot0(pod: PodView): PssCheckOutcome | undefined {
  const setters: string[] = [];
  const types: string[] = [];
  const fields: PssField[] = [];
  const podType = badType(pod.securityContext);
  if (podType !== undefined) {
    setters.push('pod');
    types.push(podType);
    fields.push(specField('securityContext', 'appArmorProfile', 'type'));
  }
  const names: string[] = [];
  for (const c of pod.containers) {
    const type = badType(c.securityContext);
    if (type !== undefined) {
      names.push(c.name);
      types.push(type);
      fields.push(containerField(c, 'securityContext', 'appArmorProfile', 'type'));
    } else if (unconfinedFromAnnotation(pod, c)) {
      names.push(c.name); // its field is the annotation's copy: the annotation is reported below
      types.push('Unconfined');
    }
  }
  if (names.length > 0) setters.push(containersPhrase(names));
  const annotations: string[] = [];
  for (const [key, value] of Object.entries(pod.annotations ?? {})) {
    if (!key.startsWith(APPARMOR_ANNOTATION_PREFIX) || typeof value !== 'string') continue;
    if (allowedAnnotation(value)) continue;
    annotations.push(`${key}=${goQuote(value)}`);
    fields.push(annotationField(key));
  }
  const values = sortedSet(types);
  if (annotations.length > 0) {
    values.push(...annotations.sort(compareGo));
    setters.push(pluralize('annotation', 'annotations', annotations.length));
  }
  if (setters.length === 0) return undefined;
  return {
    reason: pluralize('forbidden AppArmor profile', 'forbidden AppArmor profiles', values.length),
    detail: `${setters.join(' and ')} must not set AppArmor profile type to ${joinQuote(values)}`,
    fields,
  };
}

export const appArmorProfileCheck: PssCheckDefinition = {
  id: 'appArmorProfile',
  level: 'baseline',
  source: upstreamSource('check_appArmorProfile.go'),
  versions: [{ minVersion: 0, check: appArmorProfile1Dot0 }],
};
