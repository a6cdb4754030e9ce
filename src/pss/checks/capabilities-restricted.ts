import type { PssCheckDefinition, PssCheckOutcome, PssField } from '../check.ts';
import { upstreamSource } from '../check.ts';
import { containerField } from '../internal/fields.ts';
import { containersPhrase, joinQuote, sortedSet } from '../internal/format.ts';
import type { PodView } from '../internal/pod-view.ts';
import { asArray, asRecord } from '../internal/values.ts';

/** Every container drops ALL and adds back nothing but NET_BIND_SERVICE. */
function capabilitiesRestricted1Dot22(pod: PodView): PssCheckOutcome | undefined {
  const missingDropAll: string[] = [];
  const addingForbidden: string[] = [];
  const forbidden: string[] = [];
  const dropFields: PssField[] = [];
  const addFields: PssField[] = [];
  for (const c of pod.containers) {
    const capabilities = asRecord(c.securityContext?.capabilities);
    if (!asArray(capabilities?.drop).includes('ALL')) {
      missingDropAll.push(c.name);
      dropFields.push(containerField(c, 'securityContext', 'capabilities', 'drop'));
    }
    const add = asArray(capabilities?.add);
    let bad = false;
    for (let j = 0; j < add.length; j++) {
      const cap = add[j];
      if (typeof cap !== 'string' || cap === 'NET_BIND_SERVICE') continue;
      bad = true;
      forbidden.push(cap);
      addFields.push(containerField(c, 'securityContext', 'capabilities', 'add', j));
    }
    if (bad) addingForbidden.push(c.name);
  }
  const details: string[] = [];
  if (missingDropAll.length > 0) {
    details.push(
      `${containersPhrase(missingDropAll)} must set securityContext.capabilities.drop=["ALL"]`,
    );
  }
  if (addingForbidden.length > 0) {
    details.push(
      `${containersPhrase(addingForbidden)} must not include ${joinQuote(sortedSet(forbidden))} in securityContext.capabilities.add`,
    );
  }
  if (details.length === 0) return undefined;
  return {
    reason: 'unrestricted capabilities',
    detail: details.join('; '),
    fields: [...dropFields, ...addFields],
  };
}

/** From v1.25 Windows pods are exempt (the API rejects capabilities on them). */
function capabilitiesRestricted1Dot25(pod: PodView): PssCheckOutcome | undefined {
  return pod.windows ? undefined : capabilitiesRestricted1Dot22(pod);
}

// Mirrors check_capabilities_restricted.go; replaces capabilities_baseline in restricted.
export const capabilitiesRestrictedCheck: PssCheckDefinition = {
  id: 'capabilities_restricted',
  level: 'restricted',
  source: upstreamSource('check_capabilities_restricted.go'),
  versions: [
    {
      minVersion: 22,
      check: capabilitiesRestricted1Dot22,
      overrides: ['capabilities_baseline'],
    },
    {
      minVersion: 25,
      check: capabilitiesRestricted1Dot25,
      overrides: ['capabilities_baseline'],
    },
  ],
};
