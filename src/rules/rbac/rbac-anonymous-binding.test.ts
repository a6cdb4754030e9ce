import { ruleTester } from '../../../test/helpers/rule-tester.ts';
import {
  clusterRoleBindingYaml,
  clusterRoleYaml,
  docs,
  roleBindingYaml,
  rule,
} from './internal/fixtures.ts';
import rbacAnonymousBinding from './rbac-anonymous-binding.ts';

const reader = clusterRoleYaml('pod-reader', rule('get,list', '', 'pods'));

ruleTester.run(rbacAnonymousBinding, {
  valid: [
    clusterRoleBindingYaml('discovery', 'system:discovery', ['Group:system:authenticated']),
    clusterRoleBindingYaml('public', 'system:public-info-viewer', ['Group:system:unauthenticated']),
    {
      name: 'a role of non-resource reads only counts as discovery',
      yaml: docs(
        clusterRoleYaml(
          'oidc',
          '  - nonResourceURLs: ["/.well-known/openid-configuration", "/openid/v1/jwks"]\n    verbs: ["get"]',
        ),
        clusterRoleBindingYaml('oidc', 'oidc', ['Group:system:unauthenticated']),
      ),
    },
    docs(reader, clusterRoleBindingYaml('readers', 'pod-reader', ['Group:devs'])),
  ],
  invalid: [
    {
      yaml: docs(
        reader,
        clusterRoleBindingYaml('open', 'pod-reader', [
          'Group:system:unauthenticated',
          'User:system:anonymous',
        ]),
      ),
      errors: [
        {
          messageId: 'broad',
          severity: 'critical',
          message: 'anonymous users (Group system:unauthenticated)',
        },
        {
          messageId: 'broad',
          severity: 'critical',
          message: 'anonymous users (User system:anonymous)',
        },
      ],
    },
    {
      name: 'every authenticated user, in one namespace',
      yaml: docs(
        reader,
        roleBindingYaml('team', 'everyone', 'ClusterRole:pod-reader', [
          'Group:system:authenticated',
        ]),
      ),
      errors: [{ messageId: 'broad', severity: 'medium', message: 'in namespace team' }],
    },
    {
      name: 'the default edit role is more than discovery',
      yaml: clusterRoleBindingYaml('open', 'edit', ['Group:system:authenticated']),
      errors: [{ messageId: 'broad', severity: 'high' }],
    },
  ],
});
