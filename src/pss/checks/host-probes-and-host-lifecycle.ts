import type { PssCheckDefinition, PssCheckOutcome, PssField } from '../check.ts';
import { upstreamSource } from '../check.ts';
import { containerField } from '../internal/fields.ts';
import { joinQuote, pluralize, sortedSet } from '../internal/format.ts';
import type { ContainerView } from '../internal/pod-view.ts';
import type { PodView } from '../internal/pod-view.ts';
import { asRecord } from '../internal/values.ts';

// Upstream visits probes, then lifecycle handlers, each with httpGet before tcpSocket.
const HANDLERS: readonly (readonly string[])[] = [
  ['livenessProbe'],
  ['readinessProbe'],
  ['startupProbe'],
  ['lifecycle', 'postStart'],
  ['lifecycle', 'preStop'],
];
const ACTIONS = ['httpGet', 'tcpSocket'] as const;

function hostsOf(c: ContainerView, hosts: string[], fields: PssField[]): boolean {
  let bad = false;
  for (const path of HANDLERS) {
    let handler = asRecord(c.value[path[0] ?? '']);
    if (path.length === 2) handler = asRecord(handler?.[path[1] ?? '']);
    if (handler === undefined) continue;
    for (const action of ACTIONS) {
      const host = asRecord(handler[action])?.host;
      if (typeof host !== 'string' || host === '') continue;
      bad = true;
      hosts.push(host);
      fields.push(containerField(c, ...path, action, 'host'));
    }
  }
  return bad;
}

// Mirrors check_hostProbesAndhostLifecycle.go: probes and lifecycle hooks must not set host.
function hostProbesAndHostLifecycle1Dot34(pod: PodView): PssCheckOutcome | undefined {
  const names: string[] = [];
  const hosts: string[] = [];
  const fields: PssField[] = [];
  for (const c of pod.containers) if (hostsOf(c, hosts, fields)) names.push(c.name);
  if (names.length === 0) return undefined;
  // Upstream keeps both containers and hosts in sets: unique and sorted.
  const containers = sortedSet(names);
  const unique = sortedSet(hosts);
  return {
    reason: 'probe or lifecycle host',
    detail: `${pluralize('container', 'containers', containers.length)} ${joinQuote(containers)} ${pluralize('uses', 'use', containers.length)} ${pluralize('probe or lifecycle host', 'probe or lifecycle hosts', unique.length)} ${joinQuote(unique)}`,
    fields,
  };
}

export const hostProbesAndHostLifecycleCheck: PssCheckDefinition = {
  id: 'hostProbesAndHostLifecycle',
  level: 'baseline',
  source: upstreamSource('check_hostProbesAndhostLifecycle.go'),
  versions: [{ minVersion: 34, check: hostProbesAndHostLifecycle1Dot34 }],
};
