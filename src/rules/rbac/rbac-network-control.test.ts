import { ruleTester } from '../../../test/helpers/rule-tester.ts';
import {
  clusterRoleBindingYaml,
  clusterRoleYaml,
  docs,
  roleBindingYaml,
  roleYaml,
  rule,
} from './internal/fixtures.ts';
import rbacNetworkControl from './rbac-network-control.ts';

ruleTester.run(rbacNetworkControl, {
  valid: [
    docs(
      clusterRoleYaml('safe', rule('get,list', 'networking.k8s.io', 'networkpolicies')),
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
        clusterRoleYaml('risky', rule('create,delete', 'networking.k8s.io', 'networkpolicies')),
        clusterRoleBindingYaml('risky', 'risky', ['ServiceAccount:ops/robot']),
      ),
      errors: [{ messageId: 'role', severity: 'medium' }],
    },
    {
      name: 'granted in kube-system',
      yaml: docs(
        roleYaml(
          'kube-system',
          'risky',
          rule('create,delete', 'networking.k8s.io', 'networkpolicies'),
        ),
        roleBindingYaml('kube-system', 'risky', 'Role:risky', ['User:dev']),
      ),
      errors: [{ messageId: 'role', severity: 'medium', message: 'in namespace kube-system' }],
    },
    {
      name: 'granted in an ordinary namespace',
      yaml: docs(
        clusterRoleYaml('risky', rule('create,delete', 'networking.k8s.io', 'networkpolicies')),
        roleBindingYaml('team', 'risky', 'ClusterRole:risky', ['Group:team']),
      ),
      errors: [{ messageId: 'role', severity: 'low', message: 'in namespace team' }],
    },
    {
      name: 'a ClusterRole bound nowhere in the input',
      yaml: clusterRoleYaml('risky', rule('create,delete', 'networking.k8s.io', 'networkpolicies')),
      errors: [{ messageId: 'unbound', severity: 'low' }],
    },
  ],
});
