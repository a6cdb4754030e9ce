import { ruleTester } from '../../../test/helpers/rule-tester.ts';
import { clusterRoleBindingYaml, clusterRoleYaml, docs, rule } from './internal/fixtures.ts';
import rbacClusterBindingSingleNamespace from './rbac-cluster-binding-single-namespace.ts';

const namespaced = clusterRoleYaml('app', rule('get,list,watch', '', 'configmaps,pods'));

ruleTester.run(rbacClusterBindingSingleNamespace, {
  valid: [
    {
      name: 'controllers of kube-system',
      yaml: docs(namespaced, clusterRoleBindingYaml('k', 'app', ['ServiceAccount:kube-system/x'])),
    },
    {
      name: 'the role needs cluster-scoped resources',
      yaml: docs(
        clusterRoleYaml('nodes', rule('get', '', 'nodes')),
        clusterRoleBindingYaml('n', 'nodes', ['ServiceAccount:mon/agent']),
      ),
    },
    {
      name: 'custom resources may be cluster-scoped',
      yaml: docs(
        clusterRoleYaml('crs', rule('get', 'example.com', 'widgets')),
        clusterRoleBindingYaml('c', 'crs', ['ServiceAccount:mon/agent']),
      ),
    },
    {
      name: 'subjects in two namespaces',
      yaml: docs(
        namespaced,
        clusterRoleBindingYaml('a', 'app', ['ServiceAccount:a/x', 'ServiceAccount:b/y']),
      ),
    },
    {
      name: 'a user has no namespace',
      yaml: docs(
        namespaced,
        clusterRoleBindingYaml('a', 'app', ['ServiceAccount:a/x', 'User:alice']),
      ),
    },
    {
      name: 'the role is not in the input',
      yaml: clusterRoleBindingYaml('a', 'unknown', ['ServiceAccount:a/x']),
    },
  ],
  invalid: [
    {
      yaml: docs(
        namespaced,
        clusterRoleBindingYaml('app', 'app', [
          'ServiceAccount:shop/api',
          'ServiceAccount:shop/worker',
        ]),
      ),
      errors: [{ messageId: 'single', severity: 'low', message: 'RoleBinding in shop' }],
    },
  ],
});
