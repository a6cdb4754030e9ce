import { CAPABILITIES } from '../../rbac/risks/capabilities.ts';
import { definePermissionRule } from './internal/permission-rule.ts';

export default definePermissionRule({
  id: 'rbac-impersonate',
  capability: CAPABILITIES.impersonate,
  severities: { cluster: 'critical', privileged: 'high', namespace: 'medium' },
  title: 'Roles do not grant impersonation',
  description:
    '`impersonate` on users, groups, service accounts, UIDs or user extras (and the constrained-impersonation verbs of Kubernetes 1.35+) lets a subject act as someone else; impersonating the group `system:masters` is cluster-admin. Rules restricted by `resourceNames` are reported too: the named identities may be powerful.',
  remediation:
    'Remove impersonation rights, or restrict them with `resourceNames` to identities with little power.',
  peers: { kubescape: ['C-0065', 'C-0191'], trivy: ['KSV043', 'KSV050'] },
});
