import { definePssRule } from './internal/define-pss-rule.ts';
import { setValue } from './internal/fix-ops.ts';

export default definePssRule({
  id: 'pss-run-as-non-root',
  checkId: 'runAsNonRoot',
  title: 'Containers must run as non-root',
  description:
    'Pod Security restricted check `runAsNonRoot`: `runAsNonRoot: true` must be set on the pod or on every container, and no container may set it to false, so the kubelet refuses to start a container as UID 0. From policy v1.35 user-namespace pods (`hostUsers: false`) are exempt.',
  severity: 'medium',
  remediation:
    'Set `securityContext.runAsNonRoot: true` on the pod (and a non-zero runAsUser if the image runs as root).',
  peers: {
    trivy: ['KSV012'],
    kubescape: ['C-0013'],
    polaris: ['runAsRootAllowed'],
    checkov: ['CKV_K8S_23'],
  },
  suggest: ({ object, path }) => [setValue(object, path, true)],
});
