import type { PssCheckDefinition, PssCheckOutcome, PssField } from '../check.ts';
import { upstreamSource } from '../check.ts';
import { containerField } from '../internal/fields.ts';
import { containersPhrase, joinQuote, sortedSet } from '../internal/format.ts';
import type { PodView } from '../internal/pod-view.ts';

/** procMount must be unset or `Default` in every container (shared with procMount_restricted). */
export function procMount1Dot0(pod: PodView): PssCheckOutcome | undefined {
  const names: string[] = [];
  const types: string[] = [];
  const fields: PssField[] = [];
  for (const c of pod.containers) {
    const procMount = c.securityContext?.procMount;
    if (typeof procMount !== 'string' || procMount === 'Default') continue;
    names.push(c.name);
    types.push(procMount);
    fields.push(containerField(c, 'securityContext', 'procMount'));
  }
  if (names.length === 0) return undefined;
  return {
    reason: 'procMount',
    detail: `${containersPhrase(names)} must not set securityContext.procMount to ${joinQuote(sortedSet(types))}`,
    fields,
  };
}

/**
 * From policy v1.35 baseline allows any procMount in a user-namespace pod (`hostUsers: false`).
 * Before 1.35 that relaxation hung on the alpha UserNamespacesPodSecurityStandards gate, off by
 * default and removed in 1.35, so earlier versions do not relax.
 */
function procMount1Dot35(pod: PodView): PssCheckOutcome | undefined {
  return pod.userNamespace ? undefined : procMount1Dot0(pod);
}

// Mirrors check_procMount_baseline.go (check_procMount.go before Kubernetes 1.35).
export const procMountCheck: PssCheckDefinition = {
  id: 'procMount',
  level: 'baseline',
  source: upstreamSource('check_procMount_baseline.go'),
  versions: [
    { minVersion: 0, check: procMount1Dot0 },
    { minVersion: 35, check: procMount1Dot35 },
  ],
};
