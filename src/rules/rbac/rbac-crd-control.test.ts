import { ruleTester } from '../../../test/helpers/rule-tester.ts';
import {
  clusterRoleBindingYaml,
  clusterRoleYaml,
  docs,
  roleBindingYaml,
  rule,
} from './internal/fixtures.ts';
import rbacCrdControl from './rbac-crd-control.ts';

ruleTester.run(rbacCrdControl, {
  valid: [
    docs(
      clusterRoleYaml(
        'safe',
        rule('get,list', 'apiextensions.k8s.io', 'customresourcedefinitions'),
      ),
      clusterRoleBindingYaml('safe', 'safe', ['User:alice']),
    ),
    {
      name: 'a cluster-scoped grant through a RoleBinding has no effect',
      yaml: docs(
        clusterRoleYaml(
          'risky',
          rule('update,patch', 'apiextensions.k8s.io', 'customresourcedefinitions'),
        ),
        roleBindingYaml('team', 'risky', 'ClusterRole:risky', ['User:dev']),
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
        clusterRoleYaml(
          'risky',
          rule('update,patch', 'apiextensions.k8s.io', 'customresourcedefinitions'),
        ),
        clusterRoleBindingYaml('risky', 'risky', ['ServiceAccount:ops/robot']),
      ),
      errors: [{ messageId: 'role', severity: 'high' }],
    },
    {
      name: 'a ClusterRole bound nowhere in the input',
      yaml: clusterRoleYaml(
        'risky',
        rule('update,patch', 'apiextensions.k8s.io', 'customresourcedefinitions'),
      ),
      errors: [{ messageId: 'unbound', severity: 'medium' }],
    },
  ],
});
