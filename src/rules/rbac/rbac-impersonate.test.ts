import { ruleTester } from '../../../test/helpers/rule-tester.ts';
import {
  clusterRoleBindingYaml,
  clusterRoleYaml,
  docs,
  roleBindingYaml,
  roleYaml,
  rule,
} from './internal/fixtures.ts';
import rbacImpersonate from './rbac-impersonate.ts';

ruleTester.run(rbacImpersonate, {
  valid: [
    docs(
      clusterRoleYaml('safe', rule('get', '', 'serviceaccounts')),
      clusterRoleBindingYaml('safe', 'safe', ['User:alice']),
    ),
    {
      name: 'a binding to a role that is not in the input',
      yaml: clusterRoleBindingYaml('dangling', 'not-here', ['User:alice']),
    },
  ],
  invalid: [
    {
      name: 'granted cluster-wide by a ClusterRoleBinding',
      yaml: docs(
        clusterRoleYaml('risky', rule('impersonate', '', 'users,groups')),
        clusterRoleBindingYaml('risky', 'risky', ['ServiceAccount:ops/robot']),
      ),
      errors: [{ messageId: 'role', severity: 'critical' }],
    },
    {
      name: 'a ClusterRole bound nowhere in the input',
      yaml: clusterRoleYaml('risky', rule('impersonate', '', 'users,groups')),
      errors: [{ messageId: 'unbound', severity: 'medium' }],
    },
    {
      name: 'impersonating service accounts of one namespace',
      yaml: docs(
        roleYaml('team', 'imp', rule('impersonate', '', 'serviceaccounts')),
        roleBindingYaml('team', 'imp', 'Role:imp', ['User:dev']),
      ),
      errors: [{ messageId: 'role', severity: 'medium' }],
    },
  ],
});
