import { CAPABILITIES } from '../../rbac/risks/capabilities.ts';
import { definePermissionRule } from './internal/permission-rule.ts';

export default definePermissionRule({
  id: 'rbac-persistent-volumes',
  capability: CAPABILITIES.persistentVolumes,
  severities: { cluster: 'high', namespace: 'medium' },
  title: 'Roles do not let subjects create PersistentVolumes',
  description:
    "A PersistentVolume can be a `hostPath` on the node; a pod claiming it reads and writes the node's filesystem whatever Pod Security says about hostPath volumes in pods.",
  remediation:
    'Let a provisioner create volumes from StorageClasses; do not grant `persistentvolumes` writes to people or workloads.',
});
