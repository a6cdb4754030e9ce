import { defineRule } from '../../engine/rule.ts';
import { labelsOf } from '../../model/kube-object.ts';

const ENFORCE = 'pod-security.kubernetes.io/enforce';
const LEVELS = new Set(['privileged', 'baseline', 'restricted']);

// https://kubernetes.io/docs/concepts/security/pod-security-admission/#pod-security-admission-labels-for-namespaces
export default defineRule({
  id: 'namespace-pss-unlabelled',
  meta: {
    title: 'Namespaces set a Pod Security enforce level',
    description:
      'Without a `pod-security.kubernetes.io/enforce` label, PodSecurity admission enforces only the cluster default, which is `privileged` unless the API server is configured otherwise: any pod is admitted.',
    severity: 'medium',
    category: 'pod-security',
    remediation:
      'Label the namespace with `pod-security.kubernetes.io/enforce: restricted` (or `baseline`) and pin `pod-security.kubernetes.io/enforce-version`.',
    references: ['https://kubernetes.io/docs/concepts/security/pod-security-admission/'],
    kinds: ['Namespace'],
    peers: { kubescape: ['C-0211'], trivy: [], polaris: [], kubeScore: [], checkov: [] },
    messages: {
      missing:
        'Namespace "{{name}}" has no {{label}} label: pods are admitted at the cluster default level (privileged unless configured).',
      privileged:
        'Namespace "{{name}}" enforces the privileged level: Pod Security admits any pod.',
      invalid:
        'Namespace "{{name}}" has an invalid {{label}} value "{{value}}": PodSecurity evaluates it as restricted:latest.',
    },
  },
  check(ctx) {
    const labels = labelsOf(ctx.object);
    const value = labels[ENFORCE];
    const name = ctx.scanObject.ref.name;
    if (value === undefined) {
      ctx.report({
        path: ['metadata', 'labels'],
        messageId: 'missing',
        data: { name, label: ENFORCE },
      });
    } else if (typeof value !== 'string' || !LEVELS.has(value)) {
      ctx.report({
        path: ['metadata', 'labels', ENFORCE],
        messageId: 'invalid',
        data: { name, label: ENFORCE, value },
        severity: 'low',
      });
    } else if (value === 'privileged') {
      ctx.report({
        path: ['metadata', 'labels', ENFORCE],
        messageId: 'privileged',
        data: { name },
      });
    }
  },
});
