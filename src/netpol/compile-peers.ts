import type { ObjectPath } from '../engine/finding.ts';
import { formatPath as describe } from '../engine/fingerprint.ts';
import { isRecord } from '../model/kube-object.ts';
import type { IpInterval } from './ip-set.ts';
import { intervalWithin, parseCidr, subtractIpSet } from './ip-set.ts';
import type { LabelSelector } from './label-selector.ts';
import { compileSelector } from './label-selector.ts';
import type { CompiledPeer, PeerSpec } from './policy-types.ts';

/**
 * Compiles a rule's `from`/`to`. Undefined (missing or empty list) means every peer, inside and
 * outside the cluster (https://kubernetes.io/docs/concepts/services-networking/network-policies/).
 * Peer ids are assigned later by the model.
 */
export function compilePeers(
  raw: unknown,
  path: ObjectPath,
  problems: string[],
): CompiledPeer[] | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (!Array.isArray(raw)) {
    problems.push(`${describe(path)} is not a list`);
    return undefined;
  }
  if (raw.length === 0) return undefined;
  const peers: CompiledPeer[] = [];
  raw.forEach((entry: unknown, i) => {
    const at = [...path, i];
    const spec = compilePeer(entry, at, problems);
    if (spec !== undefined) peers.push({ id: -1, spec, path: at });
  });
  return peers;
}

function compilePeer(entry: unknown, at: ObjectPath, problems: string[]): PeerSpec | undefined {
  if (!isRecord(entry)) {
    problems.push(`${describe(at)} is not an object`);
    return undefined;
  }
  const hasPods = isSet(entry.podSelector);
  const hasNamespaces = isSet(entry.namespaceSelector);
  const hasBlock = isSet(entry.ipBlock);
  // ValidateNetworkPolicyPeer: exactly one of ipBlock or the selectors must be given.
  if (!hasPods && !hasNamespaces && !hasBlock) {
    problems.push(`${describe(at)} must set podSelector, namespaceSelector or ipBlock`);
    return undefined;
  }
  if (hasBlock && (hasPods || hasNamespaces)) {
    problems.push(`${describe(at)} may not combine ipBlock with a selector`);
    return undefined;
  }
  if (hasBlock) return compileIpBlock(entry.ipBlock, [...at, 'ipBlock'], problems);
  return {
    kind: 'pods',
    namespaceSelector: hasNamespaces
      ? selector(entry.namespaceSelector, [...at, 'namespaceSelector'], problems)
      : undefined,
    podSelector: hasPods
      ? selector(entry.podSelector, [...at, 'podSelector'], problems)
      : undefined,
  };
}

function selector(raw: unknown, at: ObjectPath, problems: string[]): LabelSelector {
  const compiled = compileSelector(raw);
  for (const problem of compiled.problems) problems.push(`${describe(at)}: ${problem}`);
  return compiled;
}

/** `cidr` minus every `except`; each except must be a strict subset of the cidr (ValidateIPBlock). */
function compileIpBlock(raw: unknown, at: ObjectPath, problems: string[]): PeerSpec | undefined {
  if (!isRecord(raw) || typeof raw.cidr !== 'string') {
    problems.push(`${describe(at)} needs a cidr`);
    return undefined;
  }
  const cidr = parseCidr(raw.cidr);
  if (cidr === undefined) {
    problems.push(`${describe(at)}: invalid cidr ${JSON.stringify(raw.cidr)}`);
    return undefined;
  }
  const except = Array.isArray(raw.except) ? raw.except : [];
  const holes: IpInterval[] = [];
  const texts: string[] = [];
  except.forEach((text: unknown, i) => {
    const hole = typeof text === 'string' ? parseCidr(text) : undefined;
    if (
      hole === undefined ||
      !intervalWithin(hole, cidr) ||
      (hole.start === cidr.start && hole.end === cidr.end)
    ) {
      problems.push(
        `${describe([...at, 'except', i])}: must be a CIDR strictly inside ${raw.cidr as string}`,
      );
      return;
    }
    holes.push(hole);
    texts.push(text as string);
  });
  holes.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  return { kind: 'ipBlock', cidr: raw.cidr, except: texts, set: subtractIpSet([cidr], holes) };
}

/** Explicit `null` reads as a missing field, as Go's JSON decoding does for pointer fields. */
function isSet(value: unknown): boolean {
  return value !== undefined && value !== null;
}
