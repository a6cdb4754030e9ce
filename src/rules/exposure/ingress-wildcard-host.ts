import { defineRule } from '../../engine/rule.ts';
import { INGRESS_HOSTNAME_WILDCARDS_DOC } from './internal/references.ts';
import { recordsOf, specOf } from './internal/service.ts';

export default defineRule({
  id: 'ingress-wildcard-host',
  meta: {
    title: 'Ingress rules name their hosts',
    description:
      'A rule host such as `*.example.com` routes every matching subdomain, including ones nobody registered on purpose, to the backend. Forgotten or attacker-chosen names (dangling DNS, cookie scoping, phishing look-alikes under your domain) then reach the application, and TLS needs a wildcard certificate, whose key is more valuable to steal.',
    severity: 'low',
    category: 'exposure',
    messages: {
      wildcard:
        'Ingress rule host "{{host}}" is a wildcard: every subdomain of {{domain}} reaches this backend.',
    },
    references: [INGRESS_HOSTNAME_WILDCARDS_DOC],
    remediation:
      'List the exact host names the application serves, one rule (or one hosts entry) each.',
    kinds: ['networking.k8s.io/Ingress', 'extensions/Ingress'],
    peers: { trivy: [], kubescape: [], polaris: [], kubeScore: [], checkov: [] },
  },
  check(ctx) {
    const spec = specOf(ctx.object);
    if (spec === undefined) return;
    for (const { item, index } of recordsOf(spec.rules)) {
      if (typeof item.host !== 'string' || !item.host.startsWith('*.')) continue;
      ctx.report({
        path: ['spec', 'rules', index, 'host'],
        messageId: 'wildcard',
        data: { host: item.host, domain: item.host.slice(2) },
      });
    }
  },
});
