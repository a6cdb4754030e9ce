import { defineRule } from '../../engine/rule.ts';
import { isBootstrapObject } from '../../rbac/bootstrap/index.ts';
import { BUILT_IN_GROUPS, isClusterScopedResource } from '../../rbac/known-resources.ts';
import { rbacIndexOf } from '../../rbac/rbac-index.ts';
import type { PolicyRule } from '../../rbac/types.ts';
import { RBAC_GOOD_PRACTICES } from './internal/meta.ts';

/** Whether a rule could need a ClusterRoleBinding: cluster-scoped, unknown or wildcard resources, or URLs. */
function needsCluster(rule: PolicyRule): boolean {
  if (rule.nonResourceURLs.length > 0) return true;
  return rule.apiGroups.some(
    (group) =>
      !BUILT_IN_GROUPS.has(group) ||
      rule.resources.some(
        (resource) =>
          resource.startsWith('*') || isClusterScopedResource(group, resource) !== false,
      ),
  );
}

export default defineRule({
  id: 'rbac-cluster-binding-single-namespace',
  meta: {
    title: 'ClusterRoleBindings whose subjects all live in one namespace are RoleBindings',
    description:
      'A ClusterRoleBinding grants its ClusterRole in every namespace. When every subject is a service account of one namespace and the role holds only namespaced built-in resources, a RoleBinding in that namespace to the same ClusterRole is usually what was meant, and a compromised account then reaches one namespace instead of all.',
    severity: 'low',
    category: 'rbac',
    messages: {
      single:
        'ClusterRoleBinding "{{binding}}" grants ClusterRole "{{role}}" in every namespace, but all its subjects are service accounts of namespace {{namespace}}: if they only work there, a RoleBinding in {{namespace}} grants the same with less reach.',
    },
    references: [RBAC_GOOD_PRACTICES],
    remediation:
      "Replace the ClusterRoleBinding with a RoleBinding in the subjects' namespace (a RoleBinding may refer to a ClusterRole).",
    kinds: ['rbac.authorization.k8s.io/ClusterRoleBinding'],
  },
  check(ctx) {
    if (isBootstrapObject(ctx.object)) return;
    const index = rbacIndexOf(ctx.inventory);
    const binding = index.byObject.get(ctx.object);
    if (binding === undefined || !('roleRef' in binding) || binding.subjects.length === 0) return;
    const namespaces = new Set(
      binding.subjects.map((s) => (s.kind === 'ServiceAccount' ? (s.namespace ?? '') : '')),
    );
    const [namespace] = namespaces;
    // kube-system holds the cluster's own controllers, which work in every namespace by design.
    if (
      namespaces.size !== 1 ||
      namespace === undefined ||
      namespace === '' ||
      namespace === 'kube-system'
    )
      return;
    const role = index.roles.get(binding.roleKey);
    if (role === undefined || role.rules.length === 0 || role.rules.some(needsCluster)) return;
    ctx.report({
      path: ['kind'],
      messageId: 'single',
      data: { binding: binding.name, role: role.name, namespace },
    });
  },
});
