import type { PssCheckDefinition, PssCheckOutcome, PssField } from '../check.ts';
import { upstreamSource } from '../check.ts';
import { containerField } from '../internal/fields.ts';
import { containersPhrase, joinQuote, sortedSet } from '../internal/format.ts';
import type { PodView } from '../internal/pod-view.ts';
import { asArray, asRecord } from '../internal/values.ts';

/** The container runtime's default capability set, which baseline allows adding back. */
export const BASELINE_ALLOWED_CAPABILITIES: ReadonlySet<string> = new Set([
  'AUDIT_WRITE',
  'CHOWN',
  'DAC_OVERRIDE',
  'FOWNER',
  'FSETID',
  'KILL',
  'MKNOD',
  'NET_BIND_SERVICE',
  'SETFCAP',
  'SETGID',
  'SETPCAP',
  'SETUID',
  'SYS_CHROOT',
]);

// Mirrors check_capabilities_baseline.go: capabilities.add only from the default set.
function capabilitiesBaseline1Dot0(pod: PodView): PssCheckOutcome | undefined {
  const names: string[] = [];
  const capabilities: string[] = [];
  const fields: PssField[] = [];
  for (const c of pod.containers) {
    const add = asArray(asRecord(c.securityContext?.capabilities)?.add);
    let bad = false;
    for (let j = 0; j < add.length; j++) {
      const cap = add[j];
      if (typeof cap !== 'string' || BASELINE_ALLOWED_CAPABILITIES.has(cap)) continue;
      bad = true;
      capabilities.push(cap);
      fields.push(containerField(c, 'securityContext', 'capabilities', 'add', j));
    }
    if (bad) names.push(c.name);
  }
  if (names.length === 0) return undefined;
  return {
    reason: 'non-default capabilities',
    detail: `${containersPhrase(names)} must not include ${joinQuote(sortedSet(capabilities))} in securityContext.capabilities.add`,
    fields,
  };
}

export const capabilitiesBaselineCheck: PssCheckDefinition = {
  id: 'capabilities_baseline',
  level: 'baseline',
  source: upstreamSource('check_capabilities_baseline.go'),
  versions: [{ minVersion: 0, check: capabilitiesBaseline1Dot0 }],
};
