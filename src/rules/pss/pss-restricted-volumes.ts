import { definePssRule } from './internal/define-pss-rule.ts';

export default definePssRule({
  id: 'pss-restricted-volumes',
  checkId: 'restrictedVolumes',
  title: 'Pods use only ephemeral and persistent-volume-claim volume types',
  description:
    'Pod Security restricted check `restrictedVolumes`: inline volumes must be configMap, csi, downwardAPI, emptyDir, ephemeral, image, persistentVolumeClaim, projected or secret; other inline sources (hostPath, nfs, iscsi, cloud disks, …) bypass PersistentVolume administration. It replaces `hostPathVolumes` in restricted namespaces.',
  severity: 'medium',
  remediation:
    'Move network and cloud storage behind a PersistentVolume and mount it through a persistentVolumeClaim.',
  peers: { trivy: ['KSV028'] },
});
