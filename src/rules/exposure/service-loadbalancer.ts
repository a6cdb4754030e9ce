import { defineRule } from '../../engine/rule.ts';
import { internalLoadBalancerReason } from './internal/internal-load-balancer.ts';
import { INTERNAL_LB_DOC, LOADBALANCER_DOC } from './internal/references.ts';
import { describePorts, specOf } from './internal/service.ts';

export default defineRule({
  id: 'service-loadbalancer',
  meta: {
    title: 'LoadBalancer Services are deliberate and internal where possible',
    description:
      'A Service of type LoadBalancer asks the cloud for a load balancer, which on most clouds gets a public address unless an annotation asks for an internal one. The rule lists every LoadBalancer Service so that internet exposure is a reviewed decision: low severity when nothing marks it internal, info when an internal annotation of AWS (`aws-load-balancer-internal`, `aws-load-balancer-scheme: internal`, or the AWS Load Balancer Controller default), GCP (`networking.gke.io/load-balancer-type: Internal`), Azure (`azure-load-balancer-internal`), Oracle, IBM, Alibaba or OpenStack is set.',
    severity: 'low',
    category: 'exposure',
    messages: {
      external:
        'Service of type LoadBalancer exposes {{ports}} through a load balancer that no annotation marks internal.',
      internal:
        'Service of type LoadBalancer exposes {{ports}} through an internal load balancer ({{reason}}).',
    },
    references: [LOADBALANCER_DOC, INTERNAL_LB_DOC],
    remediation:
      "If the Service needs no internet access, add your cloud's internal load-balancer annotation; otherwise restrict spec.loadBalancerSourceRanges and prefer one shared Ingress or Gateway over one load balancer per Service.",
    kinds: ['Service'],
    peers: {
      trivy: [],
      kubescape: ['C-0256'],
      polaris: [],
      kubeScore: [],
      checkov: [],
    },
  },
  check(ctx) {
    const spec = specOf(ctx.object);
    if (spec?.type !== 'LoadBalancer') return;
    const reason = internalLoadBalancerReason(ctx.object);
    const ports = describePorts(spec);
    if (reason === undefined) {
      ctx.report({ path: ['spec', 'type'], messageId: 'external', data: { ports } });
      return;
    }
    ctx.report({
      path: ['spec', 'type'],
      messageId: 'internal',
      data: { ports, reason },
      severity: 'info',
      evidence: { internal: reason },
    });
  },
});
