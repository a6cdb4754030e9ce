import { ruleTester } from '../../../test/helpers/rule-tester.ts';
import {
  clusterRoleBindingYaml,
  clusterRoleYaml,
  docs,
  roleBindingYaml,
  roleYaml,
  rule,
} from './internal/fixtures.ts';
import rbacNamespaceRelabel from './rbac-namespace-relabel.ts';

ruleTester.run(rbacNamespaceRelabel, {
  valid: [
    docs(
      clusterRoleYaml('safe', rule('get,list', '', 'namespaces')),
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
        clusterRoleYaml('risky', rule('patch', '', 'namespaces')),
        clusterRoleBindingYaml('risky', 'risky', ['ServiceAccount:ops/robot']),
      ),
      errors: [{ messageId: 'role', severity: 'high' }],
    },
    {
      name: 'granted in kube-system',
      yaml: docs(
        roleYaml('kube-system', 'risky', rule('patch', '', 'namespaces')),
        roleBindingYaml('kube-system', 'risky', 'Role:risky', ['User:dev']),
      ),
      errors: [{ messageId: 'role', severity: 'high', message: 'in namespace kube-system' }],
    },
    {
      name: 'granted in an ordinary namespace',
      yaml: docs(
        clusterRoleYaml('risky', rule('patch', '', 'namespaces')),
        roleBindingYaml('team', 'risky', 'ClusterRole:risky', ['Group:team']),
      ),
      errors: [{ messageId: 'role', severity: 'medium', message: 'in namespace team' }],
    },
    {
      name: 'a ClusterRole bound nowhere in the input',
      yaml: clusterRoleYaml('risky', rule('patch', '', 'namespaces')),
      errors: [{ messageId: 'unbound', severity: 'medium' }],
    },
    {
      name: 'a RoleBinding grants its own Namespace object',
      yaml: docs(
        clusterRoleYaml('ns-editor', rule('update', '', 'namespaces')),
        roleBindingYaml('team', 'ns-editor', 'ClusterRole:ns-editor', ['Group:team']),
      ),
      errors: [{ messageId: 'role', severity: 'medium', message: 'in namespace team' }],
    },
  ],
});
