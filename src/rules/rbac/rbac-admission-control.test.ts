import { ruleTester } from '../../../test/helpers/rule-tester.ts';
import {
  clusterRoleBindingYaml,
  clusterRoleYaml,
  docs,
  roleBindingYaml,
  rule,
} from './internal/fixtures.ts';
import rbacAdmissionControl from './rbac-admission-control.ts';

ruleTester.run(rbacAdmissionControl, {
  valid: [
    docs(
      clusterRoleYaml(
        'safe',
        rule('get,list,watch', 'admissionregistration.k8s.io', 'mutatingwebhookconfigurations'),
      ),
      clusterRoleBindingYaml('safe', 'safe', ['User:alice']),
    ),
    {
      name: 'a cluster-scoped grant through a RoleBinding has no effect',
      yaml: docs(
        clusterRoleYaml(
          'risky',
          rule('create,update', 'admissionregistration.k8s.io', 'mutatingwebhookconfigurations'),
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
          rule('create,update', 'admissionregistration.k8s.io', 'mutatingwebhookconfigurations'),
        ),
        clusterRoleBindingYaml('risky', 'risky', ['ServiceAccount:ops/robot']),
      ),
      errors: [{ messageId: 'role', severity: 'critical' }],
    },
    {
      name: 'a ClusterRole bound nowhere in the input',
      yaml: clusterRoleYaml(
        'risky',
        rule('create,update', 'admissionregistration.k8s.io', 'mutatingwebhookconfigurations'),
      ),
      errors: [{ messageId: 'unbound', severity: 'high' }],
    },
  ],
});
