import type { FixOperation } from '../../engine/finding.ts';
import { defineRule } from '../../engine/rule.ts';
import { NODEPORT_DOC } from './internal/references.ts';
import { describeNodePorts, recordsOf, specOf } from './internal/service.ts';

/** Fields the API server accepts only on NodePort and LoadBalancer Services. */
const EXTERNAL_ONLY = ['externalTrafficPolicy', 'healthCheckNodePort'] as const;

/** Making the Service ClusterIP (changes who can connect, so a suggestion, not a fix). */
function toClusterIp(spec: Record<string, unknown>): FixOperation[] {
  const ops: FixOperation[] = [{ op: 'replace', path: ['spec', 'type'], value: 'ClusterIP' }];
  for (const { item, index } of recordsOf(spec.ports)) {
    if (item.nodePort !== undefined)
      ops.push({ op: 'remove', path: ['spec', 'ports', index, 'nodePort'] });
  }
  for (const field of EXTERNAL_ONLY) {
    if (spec[field] !== undefined) ops.push({ op: 'remove', path: ['spec', field] });
  }
  return ops;
}

export default defineRule({
  id: 'service-nodeport',
  meta: {
    title: 'Services are not exposed as NodePorts',
    description:
      'A Service of type NodePort opens its ports on every node of the cluster, on each node address, for as long as the Service exists. That bypasses the Ingress or load balancer where TLS, authentication and access logs usually live, and it is reachable from wherever the nodes are reachable; node firewalls, not Kubernetes, decide who can connect.',
    severity: 'low',
    category: 'exposure',
    messages: {
      nodePort: 'Service of type NodePort opens {{ports}} on every node.',
    },
    references: [NODEPORT_DOC],
    remediation:
      'Use type ClusterIP and expose HTTP through an Ingress or Gateway, or use a LoadBalancer with source ranges; keep NodePort for clusters whose nodes are not reachable from untrusted networks.',
    kinds: ['Service'],
    peers: {
      trivy: [],
      kubescape: ['C-0256'],
      polaris: [],
      kubeScore: ['service-type'],
      checkov: [],
    },
  },
  check(ctx) {
    const spec = specOf(ctx.object);
    if (spec?.type !== 'NodePort') return;
    ctx.report({
      path: ['spec', 'type'],
      messageId: 'nodePort',
      data: { ports: describeNodePorts(spec) },
      suggest: toClusterIp(spec),
    });
  },
});
