import { CAPABILITIES } from '../../rbac/risks/capabilities.ts';
import { definePermissionRule } from './internal/permission-rule.ts';

export default definePermissionRule({
  id: 'rbac-crd-control',
  capability: CAPABILITIES.crdControl,
  severities: { cluster: 'high', namespace: 'medium' },
  title: 'Roles do not let subjects change CustomResourceDefinitions or APIServices',
  description:
    'Writing CRDs can add a conversion webhook that receives every custom resource of the type, or delete the type with all its objects; writing APIServices redirects a whole API group to another server.',
  remediation:
    'Install CRDs and APIServices through the deployment pipeline; operators rarely need to write them at run time.',
});
