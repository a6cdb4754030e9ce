import type { PodClass } from './classes.ts';
import { classOfVariant } from './classes.ts';
import type { ConnectionSet } from './connection-set.ts';
import {
  ALL_CONNECTIONS,
  NO_CONNECTIONS,
  isEmptyConnections,
  unionConnections,
} from './connection-set.ts';
import { Evaluator } from './evaluate.ts';
import { selectorExposure } from './exposure-selectors.ts';
import type { FrontDoor } from './front-doors.ts';
import { frontDoors } from './front-doors.ts';
import type { IpFamily, IpInterval } from './ip-set.ts';
import { parseAddress } from './ip-set.ts';
import { portsOnPod } from './match.ts';
import type { NetpolModel } from './model.ts';
import type { Direction } from './policy-types.ts';
import { rulesOf } from './policy-types.ts';
import type { Workload } from './workloads.ts';

/** Cloud metadata endpoints: AWS, GCP, Azure and OpenStack (169.254.169.254), AWS IPv6, Alibaba. */
export const METADATA_ADDRESSES: readonly string[] = [
  '169.254.169.254',
  'fd00:ec2::254',
  '100.100.100.200',
];

export interface RangeAccess {
  readonly range: IpInterval;
  readonly conns: ConnectionSet;
}

export interface WorkloadExposure {
  readonly workload: Workload;
  readonly ingressProtected: boolean;
  readonly egressProtected: boolean;
  /** From any pod in any namespace, including pods the input does not show. */
  readonly fromEntireCluster: ConnectionSet;
  readonly toEntireCluster: ConnectionSet;
  readonly fromExternal: readonly RangeAccess[];
  readonly toExternal: readonly RangeAccess[];
  /** Pods that selectors allow and the input may not show (see selectorExposure). */
  readonly fromSelectors: readonly { target: string; conns: ConnectionSet }[];
  readonly toSelectors: readonly { target: string; conns: ConnectionSet }[];
  readonly frontDoors: readonly FrontDoor[];
  readonly toMetadata: readonly { address: string; conns: ConnectionSet }[];
}

/**
 * What each workload exposes: whether policies protect it at all, what any pod of the cluster
 * and any external address may send it or receive from it, which NodePort/LoadBalancer Services
 * and Ingresses lead to it, and whether it may reach cloud metadata addresses.
 */
export function exposureOf(
  model: NetpolModel,
  metadata: readonly string[] = METADATA_ADDRESSES,
  evaluator = new Evaluator(model),
): WorkloadExposure[] {
  return model.workloads.map((workload) => {
    const classes = [...new Set(workload.variants.map((v) => classOfVariant(model.classes, v)))];
    const ins = classes.map((c) => evaluator.ingress(c));
    const outs = classes.map((c) => evaluator.egress(c));
    const union = (f: (c: number) => ConnectionSet) =>
      classes.reduce((acc, c) => unionConnections(acc, f(c)), NO_CONNECTIONS);
    const ranges = (atoms: readonly IpInterval[], f: (c: number, atom: number) => ConnectionSet) =>
      atoms
        .map((range, atom) => ({ range, conns: union((c) => f(c, atom)) }))
        .filter((r) => !isEmptyConnections(r.conns));
    const selectors = (f: (podClass: PodClass) => Map<string, ConnectionSet>) => {
      const merged = new Map<string, ConnectionSet>();
      for (const c of classes) {
        const podClass = model.classes.classes[c];
        if (podClass === undefined) continue;
        for (const [target, conns] of f(podClass)) {
          merged.set(target, unionConnections(merged.get(target) ?? NO_CONNECTIONS, conns));
        }
      }
      return [...merged]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([target, conns]) => ({ target, conns }));
    };
    const fromExternal = ranges(model.srcAtoms.atoms, (c, atom) => evaluator.fromExternal(atom, c));
    return {
      workload,
      ingressProtected: ins.every((a) => a.isolated),
      egressProtected: outs.every((a) => a.isolated),
      fromEntireCluster: union((c) => clusterWide(model, c, 'ingress')),
      toEntireCluster: union((c) => clusterWide(model, c, 'egress')),
      fromExternal,
      toExternal: ranges(model.dstAtoms.atoms, (c, atom) => evaluator.toExternal(c, atom)),
      fromSelectors: selectors((c) => selectorExposure(model, c, 'ingress')),
      toSelectors: selectors((c) => selectorExposure(model, c, 'egress')),
      frontDoors: frontDoors(
        model,
        evaluator,
        workload,
        fromExternal.reduce((acc, r) => unionConnections(acc, r.conns), NO_CONNECTIONS),
      ),
      toMetadata: metadata.flatMap((address) => {
        const ip = parseAddress(address);
        if (ip === undefined) return [];
        const conns = union((c) => toAddress(model, evaluator, c, ip.family, ip.value));
        return isEmptyConnections(conns) ? [] : [{ address, conns }];
      }),
    };
  });
}

/**
 * What a direction allows to or from every pod of every namespace, including pods the input does
 * not show: rules without peers, and peers whose namespaceSelector is `{}` with no or an empty
 * podSelector (the oracle's `entire-cluster`). Egress named ports cannot be resolved on unknown
 * pods, so only numbered ports count there.
 */
function clusterWide(model: NetpolModel, c: number, direction: Direction): ConnectionSet {
  const podClass = model.classes.classes[c];
  if (podClass === undefined) return NO_CONNECTIONS;
  const policies = direction === 'ingress' ? podClass.ingressPolicies : podClass.egressPolicies;
  if (policies.length === 0) return ALL_CONNECTIONS;
  let out = NO_CONNECTIONS;
  for (const policy of policies) {
    for (const rule of rulesOf(policy, direction) ?? []) {
      const everyone =
        rule.peers === undefined ||
        rule.peers.some(
          ({ spec }) =>
            spec.kind === 'pods' &&
            spec.namespaceSelector?.matchesAll === true &&
            (spec.podSelector === undefined || spec.podSelector.matchesAll),
        );
      if (!everyone) continue;
      const ports =
        direction === 'ingress'
          ? portsOnPod(rule.ports, podClass.representative)
          : rule.ports.numeric;
      out = unionConnections(out, ports);
    }
  }
  return out;
}

function toAddress(
  model: NetpolModel,
  evaluator: Evaluator,
  c: number,
  family: IpFamily,
  value: bigint,
): ConnectionSet {
  const atom = model.dstAtoms.indexOf(family, value);
  if (atom >= 0) return evaluator.toExternal(c, atom);
  // No ipBlock mentions this family: only peer-less rules reach it.
  const out = evaluator.egress(c);
  return out.isolated ? out.any : ALL_CONNECTIONS;
}
