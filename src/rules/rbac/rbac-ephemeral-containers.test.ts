import { ruleTester } from '../../../test/helpers/rule-tester.ts';
import {
  clusterRoleBindingYaml,
  clusterRoleYaml,
  docs,
  roleBindingYaml,
  roleYaml,
  rule,
} from './internal/fixtures.ts';
import rbacEphemeralContainers from './rbac-ephemeral-containers.ts';

ruleTester.run(rbacEphemeralContainers, {
  valid: [
    docs(
      clusterRoleYaml('safe', rule('patch', '', 'pods')),
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
        clusterRoleYaml('risky', rule('patch', '', 'pods/ephemeralcontainers')),
        clusterRoleBindingYaml('risky', 'risky', ['ServiceAccount:ops/robot']),
      ),
      errors: [{ messageId: 'role', severity: 'critical' }],
    },
    {
      name: 'granted in kube-system',
      yaml: docs(
        roleYaml('kube-system', 'risky', rule('patch', '', 'pods/ephemeralcontainers')),
        roleBindingYaml('kube-system', 'risky', 'Role:risky', ['User:dev']),
      ),
      errors: [{ messageId: 'role', severity: 'high', message: 'in namespace kube-system' }],
    },
    {
      name: 'granted in an ordinary namespace',
      yaml: docs(
        clusterRoleYaml('risky', rule('patch', '', 'pods/ephemeralcontainers')),
        roleBindingYaml('team', 'risky', 'ClusterRole:risky', ['Group:team']),
      ),
      errors: [{ messageId: 'role', severity: 'medium', message: 'in namespace team' }],
    },
    {
      name: 'a ClusterRole bound nowhere in the input',
      yaml: clusterRoleYaml('risky', rule('patch', '', 'pods/ephemeralcontainers')),
      errors: [{ messageId: 'unbound', severity: 'medium' }],
    },
  ],
});
