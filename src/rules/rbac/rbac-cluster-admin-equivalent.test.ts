import { ruleTester } from '../../../test/helpers/rule-tester.ts';
import {
  clusterRoleBindingYaml,
  clusterRoleYaml,
  docs,
  roleBindingYaml,
  roleYaml,
  rule,
} from './internal/fixtures.ts';
import rbacClusterAdminEquivalent from './rbac-cluster-admin-equivalent.ts';

ruleTester.run(rbacClusterAdminEquivalent, {
  valid: [
    docs(
      clusterRoleYaml('safe', rule('get,list,watch', '', 'pods')),
      clusterRoleBindingYaml('safe', 'safe', ['User:alice']),
    ),
    {
      name: 'a binding to a role that is not in the input',
      yaml: clusterRoleBindingYaml('dangling', 'not-here', ['User:alice']),
    },
    roleBindingYaml('team', 'viewers', 'ClusterRole:view', ['Group:devs']),
  ],
  invalid: [
    {
      name: 'granted cluster-wide by a ClusterRoleBinding',
      yaml: docs(
        clusterRoleYaml('risky', rule('*', '*', '*')),
        clusterRoleBindingYaml('risky', 'risky', ['ServiceAccount:ops/robot']),
      ),
      errors: [{ messageId: 'role', severity: 'critical' }],
    },
    {
      name: 'granted in kube-system',
      yaml: docs(
        roleYaml('kube-system', 'risky', rule('*', '*', '*')),
        roleBindingYaml('kube-system', 'risky', 'Role:risky', ['User:dev']),
      ),
      errors: [{ messageId: 'role', severity: 'critical', message: 'in namespace kube-system' }],
    },
    {
      name: 'granted in an ordinary namespace',
      yaml: docs(
        clusterRoleYaml('risky', rule('*', '*', '*')),
        roleBindingYaml('team', 'risky', 'ClusterRole:risky', ['Group:team']),
      ),
      errors: [{ messageId: 'role', severity: 'high', message: 'in namespace team' }],
    },
    {
      name: 'a ClusterRole bound nowhere in the input',
      yaml: clusterRoleYaml('risky', rule('*', '*', '*')),
      errors: [{ messageId: 'unbound', severity: 'high' }],
    },
    {
      name: 'binding to the default cluster-admin',
      yaml: clusterRoleBindingYaml('ops', 'cluster-admin', ['Group:ops']),
      errors: [
        {
          messageId: 'defaultRole',
          severity: 'critical',
          message: 'gives Group ops the default ClusterRole "cluster-admin"',
        },
      ],
    },
    {
      name: 'RoleBinding to the default cluster-admin: admin of one namespace',
      yaml: roleBindingYaml('team', 'ops', 'ClusterRole:cluster-admin', ['User:alice']),
      errors: [{ messageId: 'defaultRole', severity: 'high', message: 'in namespace team' }],
    },
  ],
});
