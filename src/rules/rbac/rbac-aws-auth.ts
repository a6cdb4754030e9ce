import { CAPABILITIES } from '../../rbac/risks/capabilities.ts';
import { definePermissionRule } from './internal/permission-rule.ts';

export default definePermissionRule({
  id: 'rbac-aws-auth',
  capability: CAPABILITIES.awsAuth,
  severities: { cluster: 'critical', privileged: 'critical', namespace: 'high' },
  title: 'Roles do not let subjects change the EKS aws-auth ConfigMap',
  description:
    'On EKS, `kube-system/aws-auth` maps IAM roles to Kubernetes users and groups; whoever can change it can map themselves to `system:masters`.',
  remediation: 'Manage aws-auth (or EKS access entries) through infrastructure code only.',
  references: ['https://docs.aws.amazon.com/eks/latest/userguide/auth-configmap.html'],
  peers: { trivy: ['KSV115'] },
});
