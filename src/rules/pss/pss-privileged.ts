import { definePssRule } from './internal/define-pss-rule.ts';
import { setValue } from './internal/fix-ops.ts';

export default definePssRule({
  id: 'pss-privileged',
  checkId: 'privileged',
  title: 'Containers do not run privileged',
  description:
    'Pod Security baseline check `privileged`: a privileged container runs with every capability, all host devices and no seccomp/AppArmor confinement, so it can take over its node.',
  severity: 'critical',
  remediation:
    'Remove `securityContext.privileged: true`; grant only the capabilities the process needs.',
  peers: {
    trivy: ['KSV017'],
    kubescape: ['C-0057'],
    polaris: ['runAsPrivileged'],
    'kube-score': ['container-security-context-privileged'],
    checkov: ['CKV_K8S_16'],
  },
  suggest: ({ object, path }) => [setValue(object, path, false)],
});
