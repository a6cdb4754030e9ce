import type { ObjectPath } from '../../../engine/finding.ts';
import type { Rule } from '../../../engine/rule.ts';
import { defineRule } from '../../../engine/rule.ts';
import type { ScanObject } from '../../../model/kube-object.ts';
import { isKind } from '../../../model/kinds.ts';
import { WORKLOAD_KINDS, podSpecOf } from '../../../model/pod-spec.ts';
import { effectiveNamespace } from '../../../model/scope.ts';
import type { NetpolModel } from '../../../netpol/model.ts';
import type { Direction } from '../../../netpol/policy-types.ts';
import { REF, hasDefaultDeny, modelOf } from './netpol.ts';

const KINDS = ['Namespace', ...[...WORKLOAD_KINDS].filter((k) => k !== 'PodTemplate')];

/**
 * `netpol-namespace-no-default-deny-<direction>`. Reported on the Namespace object; for a
 * namespace the input only mentions (workloads without a Namespace object), on its first workload,
 * so that each namespace is reported once.
 */
export function defaultDenyRule(direction: Direction): Rule<'missing'> {
  const word = direction === 'ingress' ? 'Ingress' : 'Egress';
  const open =
    direction === 'ingress'
      ? 'pods that no other policy selects accept connections from every pod and every address'
      : 'pods that no other egress policy selects may connect anywhere, cloud metadata included';
  return defineRule({
    id: `netpol-namespace-no-default-deny-${direction}`,
    meta: {
      title: `Namespaces have a default-deny ${direction} NetworkPolicy`,
      description: `Kubernetes allows all ${direction} traffic to a pod until some NetworkPolicy with policyType ${word} selects it. A policy with \`podSelector: {}\` and \`policyTypes: [${word}]\` isolates every pod of the namespace, so that only what other policies allow gets through (zero trust); without it, every new workload starts wide open.`,
      severity: direction === 'ingress' ? 'medium' : 'low',
      category: 'network',
      exact: true,
      kinds: KINDS,
      messages: {
        missing: `Namespace "{{namespace}}" has no default-deny ${direction} NetworkPolicy: ${open}.`,
      },
      remediation: `Add a NetworkPolicy with \`podSelector: {}\` and \`policyTypes: [${word}]\` to the namespace, then allow the needed traffic with narrower policies.`,
      references: [REF.defaultDeny, REF.nsa],
      peers: { kubescape: ['C-0054'], trivy: [], polaris: [], kubeScore: [], checkov: [] },
      schema: {
        type: 'object',
        properties: { ignoreNamespaces: { type: 'array', items: { type: 'string' } } },
        additionalProperties: false,
      },
      defaultOptions: { ignoreNamespaces: [] },
    },
    check(ctx) {
      const target = namespaceTarget(modelOf(ctx.inventory), ctx.scanObject);
      if (target === undefined) return;
      const ignored = ctx.options.ignoreNamespaces;
      if (Array.isArray(ignored) && ignored.includes(target.namespace)) return;
      if (hasDefaultDeny(modelOf(ctx.inventory), target.namespace, direction)) return;
      ctx.report({
        path: target.path,
        messageId: 'missing',
        data: { namespace: target.namespace },
      });
    },
  });
}

/** The namespace this object answers for, or undefined when another object reports it. */
function namespaceTarget(
  model: NetpolModel,
  item: ScanObject,
): { namespace: string; path: ObjectPath } | undefined {
  if (isKind(item.object, 'Namespace'))
    return { namespace: item.ref.name, path: ['metadata', 'name'] };
  if (podSpecOf(item.object) === undefined) return undefined;
  const namespace = effectiveNamespace(item.object) ?? 'default';
  if (model.inventory.namespace(namespace) !== undefined) return undefined;
  const first = model.inventory.memo('netpol-first-workload-by-namespace', () => {
    const out = new Map<string, ScanObject>();
    for (const workload of model.workloads) {
      for (const candidate of workload.items) {
        const current = out.get(workload.namespace);
        if (current === undefined || candidate.seq < current.seq)
          out.set(workload.namespace, candidate);
      }
    }
    return out;
  });
  return first.get(namespace) === item ? { namespace, path: ['metadata', 'namespace'] } : undefined;
}
