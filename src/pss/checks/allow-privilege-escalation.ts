import type { PssCheckDefinition, PssCheckOutcome, PssField } from '../check.ts';
import { upstreamSource } from '../check.ts';
import { containerField } from '../internal/fields.ts';
import { containersPhrase } from '../internal/format.ts';
import type { PodView } from '../internal/pod-view.ts';

/** Every container must set allowPrivilegeEscalation: false explicitly. */
function allowPrivilegeEscalation1Dot8(pod: PodView): PssCheckOutcome | undefined {
  const names: string[] = [];
  const fields: PssField[] = [];
  for (const c of pod.containers) {
    if (c.securityContext?.allowPrivilegeEscalation === false) continue;
    names.push(c.name);
    fields.push(containerField(c, 'securityContext', 'allowPrivilegeEscalation'));
  }
  if (names.length === 0) return undefined;
  return {
    reason: 'allowPrivilegeEscalation != false',
    detail: `${containersPhrase(names)} must set securityContext.allowPrivilegeEscalation=false`,
    fields,
  };
}

/** From v1.25 Windows pods are exempt (the field does not apply to them). */
function allowPrivilegeEscalation1Dot25(pod: PodView): PssCheckOutcome | undefined {
  return pod.windows ? undefined : allowPrivilegeEscalation1Dot8(pod);
}

// Mirrors check_allowPrivilegeEscalation.go; the field exists from Kubernetes 1.8.
export const allowPrivilegeEscalationCheck: PssCheckDefinition = {
  id: 'allowPrivilegeEscalation',
  level: 'restricted',
  source: upstreamSource('check_allowPrivilegeEscalation.go'),
  versions: [
    { minVersion: 8, check: allowPrivilegeEscalation1Dot8 },
    { minVersion: 25, check: allowPrivilegeEscalation1Dot25 },
  ],
};
