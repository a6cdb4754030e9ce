import { ruleTester } from '../../../test/helpers/rule-tester.ts';
import {
  clusterRoleBindingYaml,
  clusterRoleYaml,
  docs,
  roleBindingYaml,
  roleYaml,
  rule,
} from './internal/fixtures.ts';
import rbacDeleteAnything from './rbac-delete-anything.ts';

ruleTester.run(rbacDeleteAnything, {
  valid: [
    docs(
      clusterRoleYaml('safe', rule('delete', '', 'pods')),
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
        clusterRoleYaml('risky', rule('delete,deletecollection', '*', '*')),
        clusterRoleBindingYaml('risky', 'risky', ['ServiceAccount:ops/robot']),
      ),
      errors: [{ messageId: 'role', severity: 'high' }],
    },
    {
      name: 'granted in kube-system',
      yaml: docs(
        roleYaml('kube-system', 'risky', rule('delete,deletecollection', '*', '*')),
        roleBindingYaml('kube-system', 'risky', 'Role:risky', ['User:dev']),
      ),
      errors: [{ messageId: 'role', severity: 'high', message: 'in namespace kube-system' }],
    },
    {
      name: 'granted in an ordinary namespace',
      yaml: docs(
        clusterRoleYaml('risky', rule('delete,deletecollection', '*', '*')),
        roleBindingYaml('team', 'risky', 'ClusterRole:risky', ['Group:team']),
      ),
      errors: [{ messageId: 'role', severity: 'medium', message: 'in namespace team' }],
    },
    {
      name: 'a ClusterRole bound nowhere in the input',
      yaml: clusterRoleYaml('risky', rule('delete,deletecollection', '*', '*')),
      errors: [{ messageId: 'unbound', severity: 'medium' }],
    },
  ],
});
