import { formatPath } from '../../engine/fingerprint.ts';
import type { CompiledPeer, CompiledPolicy, CompiledRule } from '../policy-types.ts';

/** `namespaceSelector {team=a} + podSelector {app=web}`, `ipBlock 10.0.0.0/8 except 10.1.0.0/16`. */
export function describePeer(peer: CompiledPeer): string {
  const spec = peer.spec;
  if (spec.kind === 'ipBlock') {
    return spec.except.length === 0
      ? `ipBlock ${spec.cidr}`
      : `ipBlock ${spec.cidr} except ${spec.except.join(', ')}`;
  }
  const parts: string[] = [];
  if (spec.namespaceSelector !== undefined)
    parts.push(`namespaceSelector {${spec.namespaceSelector.text.replace(/^\{\}$/, '')}}`);
  if (spec.podSelector !== undefined)
    parts.push(`podSelector {${spec.podSelector.text.replace(/^\{\}$/, '')}}`);
  return parts.join(' + ');
}

/** `spec.ingress[0]`: where a rule sits in its policy. */
export function rulePath(rule: CompiledRule): string {
  return formatPath(rule.path);
}

/** `namespace/name (file.yaml)`: a policy and where it was read from. */
export function describePolicy(policy: CompiledPolicy): string {
  const origin = policy.item.origin;
  const where = origin.source === 'file' ? ` (${origin.file})` : '';
  return `${policy.namespace}/${policy.name}${where}`;
}
