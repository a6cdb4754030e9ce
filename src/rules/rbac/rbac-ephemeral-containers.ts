import { CAPABILITIES } from '../../rbac/risks/capabilities.ts';
import { definePermissionRule } from './internal/permission-rule.ts';

export default definePermissionRule({
  id: 'rbac-ephemeral-containers',
  capability: CAPABILITIES.ephemeralContainers,
  severities: { cluster: 'critical', privileged: 'high', namespace: 'medium' },
  title: 'Roles do not let subjects add ephemeral containers to pods',
  description:
    'Updating `pods/ephemeralcontainers` adds a container of any image to a running pod, sharing its namespaces, volumes and service account: exec by another name.',
  remediation:
    'Grant `pods/ephemeralcontainers` only to debugging roles in the namespaces a team owns.',
});
