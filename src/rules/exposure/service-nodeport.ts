import { defineRule } from '../../engine/rule.ts';
import { NODEPORT_DOC } from './internal/references.ts';
import { describeNodePorts, specOf } from './internal/service.ts';

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
      'kube-score': ['service-type'],
      kubescape: ['C-0256'],
    },
  },
  check(ctx) {
    const spec = specOf(ctx.object);
    if (spec?.type !== 'NodePort') return;
    ctx.report({
      path: ['spec', 'type'],
      messageId: 'nodePort',
      data: { ports: describeNodePorts(spec) },
    });
  },
});
