import { ruleTester } from '../../../test/helpers/rule-tester.ts';
import {
  clusterRoleBindingYaml,
  clusterRoleYaml,
  docs,
  roleBindingYaml,
  roleYaml,
  rule,
} from './internal/fixtures.ts';
import rbacCreatePods from './rbac-create-pods.ts';

ruleTester.run(rbacCreatePods, {
  valid: [
    docs(
      clusterRoleYaml('safe', rule('get,list', 'apps', 'deployments')),
      clusterRoleBindingYaml('safe', 'safe', ['User:alice']),
    ),
    {
      name: 'ordinary namespaces are not reported',
      yaml: docs(
        clusterRoleYaml('deployer', rule('create', 'apps', 'deployments')),
        roleBindingYaml('team', 'deployer', 'ClusterRole:deployer', ['Group:team']),
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
        clusterRoleYaml('risky', rule('create', 'apps', 'deployments')),
        clusterRoleBindingYaml('risky', 'risky', ['ServiceAccount:ops/robot']),
      ),
      errors: [{ messageId: 'role', severity: 'critical' }],
    },
    {
      name: 'granted in kube-system',
      yaml: docs(
        roleYaml('kube-system', 'risky', rule('create', 'apps', 'deployments')),
        roleBindingYaml('kube-system', 'risky', 'Role:risky', ['User:dev']),
      ),
      errors: [{ messageId: 'role', severity: 'high', message: 'in namespace kube-system' }],
    },
  ],
});
