import type { ConnectionSet } from './connection-set.ts';
import { NO_CONNECTIONS, isEmptyConnections, unionConnections } from './connection-set.ts';
import { portsOnPod } from './match.ts';
import type { NetpolModel } from './model.ts';
import type { CompiledPeer, CompiledPolicy, Direction } from './policy-types.ts';
import { rulesOf } from './policy-types.ts';
import type { PodClass } from './classes.ts';

/**
 * Traffic a class's policies allow to or from pods the input may not show: peers with a
 * `namespaceSelector` (it can match namespaces beyond the input), and peers that match no pod of
 * the input. Peers that take every pod of every namespace are the entire cluster, reported apart.
 * Targets are named as the oracle names representative peers: `NS/POD` with `[all namespaces]`,
 * `[namespace with {SEL}]`, `[all pods]` or `[pod with {SEL}]`.
 */
export function selectorExposure(
  model: NetpolModel,
  podClass: PodClass,
  direction: Direction,
): Map<string, ConnectionSet> {
  const out = new Map<string, ConnectionSet>();
  const policies = direction === 'ingress' ? podClass.ingressPolicies : podClass.egressPolicies;
  for (const policy of policies) {
    for (const rule of rulesOf(policy, direction) ?? []) {
      // Egress named ports cannot be resolved on pods the input does not show.
      const ports =
        direction === 'ingress'
          ? portsOnPod(rule.ports, podClass.representative)
          : rule.ports.numeric;
      if (isEmptyConnections(ports)) continue;
      for (const peer of rule.peers ?? []) {
        const target = representative(model, peer, policy);
        if (target !== undefined)
          out.set(target, unionConnections(out.get(target) ?? NO_CONNECTIONS, ports));
      }
    }
  }
  return out;
}

function representative(
  model: NetpolModel,
  peer: CompiledPeer,
  policy: CompiledPolicy,
): string | undefined {
  const spec = peer.spec;
  if (spec.kind !== 'pods') return undefined;
  const allPods = spec.podSelector === undefined || spec.podSelector.matchesAll;
  if (spec.namespaceSelector?.matchesAll === true && allPods) return undefined;
  const matchesInput = (model.classes.peerClasses[peer.id] ?? []).length > 0;
  if (spec.namespaceSelector === undefined && matchesInput) return undefined;
  const namespace =
    spec.namespaceSelector === undefined
      ? policy.namespace
      : spec.namespaceSelector.matchesAll
        ? '[all namespaces]'
        : `[namespace with {${spec.namespaceSelector.text}}]`;
  const pod =
    spec.podSelector === undefined || spec.podSelector.matchesAll
      ? '[all pods]'
      : `[pod with {${spec.podSelector.text}}]`;
  return `${namespace}/${pod}`;
}
