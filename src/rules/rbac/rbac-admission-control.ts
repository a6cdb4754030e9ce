import { CAPABILITIES } from '../../rbac/risks/capabilities.ts';
import { definePermissionRule } from './internal/permission-rule.ts';

export default definePermissionRule({
  id: 'rbac-admission-control',
  capability: CAPABILITIES.admissionControl,
  severities: { cluster: 'critical', namespace: 'high' },
  title: 'Roles do not let subjects change admission webhooks and policies',
  description:
    'Whoever writes MutatingWebhookConfigurations, ValidatingWebhookConfigurations or admission policies can see or rewrite every object sent to the API server (Secrets included), or switch off the policies that protect the cluster.',
  remediation: "Manage admission configuration through the cluster's deployment pipeline only.",
  peers: { kubescape: ['C-0036', 'C-0039'], trivy: ['KSV114'], checkov: ['CKV_K8S_155'] },
});
