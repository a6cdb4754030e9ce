import type { ConnectionSet, Protocol } from './connection-set.ts';
import {
  ALL_CONNECTIONS,
  NO_CONNECTIONS,
  allowsPort,
  intersectConnections,
  isEmptyConnections,
  unionConnections,
} from './connection-set.ts';
import type { IpFamily } from './ip-set.ts';
import { formatAddress, ipSetContains } from './ip-set.ts';
import { peerMatchesPod, policySelects, portsOnPod } from './match.ts';
import type { NetpolModel } from './model.ts';
import type { CompiledPeer, CompiledPolicy, CompiledRule, Direction } from './policy-types.ts';
import { rulesOf } from './policy-types.ts';
import type { PodVariant, Workload } from './workloads.ts';

/** A `reach` endpoint: a workload of the input, or one IP address outside the cluster. */
export type ReachEndpoint =
  | { readonly kind: 'workload'; readonly workload: Workload }
  | { readonly kind: 'address'; readonly family: IpFamily; readonly value: bigint };

/** How one rule of a policy treats the queried pair. */
export interface RuleVerdict {
  readonly rule: CompiledRule;
  /** The `from`/`to` entry that matches the other side; undefined when the rule has no peers. */
  readonly peer: CompiledPeer | undefined;
  readonly matches: boolean;
  /** What the rule allows for the pair (empty when it does not match). */
  readonly allows: ConnectionSet;
}

export interface PolicyVerdict {
  readonly policy: CompiledPolicy;
  readonly rules: readonly RuleVerdict[];
}

/** One direction: the source's egress or the destination's ingress. */
export interface DirectionVerdict {
  readonly direction: Direction;
  /** The pod whose policies decide. */
  readonly pod: PodVariant;
  /** No policy of this direction selects the pod: everything is allowed. */
  readonly isolated: boolean;
  readonly policies: readonly PolicyVerdict[];
  readonly allows: ConnectionSet;
}

export interface ReachVerdict {
  readonly source: PodVariant | undefined;
  readonly destination: PodVariant | undefined;
  /** Undefined when the source is an address outside the cluster (no policy governs its egress). */
  readonly egress: DirectionVerdict | undefined;
  /** Undefined when the destination is an address outside the cluster. */
  readonly ingress: DirectionVerdict | undefined;
  /** egress ∩ ingress. */
  readonly allowed: ConnectionSet;
}

/** The other side of one direction: a pod variant, or an address outside the cluster. */
type Counterpart =
  { readonly pod: PodVariant } | { readonly family: IpFamily; readonly value: bigint };

/**
 * Explains whether `from` may reach `to`: which policies select each side, which of their rules
 * match the other side and what each allows. One verdict per pair of pod variants (usually one).
 */
export function explainReach(
  model: NetpolModel,
  from: ReachEndpoint,
  to: ReachEndpoint,
): ReachVerdict[] {
  const sources = from.kind === 'workload' ? from.workload.variants : [undefined];
  const destinations = to.kind === 'workload' ? to.workload.variants : [undefined];
  const out: ReachVerdict[] = [];
  for (const source of sources) {
    for (const destination of destinations) {
      const egress =
        source === undefined
          ? undefined
          : side(model, 'egress', source, counterpart(destination, to), destination);
      const ingress =
        destination === undefined
          ? undefined
          : side(model, 'ingress', destination, counterpart(source, from), destination);
      const allowed = intersectConnections(
        egress?.allows ?? ALL_CONNECTIONS,
        ingress?.allows ?? ALL_CONNECTIONS,
      );
      out.push({ source, destination, egress, ingress, allowed });
    }
  }
  return out;
}

/** Whether a verdict allows one port (or anything, without a port). */
export function verdictAllows(
  verdict: ReachVerdict,
  port: { protocol: Protocol; port: number } | undefined,
): boolean {
  return port === undefined
    ? !isEmptyConnections(verdict.allowed)
    : allowsPort(verdict.allowed, port.protocol, port.port);
}

function counterpart(pod: PodVariant | undefined, endpoint: ReachEndpoint): Counterpart {
  if (pod !== undefined) return { pod };
  if (endpoint.kind === 'address') return endpoint;
  throw new Error('a workload endpoint always has a pod variant');
}

function side(
  model: NetpolModel,
  direction: Direction,
  subject: PodVariant,
  other: Counterpart,
  destination: PodVariant | undefined,
): DirectionVerdict {
  const selecting = model.policies.filter(
    (p) => rulesOf(p, direction) !== undefined && policySelects(p, subject),
  );
  if (selecting.length === 0) {
    return { direction, pod: subject, isolated: false, policies: [], allows: ALL_CONNECTIONS };
  }
  let allows = NO_CONNECTIONS;
  const policies = selecting.map((policy) => {
    const rules = (rulesOf(policy, direction) ?? []).map((rule) => {
      const peer = rule.peers?.find((p) => peerMatches(model, p, policy, other));
      const matches = rule.peers === undefined || peer !== undefined;
      // Ports name the destination's ports; an address has none, so only numbered ports apply.
      const ports =
        destination === undefined ? rule.ports.numeric : portsOnPod(rule.ports, destination);
      const ruleAllows = matches ? ports : NO_CONNECTIONS;
      allows = unionConnections(allows, ruleAllows);
      return { rule, peer, matches, allows: ruleAllows };
    });
    return { policy, rules };
  });
  return { direction, pod: subject, isolated: true, policies, allows };
}

function peerMatches(
  model: NetpolModel,
  peer: CompiledPeer,
  policy: CompiledPolicy,
  other: Counterpart,
): boolean {
  if ('pod' in other) return peerMatchesPod(peer, policy, other.pod, model.context);
  return peer.spec.kind === 'ipBlock' && ipSetContains(peer.spec.set, other.family, other.value);
}

export function endpointLabel(endpoint: ReachEndpoint): string {
  return endpoint.kind === 'workload'
    ? endpoint.workload.id
    : formatAddress(endpoint.family, endpoint.value);
}
