import { ruleTester } from '../../../test/helpers/rule-tester.ts';
import {
  clusterRoleBindingYaml,
  clusterRoleYaml,
  deploymentYaml,
  docs,
  roleBindingYaml,
  roleYaml,
  rule,
} from './internal/fixtures.ts';
import rbacReadSecrets from './rbac-read-secrets.ts';

ruleTester.run(rbacReadSecrets, {
  valid: [
    docs(
      clusterRoleYaml('safe', rule('get', '', 'secrets', 'my-secret')),
      clusterRoleBindingYaml('safe', 'safe', ['User:alice']),
    ),
    {
      name: 'a binding to a role that is not in the input',
      yaml: clusterRoleBindingYaml('dangling', 'not-here', ['User:alice']),
    },
    docs(
      clusterRoleYaml('reader', rule('get', '', 'configmaps')),
      clusterRoleBindingYaml('reader', 'reader', ['User:alice']),
    ),
    roleBindingYaml('team', 'viewers', 'ClusterRole:view', ['Group:devs']),
  ],
  invalid: [
    {
      name: 'granted cluster-wide by a ClusterRoleBinding',
      yaml: docs(
        clusterRoleYaml('risky', rule('get,list,watch', '', 'secrets')),
        clusterRoleBindingYaml('risky', 'risky', ['ServiceAccount:ops/robot']),
      ),
      errors: [{ messageId: 'role', severity: 'critical' }],
    },
    {
      name: 'granted in kube-system',
      yaml: docs(
        roleYaml('kube-system', 'risky', rule('get,list,watch', '', 'secrets')),
        roleBindingYaml('kube-system', 'risky', 'Role:risky', ['User:dev']),
      ),
      errors: [{ messageId: 'role', severity: 'high', message: 'in namespace kube-system' }],
    },
    {
      name: 'granted in an ordinary namespace',
      yaml: docs(
        clusterRoleYaml('risky', rule('get,list,watch', '', 'secrets')),
        roleBindingYaml('team', 'risky', 'ClusterRole:risky', ['Group:team']),
      ),
      errors: [{ messageId: 'role', severity: 'medium', message: 'in namespace team' }],
    },
    {
      name: 'a ClusterRole bound nowhere in the input',
      yaml: clusterRoleYaml('risky', rule('get,list,watch', '', 'secrets')),
      errors: [{ messageId: 'unbound', severity: 'medium' }],
    },
    {
      name: 'names the workloads that run as the account',
      yaml: docs(
        clusterRoleYaml('reader', rule('list', '', 'secrets')),
        clusterRoleBindingYaml('reader', 'reader', ['ServiceAccount:apps/api']),
        deploymentYaml('apps', 'api', 'api'),
      ),
      errors: [
        {
          messageId: 'role',
          severity: 'critical',
          message:
            'ServiceAccount apps/api (pods of Deployment apps/api) read Secrets cluster-wide',
        },
      ],
    },
    {
      name: 'a binding to the default admin role reads Secrets of its namespace',
      yaml: roleBindingYaml('team', 'admins', 'ClusterRole:admin', ['Group:team-admins']),
      errors: [{ messageId: 'defaultRole', severity: 'medium' }],
    },
    {
      name: 'granted through aggregation into a bound ClusterRole',
      yaml: docs(
        clusterRoleYaml(
          'secrets-piece',
          rule('get', '', 'secrets'),
          'example.com/aggregate-to-reader: "true"',
        ),
        'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: reader\naggregationRule:\n  clusterRoleSelectors:\n    - matchLabels:\n        example.com/aggregate-to-reader: "true"\nrules: []\n',
        clusterRoleBindingYaml('reader', 'reader', ['Group:auditors']),
      ),
      errors: [
        {
          messageId: 'role',
          severity: 'critical',
          message: 'ClusterRole "secrets-piece" lets Group auditors read Secrets cluster-wide',
        },
      ],
    },
  ],
});
