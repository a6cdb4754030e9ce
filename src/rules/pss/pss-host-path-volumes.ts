import { definePssRule } from './internal/define-pss-rule.ts';

export default definePssRule({
  id: 'pss-host-path-volumes',
  checkId: 'hostPathVolumes',
  title: 'Pods mount no hostPath volumes',
  description:
    'Pod Security baseline check `hostPathVolumes`: a hostPath volume exposes the node filesystem (container runtime socket, kubelet credentials, other pods’ data) to the pod. In restricted namespaces `restrictedVolumes` (pss-restricted-volumes) replaces this check.',
  severity: 'high',
  remediation:
    'Replace hostPath volumes with emptyDir, configMap, secret, projected or persistentVolumeClaim volumes.',
  peers: { trivy: ['KSV023'], kubescape: ['C-0048'] },
});
