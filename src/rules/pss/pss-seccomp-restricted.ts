import { definePssRule } from './internal/define-pss-rule.ts';
import { setValue } from './internal/fix-ops.ts';

export default definePssRule({
  id: 'pss-seccomp-restricted',
  checkId: 'seccompProfile_restricted',
  title: 'Pods set a RuntimeDefault or Localhost seccomp profile',
  description:
    'Pod Security restricted check `seccompProfile_restricted` (policy v1.19+): seccompProfile.type must be RuntimeDefault or Localhost, set on the pod or on every container. Windows pods are exempt from v1.25. It replaces `seccompProfile_baseline` in restricted namespaces.',
  severity: 'medium',
  remediation: 'Set `securityContext.seccompProfile.type: RuntimeDefault` on the pod.',
  peers: { trivy: ['KSV030'], checkov: ['CKV_K8S_31'] },
  suggest: ({ object, path }) =>
    path.at(-1) === 'type'
      ? [setValue(object, path, 'RuntimeDefault')]
      : [setValue(object, path, { type: 'RuntimeDefault' })],
});
