import { ruleTester } from '../../../test/helpers/rule-tester.ts';
import {
  clusterRoleBindingYaml,
  clusterRoleYaml,
  docs,
  roleBindingYaml,
  roleYaml,
  rule,
} from './internal/fixtures.ts';
import rbacBindingMissingRole from './rbac-binding-missing-role.ts';

ruleTester.run(rbacBindingMissingRole, {
  valid: [
    docs(
      clusterRoleYaml('reader', rule('get', '', 'pods')),
      clusterRoleBindingYaml('reader', 'reader', ['User:alice']),
    ),
    docs(
      roleYaml('team', 'reader', rule('get', '', 'pods')),
      roleBindingYaml('team', 'reader', 'Role:reader', ['User:alice']),
    ),
    {
      name: 'default roles exist in every cluster',
      yaml: roleBindingYaml('team', 'viewers', 'ClusterRole:view', ['Group:devs']),
    },
  ],
  invalid: [
    {
      yaml: clusterRoleBindingYaml('dangling', 'not-here', ['User:alice']),
      errors: [{ messageId: 'missing', severity: 'info', line: 8 }],
    },
    {
      name: 'a Role of another namespace does not count',
      yaml: docs(
        roleYaml('other', 'reader', rule('get', '', 'pods')),
        roleBindingYaml('team', 'reader', 'Role:reader', ['User:alice']),
      ),
      errors: [{ messageId: 'missing', message: 'Role "reader"' }],
    },
    {
      name: 'a ClusterRoleBinding cannot refer to a Role',
      yaml: docs(
        roleYaml('default', 'reader', rule('get', '', 'pods')),
        clusterRoleBindingYaml('bad', 'reader', ['User:alice']).replace(
          'kind: ClusterRole\n  name: reader',
          'kind: Role\n  name: reader',
        ),
      ),
      errors: [{ messageId: 'invalid', severity: 'low' }],
    },
  ],
});
