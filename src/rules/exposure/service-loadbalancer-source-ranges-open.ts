import ipaddr from 'ipaddr.js';
import { defineRule } from '../../engine/rule.ts';
import { annotationsOf } from '../../model/kube-object.ts';
import { internalLoadBalancerReason } from './internal/internal-load-balancer.ts';
import { LOADBALANCER_DOC, SOURCE_RANGES_DOC } from './internal/references.ts';
import { specOf } from './internal/service.ts';

const RANGES_ANNOTATION = 'service.beta.kubernetes.io/load-balancer-source-ranges';

/** A CIDR with prefix length 0 (`0.0.0.0/0`, `::/0`) admits every address. */
function admitsEverything(cidr: string): boolean {
  const text = cidr.trim();
  if (!ipaddr.isValidCIDR(text)) return false;
  return ipaddr.parseCIDR(text)[1] === 0;
}

export default defineRule({
  id: 'service-loadbalancer-source-ranges-open',
  meta: {
    title: 'External LoadBalancer Services restrict their source ranges',
    description:
      'For a LoadBalancer Service that no annotation marks internal, `spec.loadBalancerSourceRanges` (or the older `service.beta.kubernetes.io/load-balancer-source-ranges` annotation, used only when the field is empty) is the allow-list the cloud load balancer or node firewall enforces. Without it, or with a `0.0.0.0/0` / `::/0` entry, anyone on the internet can connect. Opt-in: many public endpoints are meant to be open; enable it where every external endpoint must have an allow-list.',
    severity: 'medium',
    category: 'exposure',
    optIn: true,
    messages: {
      unrestricted:
        'External LoadBalancer Service accepts connections from any address: it sets no loadBalancerSourceRanges.',
      openRange:
        'Source range "{{range}}" admits every address to this external LoadBalancer Service.',
    },
    references: [SOURCE_RANGES_DOC, LOADBALANCER_DOC],
    remediation:
      'List the client networks in spec.loadBalancerSourceRanges, or make the load balancer internal and put a WAF or Ingress in front of it.',
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
    if (spec?.type !== 'LoadBalancer' || internalLoadBalancerReason(ctx.object) !== undefined)
      return;
    const ranges = Array.isArray(spec.loadBalancerSourceRanges)
      ? spec.loadBalancerSourceRanges
      : [];
    if (ranges.length > 0) {
      ranges.slice(0, 1000).forEach((range: unknown, index) => {
        if (typeof range !== 'string' || !admitsEverything(range)) return;
        ctx.report({
          path: ['spec', 'loadBalancerSourceRanges', index],
          messageId: 'openRange',
          data: { range: range.trim() },
        });
      });
      return;
    }
    const annotation = annotationsOf(ctx.object)[RANGES_ANNOTATION];
    if (typeof annotation === 'string' && annotation.trim() !== '') {
      const open = annotation.split(',', 1000).find(admitsEverything);
      if (open === undefined) return;
      ctx.report({
        path: ['metadata', 'annotations', RANGES_ANNOTATION],
        messageId: 'openRange',
        data: { range: open.trim() },
      });
      return;
    }
    ctx.report({ path: ['spec', 'loadBalancerSourceRanges'], messageId: 'unrestricted' });
  },
});
