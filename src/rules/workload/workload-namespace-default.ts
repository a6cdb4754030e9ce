import { defineRule } from '../../engine/rule.ts';
import { REF } from './internal/refs.ts';

export default defineRule({
  id: 'workload-namespace-default',
  meta: {
    title: 'Workloads do not run in the default namespace',
    description:
      'The `default` namespace is where everything lands that nobody placed: its service accounts, RBAC, quotas, NetworkPolicies and Pod Security labels are rarely designed, and a workload there shares them with every stray object. The rule reports workloads whose `metadata.namespace` is `default`. A manifest without a namespace goes wherever `kubectl -n` or the deploy tool sends it, so it is reported only with `flagMissingNamespace: true`.',
    severity: 'low',
    category: 'access',
    workloadsOnly: true,
    messages: {
      explicit: '{{kind}} "{{objectName}}" runs in the default namespace.',
      implicit:
        '{{kind}} "{{objectName}}" sets no namespace: applied without -n it runs in the default namespace.',
    },
    remediation:
      'Give the application a namespace of its own, with its own service accounts, NetworkPolicies and Pod Security level.',
    references: [REF.namespaces, REF.cis],
    peers: {
      trivy: ['KSV110'],
      kubescape: ['C-0061', 'C-0212'],
      polaris: [],
      kubeScore: [],
      checkov: ['CKV_K8S_21'],
    },
    schema: {
      type: 'object',
      properties: { flagMissingNamespace: { type: 'boolean' } },
      additionalProperties: false,
    },
    defaultOptions: { flagMissingNamespace: false },
  },
  check(ctx) {
    const namespace = ctx.object.metadata?.namespace;
    const data = { kind: ctx.object.kind, objectName: ctx.scanObject.ref.name };
    const path = ['metadata', 'namespace'];
    if (namespace === 'default') ctx.report({ path, messageId: 'explicit', data });
    else if (
      (namespace === undefined || namespace === '') &&
      ctx.options.flagMissingNamespace === true
    ) {
      ctx.report({ path, messageId: 'implicit', data });
    }
  },
});
