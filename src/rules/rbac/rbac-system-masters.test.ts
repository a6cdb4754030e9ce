import { ruleTester } from '../../../test/helpers/rule-tester.ts';
import { clusterRoleBindingYaml, clusterRoleYaml, docs, rule } from './internal/fixtures.ts';
import rbacSystemMasters from './rbac-system-masters.ts';

ruleTester.run(rbacSystemMasters, {
  valid: [
    clusterRoleBindingYaml('admins', 'cluster-admin', ['Group:platform-admins']),
    {
      name: 'unrestricted impersonation is rbac-impersonate',
      yaml: clusterRoleYaml('imp', rule('impersonate', '', 'groups')),
    },
    clusterRoleYaml('imp', rule('impersonate', '', 'groups', 'developers')),
  ],
  invalid: [
    {
      yaml: clusterRoleBindingYaml('masters', 'cluster-admin', ['Group:system:masters']),
      errors: [{ messageId: 'binding', severity: 'low' }],
    },
    {
      yaml: docs(
        clusterRoleYaml('break-glass', rule('impersonate', '', 'groups', 'system:masters')),
      ),
      errors: [{ messageId: 'impersonate', severity: 'critical' }],
    },
  ],
});
