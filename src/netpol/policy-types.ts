import type { ObjectPath } from '../engine/finding.ts';
import type { ScanObject } from '../model/kube-object.ts';
import type { ConnectionSet, Protocol } from './connection-set.ts';
import type { IpSet } from './ip-set.ts';
import type { LabelSelector } from './label-selector.ts';

export type Direction = 'ingress' | 'egress';

/** A `NetworkPolicyPort` given by name: it means different numbers on different pods. */
export interface NamedPort {
  readonly protocol: Protocol;
  readonly name: string;
  readonly path: ObjectPath;
}

/** What a rule's `ports` allow, before named ports are resolved against a destination pod. */
export interface RulePorts {
  /** Numbered ports, `endPort` ranges and port-less protocol entries. */
  readonly numeric: ConnectionSet;
  readonly named: readonly NamedPort[];
}

/** One entry of `from`/`to`. */
export type PeerSpec =
  | {
      readonly kind: 'pods';
      /** Undefined: the policy's own namespace. */
      readonly namespaceSelector: LabelSelector | undefined;
      /** Undefined: every pod of the selected namespaces. */
      readonly podSelector: LabelSelector | undefined;
    }
  | {
      readonly kind: 'ipBlock';
      readonly cidr: string;
      readonly except: readonly string[];
      /** `cidr` minus `except`. */
      readonly set: IpSet;
    };

export interface CompiledPeer {
  /** Index in the model's peer list, unique across all policies. */
  id: number;
  readonly spec: PeerSpec;
  readonly path: ObjectPath;
}

export interface CompiledRule {
  readonly direction: Direction;
  readonly index: number;
  /** Undefined when `from`/`to` is missing or empty: every peer, in and out of the cluster. */
  readonly peers: readonly CompiledPeer[] | undefined;
  readonly ports: RulePorts;
  readonly path: ObjectPath;
}

/** A NetworkPolicy reduced to what evaluation needs; built only from policies the API server would accept. */
export interface CompiledPolicy {
  id: number;
  readonly item: ScanObject;
  readonly namespace: string;
  readonly name: string;
  readonly podSelector: LabelSelector;
  /** Undefined when the policy does not apply to that direction (after `policyTypes` defaulting). */
  readonly ingress: readonly CompiledRule[] | undefined;
  readonly egress: readonly CompiledRule[] | undefined;
}

export function rulesOf(
  policy: CompiledPolicy,
  direction: Direction,
): readonly CompiledRule[] | undefined {
  return direction === 'ingress' ? policy.ingress : policy.egress;
}

/** `namespace/name`, how explanations and messages name a policy. */
export function policyName(policy: CompiledPolicy): string {
  return `${policy.namespace}/${policy.name}`;
}
