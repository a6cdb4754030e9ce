import type { PssCheckDefinition, PssCheckOutcome, PssField } from '../check.ts';
import { upstreamSource } from '../check.ts';
import { containerField, specField } from '../internal/fields.ts';
import { containersPhrase } from '../internal/format.ts';
import type { PodView } from '../internal/pod-view.ts';

/** Neither the pod nor any container may set runAsUser: 0 (unset is allowed). */
function runAsUser1Dot23(pod: PodView): PssCheckOutcome | undefined {
  const setters: string[] = [];
  const fields: PssField[] = [];
  if (pod.securityContext?.runAsUser === 0) {
    setters.push('pod');
    fields.push(specField('securityContext', 'runAsUser'));
  }
  const names: string[] = [];
  for (const c of pod.containers) {
    if (c.securityContext?.runAsUser !== 0) continue;
    names.push(c.name);
    fields.push(containerField(c, 'securityContext', 'runAsUser'));
  }
  if (names.length > 0) setters.push(containersPhrase(names));
  if (setters.length === 0) return undefined;
  return {
    reason: 'runAsUser=0',
    detail: `${setters.join(' and ')} must not set runAsUser=0`,
    fields,
  };
}

/** From policy v1.35 user-namespace pods (`hostUsers: false`) are exempt, as for runAsNonRoot. */
function runAsUser1Dot35(pod: PodView): PssCheckOutcome | undefined {
  return pod.userNamespace ? undefined : runAsUser1Dot23(pod);
}

// Mirrors check_runAsUser.go; the check starts at policy v1.23.
export const runAsUserCheck: PssCheckDefinition = {
  id: 'runAsUser',
  level: 'restricted',
  source: upstreamSource('check_runAsUser.go'),
  versions: [
    { minVersion: 23, check: runAsUser1Dot23 },
    { minVersion: 35, check: runAsUser1Dot35 },
  ],
};
