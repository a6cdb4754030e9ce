import type { Inventory } from '../model/inventory.ts';
import type { ScanObject } from '../model/kube-object.ts';
import type { Classes } from './classes.ts';
import { buildClasses } from './classes.ts';
import { compilePolicy } from './compile-policy.ts';
import type { IpFamily, IpSet } from './ip-set.ts';
import { IpAtoms } from './ip-atoms.ts';
import type { MatchContext } from './match.ts';
import { NamespaceLabels } from './namespaces.ts';
import type { NetpolOptions } from './options.ts';
import { DEFAULT_NETPOL_OPTIONS } from './options.ts';
import type { CompiledPeer, CompiledPolicy, CompiledRule, NamedPort } from './policy-types.ts';
import type { PodVariant, Workload } from './workloads.ts';
import { collectWorkloads, shadowed } from './workloads.ts';

export interface PeerEntry {
  readonly peer: CompiledPeer;
  readonly policy: CompiledPolicy;
  readonly rule: CompiledRule;
}

export interface InvalidPolicy {
  readonly item: ScanObject;
  readonly problems: readonly string[];
}

/** Everything the NetworkPolicy analyses share, built once per inventory and options. */
export interface NetpolModel {
  readonly inventory: Inventory;
  readonly options: NetpolOptions;
  readonly namespaces: NamespaceLabels;
  readonly context: MatchContext;
  readonly workloads: readonly Workload[];
  /** Every pod variant, the ingress controller's last. */
  readonly variants: readonly PodVariant[];
  /** The stand-in ingress controller pod, present when the input has Ingress objects. */
  readonly ingressController: PodVariant | undefined;
  readonly policies: readonly CompiledPolicy[];
  readonly invalidPolicies: readonly InvalidPolicy[];
  readonly peers: readonly PeerEntry[];
  readonly classes: Classes;
  /** External sources, cut by the ingress rules' ipBlocks. */
  readonly srcAtoms: IpAtoms;
  /** External destinations, cut by the egress rules' ipBlocks. */
  readonly dstAtoms: IpAtoms;
  /** Atoms each ipBlock peer covers, by peer id: src atoms for ingress peers, dst atoms for egress. */
  readonly peerAtoms: readonly (readonly number[])[];
}

/**
 * The NetworkPolicy model of an inventory, computed once per scan (and per options) and shared by
 * the rules, `kubeward netpol` and every analysis.
 */
export function netpolModel(
  inventory: Inventory,
  options: Partial<NetpolOptions> = {},
): NetpolModel {
  const full: NetpolOptions = { ...DEFAULT_NETPOL_OPTIONS, ...options };
  return inventory.memo(`netpol-model:${JSON.stringify(full)}`, () => buildModel(inventory, full));
}

function buildModel(inventory: Inventory, options: NetpolOptions): NetpolModel {
  const namespaces = new NamespaceLabels(inventory);
  const context: MatchContext = {
    namespaceLabels: (ns) => namespaces.of(ns),
    ipBlocksMatchPods: options.ipBlocksMatchPods,
  };
  const policies: CompiledPolicy[] = [];
  const invalidPolicies: InvalidPolicy[] = [];
  for (const item of inventory.ofKind('networking.k8s.io/NetworkPolicy')) {
    if (shadowed(inventory, item)) continue;
    const { policy, problems } = compilePolicy(item);
    if (policy === undefined) invalidPolicies.push({ item, problems });
    else {
      policy.id = policies.length;
      policies.push(policy);
    }
  }
  const peers: PeerEntry[] = [];
  const named = new Map<string, NamedPort>();
  for (const policy of policies) {
    for (const rule of [...(policy.ingress ?? []), ...(policy.egress ?? [])]) {
      for (const peer of rule.peers ?? []) {
        peer.id = peers.length;
        peers.push({ peer, policy, rule });
      }
      for (const port of rule.ports.named) named.set(`${port.protocol}/${port.name}`, port);
    }
  }
  const workloads = collectWorkloads(inventory, options.ipBlocksMatchPods);
  const variants: PodVariant[] = workloads.flatMap((w) => w.variants);
  let ingressController: PodVariant | undefined;
  if (inventory.ofKind('networking.k8s.io/Ingress').length > 0) {
    ingressController = {
      index: -1,
      workload: undefined,
      namespace: options.ingressControllerNamespace,
      labels: {},
      ports: [],
      ips: [],
    };
    variants.push(ingressController);
  }
  variants.forEach((v, i) => (v.index = i));
  const classes = buildClasses(
    variants,
    policies,
    peers,
    context,
    [...named.values()],
    (v) => v === ingressController,
  );
  const blocks = (direction: 'ingress' | 'egress'): IpSet[] =>
    peers.flatMap(({ peer, rule }) =>
      rule.direction === direction && peer.spec.kind === 'ipBlock' ? [peer.spec.set] : [],
    );
  // IPv6 space is only modelled when some policy names IPv6: the oracle's universe is IPv4.
  const families: IpFamily[] = peers.some(
    ({ peer }) => peer.spec.kind === 'ipBlock' && peer.spec.set.some((i) => i.family === 6),
  )
    ? [4, 6]
    : [4];
  const srcAtoms = new IpAtoms(blocks('ingress'), families);
  const dstAtoms = new IpAtoms(blocks('egress'), families);
  const peerAtoms = peers.map(({ peer, rule }) =>
    peer.spec.kind !== 'ipBlock'
      ? []
      : (rule.direction === 'ingress' ? srcAtoms : dstAtoms).covering(peer.spec.set),
  );
  return {
    inventory,
    options,
    namespaces,
    context,
    workloads,
    variants,
    ingressController,
    policies,
    invalidPolicies,
    peers,
    classes,
    srcAtoms,
    dstAtoms,
    peerAtoms,
  };
}
