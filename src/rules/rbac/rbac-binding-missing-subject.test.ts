import { ruleTester } from '../../../test/helpers/rule-tester.ts';
import {
  clusterRoleBindingYaml,
  docs,
  roleBindingYaml,
  serviceAccountYaml,
} from './internal/fixtures.ts';
import rbacBindingMissingSubject from './rbac-binding-missing-subject.ts';

ruleTester.run(rbacBindingMissingSubject, {
  valid: [
    docs(
      serviceAccountYaml('apps', 'api'),
      clusterRoleBindingYaml('api', 'view', ['ServiceAccount:apps/api']),
    ),
    docs(
      serviceAccountYaml('team', 'builder'),
      roleBindingYaml('team', 'builder', 'ClusterRole:edit', ['ServiceAccount:builder']),
    ),
    {
      name: 'every namespace has default',
      yaml: roleBindingYaml('team', 'd', 'ClusterRole:view', ['ServiceAccount:default']),
    },
    {
      name: 'controller accounts of kube-system',
      yaml: clusterRoleBindingYaml('c', 'view', ['ServiceAccount:kube-system/job-controller']),
    },
    {
      name: 'users and groups cannot be checked',
      yaml: clusterRoleBindingYaml('u', 'view', ['User:alice', 'Group:devs']),
    },
  ],
  invalid: [
    {
      yaml: clusterRoleBindingYaml('api', 'view', ['ServiceAccount:apps/api']),
      errors: [{ messageId: 'missing', severity: 'info', message: 'ServiceAccount apps/api' }],
    },
    {
      name: 'a RoleBinding subject without a namespace is in the binding namespace',
      yaml: docs(
        serviceAccountYaml('other', 'builder'),
        roleBindingYaml('team', 'b', 'ClusterRole:edit', ['ServiceAccount:builder']),
      ),
      errors: [{ messageId: 'missing', message: 'ServiceAccount team/builder' }],
    },
    {
      yaml: clusterRoleBindingYaml('lost', 'view', ['ServiceAccount:api']),
      errors: [{ messageId: 'noNamespace', severity: 'low' }],
    },
    {
      yaml: clusterRoleBindingYaml('typo', 'view', ['Serviceaccount:apps/api']),
      errors: [{ messageId: 'badKind', severity: 'low', message: '"Serviceaccount"' }],
    },
  ],
});
