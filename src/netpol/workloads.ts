import type {
  ContainerPort as WireContainerPort,
  Container,
  PodSpec,
} from 'kubernetes-types/core/v1.js';
import type { Inventory } from '../model/inventory.ts';
import type { KubeObject, ScanObject } from '../model/kube-object.ts';
import { isRecord } from '../model/kube-object.ts';
import { groupKindOf } from '../model/kinds.ts';
import { podSpecOf } from '../model/pod-spec.ts';
import { effectiveNamespace } from '../model/scope.ts';
import type { Protocol } from './connection-set.ts';
import { isProtocol } from './connection-set.ts';
import type { IpFamily } from './ip-set.ts';
import { parseAddress } from './ip-set.ts';
import type { Labels } from './label-selector.ts';
import { normaliseLabels } from './label-selector.ts';

export interface ContainerPort {
  readonly name: string | undefined;
  readonly port: number;
  readonly protocol: Protocol;
}

/** One distinct kind of pod a workload runs: its labels, container ports and (for Pods) IPs. */
export interface PodVariant {
  /** Index in the model's variant list. */
  index: number;
  readonly workload: Workload | undefined;
  readonly namespace: string;
  readonly labels: Labels;
  readonly ports: readonly ContainerPort[];
  readonly ips: readonly { family: IpFamily; value: bigint }[];
}

/**
 * A peer of the connection list: a workload object, or the owner that Pods name in their
 * controller ownerReference. Its id is the golden peer name `namespace/name[Kind]`.
 */
export interface Workload {
  readonly id: string;
  readonly namespace: string;
  readonly name: string;
  readonly kind: string;
  /** The input objects that stand for this workload (a ReplicaSet and the Pods it owns share one). */
  readonly items: ScanObject[];
  readonly variants: PodVariant[];
}

/**
 * Every workload in the inventory with its pod variants. Workload objects contribute their pod
 * template; a Pod contributes itself to its controller owner (not further up: a ReplicaSet's pods
 * do not become the Deployment's), or to itself when it has no controller or a Node owns it
 * (static pods). Pods of one owner with identical labels and ports collapse into one variant.
 */
export function collectWorkloads(inventory: Inventory, withIps: boolean): Workload[] {
  const byId = new Map<string, Workload>();
  const seen = new Map<string, Set<string>>();
  for (const item of inventory.objects) {
    const identity = identify(item);
    if (identity === undefined || shadowed(inventory, item)) continue;
    const pod = podSpecOf(item.object);
    const namespace = effectiveNamespace(item.object) ?? 'default';
    const id = `${namespace}/${identity.name}[${identity.kind}]`;
    let workload = byId.get(id);
    if (workload === undefined) {
      workload = {
        id,
        namespace,
        name: identity.name,
        kind: identity.kind,
        items: [],
        variants: [],
      };
      byId.set(id, workload);
    }
    workload.items.push(item);
    const labels = normaliseLabels(pod?.metadata.labels);
    const ports = containerPorts(pod?.spec);
    const ips = identity.isPod && withIps ? podIps(item.object) : [];
    const variant: PodVariant = { index: -1, workload, namespace, labels, ports, ips };
    // Most workloads come from one object: variants are compared only when a second one arrives.
    if (workload.variants.length > 0) {
      let keys = seen.get(id);
      if (keys === undefined) {
        keys = new Set(workload.variants.map(variantKey));
        seen.set(id, keys);
      }
      const key = variantKey(variant);
      if (keys.has(key)) continue;
      keys.add(key);
    }
    workload.variants.push(variant);
  }
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Whether a later object of the input has the same kind, namespace and name: applying both, the
 * API server keeps the last one, so only that one counts.
 */
export function shadowed(inventory: Inventory, item: ScanObject): boolean {
  const latest = inventory.get(
    groupKindOf(item.object),
    effectiveNamespace(item.object),
    item.ref.name,
  );
  return latest !== undefined && latest !== item;
}

function variantKey(v: PodVariant): string {
  return JSON.stringify([
    Object.entries(v.labels).sort(),
    v.ports,
    v.ips.map((ip) => String(ip.value)),
  ]);
}

function identify(item: ScanObject): { name: string; kind: string; isPod: boolean } | undefined {
  const object = item.object;
  const groupKind = groupKindOf(object);
  if (groupKind === 'PodTemplate' || podSpecOf(object) === undefined) {
    // A Pod without a usable spec still runs (as far as the analysis can tell): keep it.
    if (groupKind !== 'Pod') return undefined;
  }
  const name = item.ref.name;
  if (groupKind !== 'Pod') return { name, kind: object.kind, isPod: false };
  const owners = object.metadata?.ownerReferences;
  const controller = Array.isArray(owners)
    ? (owners as unknown[]).find((o) => isRecord(o) && o.controller === true)
    : undefined;
  if (!isRecord(controller) || controller.kind === 'Node' || typeof controller.name !== 'string') {
    return { name, kind: 'Pod', isPod: true };
  }
  // An owner reference without a kind still groups the pods; the peer is then named a Pod.
  const kind =
    typeof controller.kind === 'string' && controller.kind !== '' ? controller.kind : 'Pod';
  return { name: controller.name, kind, isPod: true };
}

/**
 * Ports that named NetworkPolicy ports can resolve to: those of the app containers and of
 * restartable init containers (sidecars, which serve traffic for the pod's lifetime).
 */
function containerPorts(spec: PodSpec | undefined): ContainerPort[] {
  if (spec === undefined) return [];
  const containers: Container[] = [
    ...(Array.isArray(spec.containers) ? spec.containers : []),
    ...(Array.isArray(spec.initContainers) ? spec.initContainers : []).filter(
      (c) => isRecord(c) && c.restartPolicy === 'Always',
    ),
  ];
  const out: ContainerPort[] = [];
  for (const container of containers) {
    const ports: unknown = isRecord(container) ? container.ports : undefined;
    if (!Array.isArray(ports)) continue;
    for (const raw of ports as WireContainerPort[]) {
      if (!isRecord(raw) || typeof raw.containerPort !== 'number') continue;
      const protocol = raw.protocol ?? 'TCP';
      if (!isProtocol(protocol)) continue;
      const name = typeof raw.name === 'string' && raw.name !== '' ? raw.name : undefined;
      out.push({ name, port: raw.containerPort, protocol });
    }
  }
  return out;
}

function podIps(object: KubeObject): { family: IpFamily; value: bigint }[] {
  const status = isRecord(object.status) ? object.status : {};
  const texts = new Set<string>();
  if (typeof status.podIP === 'string') texts.add(status.podIP);
  if (Array.isArray(status.podIPs)) {
    for (const entry of status.podIPs)
      if (isRecord(entry) && typeof entry.ip === 'string') texts.add(entry.ip);
  }
  return [...texts].map(parseAddress).filter((ip) => ip !== undefined);
}
