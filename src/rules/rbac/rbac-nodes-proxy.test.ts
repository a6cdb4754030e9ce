import { ruleTester } from '../../../test/helpers/rule-tester.ts';
import {
  clusterRoleBindingYaml,
  clusterRoleYaml,
  docs,
  roleBindingYaml,
  rule,
} from './internal/fixtures.ts';
import rbacNodesProxy from './rbac-nodes-proxy.ts';

ruleTester.run(rbacNodesProxy, {
  valid: [
    docs(
      clusterRoleYaml('safe', rule('get', '', 'nodes/metrics')),
      clusterRoleBindingYaml('safe', 'safe', ['User:alice']),
    ),
    {
      name: 'a cluster-scoped grant through a RoleBinding has no effect',
      yaml: docs(
        clusterRoleYaml('risky', rule('get', '', 'nodes/proxy')),
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
        clusterRoleYaml('risky', rule('get', '', 'nodes/proxy')),
        clusterRoleBindingYaml('risky', 'risky', ['ServiceAccount:ops/robot']),
      ),
      errors: [{ messageId: 'role', severity: 'critical' }],
    },
    {
      name: 'a ClusterRole bound nowhere in the input',
      yaml: clusterRoleYaml('risky', rule('get', '', 'nodes/proxy')),
      errors: [{ messageId: 'unbound', severity: 'high' }],
    },
  ],
});
