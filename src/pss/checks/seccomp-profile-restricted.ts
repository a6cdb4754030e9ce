import type { PssCheckDefinition, PssCheckOutcome } from '../check.ts';
import { upstreamSource } from '../check.ts';
import { containerField } from '../internal/fields.ts';
import { containersPhrase } from '../internal/format.ts';
import type { ContainerView, PodView } from '../internal/pod-view.ts';
import { badSeccompSetters, seccompType, validSeccompType } from './seccomp-common.ts';

/** Seccomp must be RuntimeDefault or Localhost, set on the pod or on every container. */
function seccompProfileRestricted1Dot19(pod: PodView): PssCheckOutcome | undefined {
  const implicit: ContainerView[] = [];
  const explicit = badSeccompSetters(pod, implicit);
  if (explicit !== undefined) {
    return { reason: 'seccompProfile', detail: explicit.detail, fields: explicit.fields };
  }
  const podType = seccompType(pod.securityContext);
  if (podType !== undefined && validSeccompType(podType)) return undefined;
  if (implicit.length === 0) return undefined;
  return {
    reason: 'seccompProfile',
    detail: `pod or ${containersPhrase(implicit.map((c) => c.name))} must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"`,
    fields: implicit.map((c) => containerField(c, 'securityContext', 'seccompProfile')),
  };
}

/** From v1.25 Windows pods are exempt (the API rejects seccompProfile on them). */
function seccompProfileRestricted1Dot25(pod: PodView): PssCheckOutcome | undefined {
  return pod.windows ? undefined : seccompProfileRestricted1Dot19(pod);
}

// Mirrors check_seccompProfile_restricted.go; replaces seccompProfile_baseline in restricted.
export const seccompProfileRestrictedCheck: PssCheckDefinition = {
  id: 'seccompProfile_restricted',
  level: 'restricted',
  source: upstreamSource('check_seccompProfile_restricted.go'),
  versions: [
    {
      minVersion: 19,
      check: seccompProfileRestricted1Dot19,
      overrides: ['seccompProfile_baseline'],
    },
    {
      minVersion: 25,
      check: seccompProfileRestricted1Dot25,
      overrides: ['seccompProfile_baseline'],
    },
  ],
};
