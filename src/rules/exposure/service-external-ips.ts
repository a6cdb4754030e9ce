import { defineRule } from '../../engine/rule.ts';
import { CVE_2020_8554, EXTERNAL_IPS_DOC } from './internal/references.ts';
import { specOf } from './internal/service.ts';

const MAX_LISTED = 5;

export default defineRule({
  id: 'service-external-ips',
  meta: {
    title: 'Services do not set externalIPs',
    description:
      "kube-proxy routes traffic for every address in a Service's `spec.externalIPs` to that Service's endpoints, on every node, without checking that the address belongs to the Service's owner. Anyone who can create or edit a Service can therefore capture traffic meant for any IP, inside or outside the cluster (CVE-2020-8554, unfixed by design). The field is deprecated from Kubernetes 1.36; block it with the `DenyServiceExternalIPs` admission plugin.",
    severity: 'medium',
    category: 'exposure',
    messages: {
      externalIps:
        'Service sets externalIPs {{ips}}: kube-proxy sends traffic for these addresses to this Service on every node (CVE-2020-8554).',
    },
    references: [EXTERNAL_IPS_DOC, CVE_2020_8554],
    remediation:
      'Remove spec.externalIPs and expose the Service through a LoadBalancer, an Ingress or a Gateway; enable the DenyServiceExternalIPs admission plugin.',
    kinds: ['Service'],
    peers: {
      trivy: ['KSV108'],
      kubescape: [],
      polaris: [],
      kubeScore: [],
      checkov: [],
    },
  },
  check(ctx) {
    const ips = specOf(ctx.object)?.externalIPs;
    if (!Array.isArray(ips) || ips.length === 0) return;
    const shown = ips
      .slice(0, MAX_LISTED)
      .map((ip) => (typeof ip === 'string' ? `"${ip.slice(0, 64)}"` : '(invalid)'));
    const rest = ips.length - shown.length;
    ctx.report({
      path: ['spec', 'externalIPs'],
      messageId: 'externalIps',
      data: { ips: rest > 0 ? `${shown.join(', ')} and ${rest} more` : shown.join(', ') },
      evidence: { externalIPs: ips.filter((ip) => typeof ip === 'string').slice(0, 100) },
      suggest: [{ op: 'remove', path: ['spec', 'externalIPs'] }],
    });
  },
});
