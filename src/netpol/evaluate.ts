import type { ConnectionSet } from './connection-set.ts';
import {
  ALL_CONNECTIONS,
  NO_CONNECTIONS,
  intersectConnections,
  isEmptyConnections,
  unionConnections,
} from './connection-set.ts';
import { namedOnPod, portsOnPod } from './match.ts';
import type { NetpolModel } from './model.ts';
import type { NamedPort } from './policy-types.ts';

/**
 * What the policies selecting one pod class allow in one direction. `any` comes from rules
 * without peers (every pod and every address); `byClass` and `byAtom` from rules whose peers
 * match those classes or external ranges. Unisolated classes allow everything.
 */
export interface Access {
  readonly isolated: boolean;
  readonly any: ConnectionSet;
  /** Egress only: named ports of peer-less rules, resolved per destination pod. */
  readonly anyNamed: readonly NamedPort[];
  readonly byClass: ReadonlyMap<number, ConnectionSet>;
  readonly byAtom: readonly ConnectionSet[];
}

const OPEN: Access = {
  isolated: false,
  any: ALL_CONNECTIONS,
  anyNamed: [],
  byClass: new Map(),
  byAtom: [],
};

/**
 * Evaluates the connection between classes exactly as the spec composes policies: a pod is
 * isolated in a direction when any policy of that type selects it; then the union of the rules of
 * all those policies is allowed, and a connection needs both the source's egress and the
 * destination's ingress (https://kubernetes.io/docs/concepts/services-networking/network-policies/#the-two-sorts-of-pod-isolation).
 */
export class Evaluator {
  readonly model: NetpolModel;
  readonly #ingress: (Access | undefined)[];
  readonly #egress: (Access | undefined)[];

  constructor(model: NetpolModel) {
    this.model = model;
    this.#ingress = new Array<Access | undefined>(model.classes.classes.length);
    this.#egress = new Array<Access | undefined>(model.classes.classes.length);
  }

  ingress(dst: number): Access {
    return (this.#ingress[dst] ??= this.#build(dst, 'ingress'));
  }

  egress(src: number): Access {
    return (this.#egress[src] ??= this.#build(src, 'egress'));
  }

  /** Traffic from class `src` to class `dst`: egress of the source ∩ ingress of the destination. */
  between(src: number, dst: number): ConnectionSet {
    const out = this.egress(src);
    let allowed = ALL_CONNECTIONS;
    if (out.isolated) {
      allowed = unionConnections(out.any, out.byClass.get(dst) ?? NO_CONNECTIONS);
      if (out.anyNamed.length > 0) {
        const pod = this.model.classes.classes[dst]?.representative;
        if (pod !== undefined) allowed = unionConnections(allowed, namedOnPod(out.anyNamed, pod));
      }
      if (isEmptyConnections(allowed)) return NO_CONNECTIONS;
    }
    const into = this.ingress(dst);
    if (!into.isolated) return allowed;
    return intersectConnections(
      allowed,
      unionConnections(into.any, into.byClass.get(src) ?? NO_CONNECTIONS),
    );
  }

  /** Traffic from class `src` to external destination atom `atom` (only egress decides). */
  toExternal(src: number, atom: number): ConnectionSet {
    const out = this.egress(src);
    return out.isolated
      ? unionConnections(out.any, out.byAtom[atom] ?? NO_CONNECTIONS)
      : ALL_CONNECTIONS;
  }

  /** Traffic from external source atom `atom` to class `dst` (only ingress decides). */
  fromExternal(atom: number, dst: number): ConnectionSet {
    const into = this.ingress(dst);
    return into.isolated
      ? unionConnections(into.any, into.byAtom[atom] ?? NO_CONNECTIONS)
      : ALL_CONNECTIONS;
  }

  #build(index: number, direction: 'ingress' | 'egress'): Access {
    const { classes, peerClasses } = this.model.classes;
    const podClass = classes[index];
    if (podClass === undefined) return OPEN;
    const policies = direction === 'ingress' ? podClass.ingressPolicies : podClass.egressPolicies;
    if (policies.length === 0) return OPEN;
    let any = NO_CONNECTIONS;
    const anyNamed: NamedPort[] = [];
    const byClass = new Map<number, ConnectionSet>();
    const atoms = direction === 'ingress' ? this.model.srcAtoms : this.model.dstAtoms;
    const byAtom = new Array<ConnectionSet>(atoms.atoms.length).fill(NO_CONNECTIONS);
    const add = (c: number, conns: ConnectionSet) => {
      byClass.set(c, unionConnections(byClass.get(c) ?? NO_CONNECTIONS, conns));
    };
    for (const policy of policies) {
      for (const rule of (direction === 'ingress' ? policy.ingress : policy.egress) ?? []) {
        // Ingress ports are on this (destination) pod; egress ports on each destination.
        const here =
          direction === 'ingress' ? portsOnPod(rule.ports, podClass.representative) : undefined;
        if (rule.peers === undefined) {
          any = unionConnections(any, here ?? rule.ports.numeric);
          if (here === undefined) anyNamed.push(...rule.ports.named);
          continue;
        }
        for (const peer of rule.peers) {
          for (const c of peerClasses[peer.id] ?? []) {
            const target = classes[c]?.representative;
            add(
              c,
              here ?? (target === undefined ? rule.ports.numeric : portsOnPod(rule.ports, target)),
            );
          }
          // Egress named ports never resolve on an IP address: only numbered ports reach external
          // ranges. Ingress named ports are this pod's own, whoever the source is.
          const external = here ?? rule.ports.numeric;
          for (const a of this.model.peerAtoms[peer.id] ?? []) {
            byAtom[a] = unionConnections(byAtom[a] ?? NO_CONNECTIONS, external);
          }
        }
      }
    }
    return { isolated: true, any, anyNamed, byClass, byAtom };
  }
}
