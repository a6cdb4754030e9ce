import type { MatchContext } from './match.ts';
import { peerMatchesPod, policySelects, resolveNamedPort } from './match.ts';
import type { CompiledPeer, CompiledPolicy, NamedPort } from './policy-types.ts';
import type { PodVariant } from './workloads.ts';

/**
 * Pods that no policy can tell apart. Two pod variants share a class when they live in the same
 * namespace, are selected by the same policies, matched by the same rule peers and resolve every
 * named port the policies mention to the same number; evaluating one member answers for all, so
 * the matrix costs classes², not pods².
 */
export interface PodClass {
  readonly index: number;
  readonly namespace: string;
  /** Any member: its labels and ports stand for every member. */
  readonly representative: PodVariant;
  readonly ingressPolicies: CompiledPolicy[];
  readonly egressPolicies: CompiledPolicy[];
}

/** The class of a variant of the same model. */
export function classOfVariant(classes: Classes, variant: PodVariant): number {
  const index = classes.classOf[variant.index];
  if (index === undefined) throw new Error('pod variant outside the model');
  return index;
}

export interface Classes {
  readonly classes: PodClass[];
  /** Class index of each variant, by variant index. */
  readonly classOf: Int32Array;
  /** Class indexes each peer matches, by peer id (sorted, no duplicates). */
  readonly peerClasses: number[][];
}

/**
 * Groups variants into classes. Candidate pods are found through a namespace index, so the cost
 * is the sum of the sizes of the namespaces each selector looks at, never pods × policies overall.
 */
export function buildClasses(
  variants: readonly PodVariant[],
  policies: readonly CompiledPolicy[],
  peers: readonly { peer: CompiledPeer; policy: CompiledPolicy }[],
  context: MatchContext,
  namedPorts: readonly NamedPort[],
  isSynthetic: (variant: PodVariant) => boolean,
): Classes {
  const entries: Entry[] = variants.map((variant) => ({
    variant,
    tokens: [variant.namespace],
    selectedBy: [],
  }));
  const byNamespace = new Map<string, Entry[]>();
  for (const entry of entries) {
    const list = byNamespace.get(entry.variant.namespace);
    if (list === undefined) byNamespace.set(entry.variant.namespace, [entry]);
    else list.push(entry);
  }
  // Policies and peers repeat the same selectors: each distinct one is evaluated once.
  const subjects = new Map<string, Entry[]>();
  for (const policy of policies) {
    const key = `${policy.namespace}\u0000${policy.podSelector.key}`;
    let selected = subjects.get(key);
    if (selected === undefined) {
      // The stand-in ingress controller lives outside the input: no input policy selects it.
      selected = (byNamespace.get(policy.namespace) ?? []).filter(
        (e) => !isSynthetic(e.variant) && policySelects(policy, e.variant),
      );
      subjects.set(key, selected);
    }
    for (const entry of selected) {
      entry.tokens.push(`p${String(policy.id)}`);
      entry.selectedBy.push(policy);
    }
  }
  const distinct = new Map<string, Entry[]>();
  const peerEntries: Entry[][] = peers.map(({ peer, policy }) => {
    const key = peerKey(peer, policy);
    let matched = distinct.get(key);
    if (matched === undefined) {
      const token = `k${String(distinct.size)}`;
      matched = candidates(peer, policy, byNamespace, entries, context).filter((e) =>
        peerMatchesPod(peer, policy, e.variant, context),
      );
      for (const entry of matched) entry.tokens.push(token);
      distinct.set(key, matched);
    }
    return matched;
  });
  for (const entry of entries) {
    for (const named of namedPorts)
      entry.tokens.push(String(resolveNamedPort(named, entry.variant.ports) ?? '-'));
  }
  const classes: PodClass[] = [];
  const classOf = new Int32Array(variants.length);
  const byKey = new Map<string, number>();
  for (const { variant, tokens, selectedBy } of entries) {
    const key = tokens.join(' ');
    let index = byKey.get(key);
    if (index === undefined) {
      index = classes.length;
      byKey.set(key, index);
      classes.push({
        index,
        namespace: variant.namespace,
        representative: variant,
        ingressPolicies: selectedBy.filter((p) => p.ingress !== undefined),
        egressPolicies: selectedBy.filter((p) => p.egress !== undefined),
      });
    }
    classOf[variant.index] = index;
  }
  const cache = new Map<Entry[], number[]>();
  const peerClasses = peerEntries.map((list) => {
    let found = cache.get(list);
    if (found === undefined) {
      found = [...new Set(list.map((e) => classOf[e.variant.index] ?? -1))].sort((a, b) => a - b);
      cache.set(list, found);
    }
    return found;
  });
  return { classes, classOf, peerClasses };
}

/** Peers with equal keys match the same pods. */
function peerKey(peer: CompiledPeer, policy: CompiledPolicy): string {
  const spec = peer.spec;
  if (spec.kind === 'ipBlock') return `ip\u0000${spec.cidr}\u0000${spec.except.join(',')}`;
  const namespaces =
    spec.namespaceSelector === undefined ? `=${policy.namespace}` : spec.namespaceSelector.key;
  return `pods\u0000${namespaces}\u0000${spec.podSelector?.key ?? '*'}`;
}

interface Entry {
  readonly variant: PodVariant;
  readonly tokens: string[];
  readonly selectedBy: CompiledPolicy[];
}

function candidates(
  peer: CompiledPeer,
  policy: CompiledPolicy,
  byNamespace: Map<string, Entry[]>,
  all: readonly Entry[],
  context: MatchContext,
): readonly Entry[] {
  const spec = peer.spec;
  if (spec.kind === 'ipBlock')
    return context.ipBlocksMatchPods ? all.filter((e) => e.variant.ips.length > 0) : [];
  if (spec.namespaceSelector === undefined) return byNamespace.get(policy.namespace) ?? [];
  if (spec.namespaceSelector.matchesAll) return all;
  const out: Entry[] = [];
  for (const [namespace, list] of byNamespace) {
    if (spec.namespaceSelector.matches(context.namespaceLabels(namespace))) out.push(...list);
  }
  return out;
}
