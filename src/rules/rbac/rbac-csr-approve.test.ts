import { ruleTester } from '../../../test/helpers/rule-tester.ts';
import {
  clusterRoleBindingYaml,
  clusterRoleYaml,
  docs,
  roleBindingYaml,
  rule,
} from './internal/fixtures.ts';
import rbacCsrApprove from './rbac-csr-approve.ts';

ruleTester.run(rbacCsrApprove, {
  valid: [
    docs(
      clusterRoleYaml(
        'safe',
        rule('create,get', 'certificates.k8s.io', 'certificatesigningrequests'),
      ),
      clusterRoleBindingYaml('safe', 'safe', ['User:alice']),
    ),
    {
      name: 'a cluster-scoped grant through a RoleBinding has no effect',
      yaml: docs(
        clusterRoleYaml(
          'risky',
          rule('update', 'certificates.k8s.io', 'certificatesigningrequests/approval'),
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
          rule('update', 'certificates.k8s.io', 'certificatesigningrequests/approval'),
        ),
        clusterRoleBindingYaml('risky', 'risky', ['ServiceAccount:ops/robot']),
      ),
      errors: [{ messageId: 'role', severity: 'critical' }],
    },
    {
      name: 'a ClusterRole bound nowhere in the input',
      yaml: clusterRoleYaml(
        'risky',
        rule('update', 'certificates.k8s.io', 'certificatesigningrequests/approval'),
      ),
      errors: [{ messageId: 'unbound', severity: 'high' }],
    },
  ],
});
