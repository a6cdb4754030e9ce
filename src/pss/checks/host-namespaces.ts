import type { PssCheckDefinition, PssCheckOutcome, PssField } from '../check.ts';
import { upstreamSource } from '../check.ts';
import { specField } from '../internal/fields.ts';
import type { PodView } from '../internal/pod-view.ts';

const NAMESPACES = ['hostNetwork', 'hostPID', 'hostIPC'] as const;

// Mirrors check_hostNamespaces.go: hostNetwork, hostPID and hostIPC must not be true.
function hostNamespaces1Dot0(pod: PodView): PssCheckOutcome | undefined {
  const set: string[] = [];
  const fields: PssField[] = [];
  for (const key of NAMESPACES) {
    if (pod.spec[key] !== true) continue;
    set.push(`${key}=true`);
    fields.push(specField(key));
  }
  if (set.length === 0) return undefined;
  return { reason: 'host namespaces', detail: set.join(', '), fields };
}

export const hostNamespacesCheck: PssCheckDefinition = {
  id: 'hostNamespaces',
  level: 'baseline',
  source: upstreamSource('check_hostNamespaces.go'),
  versions: [{ minVersion: 0, check: hostNamespaces1Dot0 }],
};
