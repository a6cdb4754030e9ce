import type { ConnectionSet } from './connection-set.ts';
import { NO_CONNECTIONS, connectionsOf, unionConnections } from './connection-set.ts';
import { ipSetContains } from './ip-set.ts';
import type { Labels } from './label-selector.ts';
import type { CompiledPeer, CompiledPolicy, NamedPort, RulePorts } from './policy-types.ts';
import { portRange } from './port-set.ts';
import type { ContainerPort, PodVariant } from './workloads.ts';

/** What matching needs besides the policy and the pod. */
export interface MatchContext {
  namespaceLabels(namespace: string): Labels;
  /** Whether ipBlocks match pods by their IPs (off: they match only external addresses). */
  readonly ipBlocksMatchPods: boolean;
}

/** A policy selects the pods of its own namespace that its `podSelector` matches. */
export function policySelects(policy: CompiledPolicy, variant: PodVariant): boolean {
  return variant.namespace === policy.namespace && policy.podSelector.matches(variant.labels);
}

/**
 * Whether one `from`/`to` entry matches a pod: `podSelector` alone looks in the policy's
 * namespace, `namespaceSelector` alone takes every pod of the matching namespaces, both together
 * take the matching pods of the matching namespaces
 * (https://kubernetes.io/docs/concepts/services-networking/network-policies/#behavior-of-to-and-from-selectors).
 * ipBlocks match a pod only when the option says so and one of its status IPs is inside.
 */
export function peerMatchesPod(
  peer: CompiledPeer,
  policy: CompiledPolicy,
  variant: PodVariant,
  context: MatchContext,
): boolean {
  const spec = peer.spec;
  if (spec.kind === 'ipBlock') {
    return (
      context.ipBlocksMatchPods &&
      variant.ips.some((ip) => ipSetContains(spec.set, ip.family, ip.value))
    );
  }
  const namespaceOk =
    spec.namespaceSelector === undefined
      ? variant.namespace === policy.namespace
      : spec.namespaceSelector.matches(context.namespaceLabels(variant.namespace));
  return (
    namespaceOk && (spec.podSelector === undefined || spec.podSelector.matches(variant.labels))
  );
}

/**
 * The container port a named port means on one pod: a port of that name *and* protocol. Names are
 * unique within a pod, so the first match is the only one.
 */
export function resolveNamedPort(
  named: NamedPort,
  ports: readonly ContainerPort[],
): number | undefined {
  return ports.find((p) => p.name === named.name && p.protocol === named.protocol)?.port;
}

/** A rule's ports on a destination pod: numbered ports plus the named ports that pod resolves. */
export function portsOnPod(ports: RulePorts, variant: PodVariant): ConnectionSet {
  return unionConnections(ports.numeric, namedOnPod(ports.named, variant));
}

export function namedOnPod(named: readonly NamedPort[], variant: PodVariant): ConnectionSet {
  let out = NO_CONNECTIONS;
  for (const entry of named) {
    const port = resolveNamedPort(entry, variant.ports);
    if (port !== undefined)
      out = unionConnections(out, connectionsOf(entry.protocol, portRange(port, port)));
  }
  return out;
}
