import type { PssCheckDefinition, PssCheckOutcome, PssField } from '../check.ts';
import { upstreamSource } from '../check.ts';
import { containerField } from '../internal/fields.ts';
import { containersPhrase, pluralize, sortedSet } from '../internal/format.ts';
import type { ContainerView, PodView } from '../internal/pod-view.ts';
import { asArray, asRecord } from '../internal/values.ts';

function port(value: unknown): number {
  return typeof value === 'number' && Number.isInteger(value) ? value : 0;
}

/**
 * The host port a container port ends up with. The API server defaults `hostPort` to
 * `containerPort` in Pods (not templates) with `hostNetwork: true` before admission runs
 * (defaultHostNetworkPorts in pkg/apis/core/v1/defaults.go; containers and init containers).
 */
function effectiveHostPort(
  pod: PodView,
  c: ContainerView,
  entry: Readonly<Record<string, unknown>>,
) {
  const hostPort = port(entry.hostPort);
  if (hostPort !== 0) return hostPort;
  if (pod.template || pod.spec.hostNetwork !== true || c.kind === 'ephemeralContainers') return 0;
  return port(entry.containerPort);
}

// Mirrors check_hostPorts.go: no container port may set hostPort.
function hostPorts1Dot0(pod: PodView): PssCheckOutcome | undefined {
  const names: string[] = [];
  const ports: string[] = [];
  const fields: PssField[] = [];
  for (const c of pod.containers) {
    const list = asArray(c.value.ports);
    let bad = false;
    for (let j = 0; j < list.length; j++) {
      const entry = asRecord(list[j]);
      if (entry === undefined) continue;
      const hostPort = effectiveHostPort(pod, c, entry);
      if (hostPort === 0) continue;
      bad = true;
      ports.push(String(hostPort));
      fields.push(containerField(c, 'ports', j, 'hostPort'));
    }
    if (bad) names.push(c.name);
  }
  if (names.length === 0) return undefined;
  // Upstream keeps the ports in a string set: sorted as text ("10", "8080", "9"), not as numbers.
  const unique = sortedSet(ports);
  return {
    reason: 'hostPort',
    detail: `${containersPhrase(names)} ${pluralize('uses', 'use', names.length)} ${pluralize('hostPort', 'hostPorts', unique.length)} ${unique.join(', ')}`,
    fields,
  };
}

export const hostPortsCheck: PssCheckDefinition = {
  id: 'hostPorts',
  level: 'baseline',
  source: upstreamSource('check_hostPorts.go'),
  versions: [{ minVersion: 0, check: hostPorts1Dot0 }],
};
