import { ruleTester } from '../../../test/helpers/rule-tester.ts';
import {
  clusterRoleBindingYaml,
  clusterRoleYaml,
  docs,
  roleBindingYaml,
  roleYaml,
  rule,
} from './internal/fixtures.ts';
import rbacExecAttach from './rbac-exec-attach.ts';

ruleTester.run(rbacExecAttach, {
  valid: [
    docs(
      clusterRoleYaml('safe', rule('get', '', 'pods/log')),
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
        clusterRoleYaml('risky', rule('create', '', 'pods/exec')),
        clusterRoleBindingYaml('risky', 'risky', ['ServiceAccount:ops/robot']),
      ),
      errors: [{ messageId: 'role', severity: 'critical' }],
    },
    {
      name: 'granted in kube-system',
      yaml: docs(
        roleYaml('kube-system', 'risky', rule('create', '', 'pods/exec')),
        roleBindingYaml('kube-system', 'risky', 'Role:risky', ['User:dev']),
      ),
      errors: [{ messageId: 'role', severity: 'high', message: 'in namespace kube-system' }],
    },
    {
      name: 'granted in an ordinary namespace',
      yaml: docs(
        clusterRoleYaml('risky', rule('create', '', 'pods/exec')),
        roleBindingYaml('team', 'risky', 'ClusterRole:risky', ['Group:team']),
      ),
      errors: [{ messageId: 'role', severity: 'medium', message: 'in namespace team' }],
    },
    {
      name: 'a ClusterRole bound nowhere in the input',
      yaml: clusterRoleYaml('risky', rule('create', '', 'pods/exec')),
      errors: [{ messageId: 'unbound', severity: 'medium' }],
    },
    {
      name: 'get alone: enough over WebSocket before 1.35',
      yaml: docs(
        clusterRoleYaml('ws', rule('get', '', 'pods/exec')),
        clusterRoleBindingYaml('ws', 'ws', ['User:dev']),
      ),
      errors: [{ messageId: 'role', message: 'with get only' }],
    },
  ],
});
