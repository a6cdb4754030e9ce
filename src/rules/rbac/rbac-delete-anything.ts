import { CAPABILITIES } from '../../rbac/risks/capabilities.ts';
import { definePermissionRule } from './internal/permission-rule.ts';

export default definePermissionRule({
  id: 'rbac-delete-anything',
  capability: CAPABILITIES.deleteAnything,
  severities: { cluster: 'high', privileged: 'high', namespace: 'medium' },
  title: 'Roles do not let subjects delete every kind of resource',
  description:
    '`delete` or `deletecollection` on `*` resources can remove Namespaces, nodes, CRDs with their objects, and audit-relevant events: an outage or the cover-up of one.',
  remediation: 'List the resources the subject may delete.',
  peers: { kubescape: ['C-0007'] },
});
