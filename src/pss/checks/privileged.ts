import type { PssCheckDefinition, PssCheckOutcome, PssField } from '../check.ts';
import { upstreamSource } from '../check.ts';
import { containerField } from '../internal/fields.ts';
import { containersPhrase } from '../internal/format.ts';
import type { PodView } from '../internal/pod-view.ts';

// Mirrors check_privileged.go: securityContext.privileged must be false or unset.
function privileged1Dot0(pod: PodView): PssCheckOutcome | undefined {
  const names: string[] = [];
  const fields: PssField[] = [];
  for (const c of pod.containers) {
    if (c.securityContext?.privileged !== true) continue;
    names.push(c.name);
    fields.push(containerField(c, 'securityContext', 'privileged'));
  }
  if (names.length === 0) return undefined;
  return {
    reason: 'privileged',
    detail: `${containersPhrase(names)} must not set securityContext.privileged=true`,
    fields,
  };
}

export const privilegedCheck: PssCheckDefinition = {
  id: 'privileged',
  level: 'baseline',
  source: upstreamSource('check_privileged.go'),
  versions: [{ minVersion: 0, check: privileged1Dot0 }],
};
