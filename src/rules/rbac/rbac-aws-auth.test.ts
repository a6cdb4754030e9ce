import { ruleTester } from '../../../test/helpers/rule-tester.ts';
import {
  clusterRoleBindingYaml,
  clusterRoleYaml,
  docs,
  roleBindingYaml,
  roleYaml,
  rule,
} from './internal/fixtures.ts';
import rbacAwsAuth from './rbac-aws-auth.ts';

ruleTester.run(rbacAwsAuth, {
  valid: [
    docs(
      clusterRoleYaml('safe', rule('update', '', 'configmaps', 'coredns')),
      clusterRoleBindingYaml('safe', 'safe', ['User:alice']),
    ),
    {
      name: 'a Role outside kube-system cannot reach aws-auth',
      yaml: docs(
        roleYaml('team', 'cm', rule('update', '', 'configmaps')),
        roleBindingYaml('team', 'cm', 'Role:cm', ['User:dev']),
      ),
    },
    {
      name: 'a binding to a role that is not in the input',
      yaml: clusterRoleBindingYaml('dangling', 'not-here', ['User:alice']),
    },
  ],
  invalid: [
    {
      name: 'granted cluster-wide by a ClusterRoleBinding',
      yaml: docs(
        clusterRoleYaml('risky', rule('update,patch', '', 'configmaps', 'aws-auth')),
        clusterRoleBindingYaml('risky', 'risky', ['ServiceAccount:ops/robot']),
      ),
      errors: [{ messageId: 'role', severity: 'critical' }],
    },
    {
      name: 'granted in kube-system',
      yaml: docs(
        roleYaml('kube-system', 'risky', rule('update,patch', '', 'configmaps', 'aws-auth')),
        roleBindingYaml('kube-system', 'risky', 'Role:risky', ['User:dev']),
      ),
      errors: [{ messageId: 'role', severity: 'critical', message: 'in namespace kube-system' }],
    },
  ],
});
