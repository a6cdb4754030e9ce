import { defineRule } from '../../engine/rule.ts';
import { isBootstrapObject } from '../../rbac/bootstrap/index.ts';
import { rbacIndexOf } from '../../rbac/rbac-index.ts';
import { RBAC_DOCS, RBAC_KINDS } from './internal/meta.ts';

export default defineRule({
  id: 'rbac-binding-missing-role',
  meta: {
    title: 'Bindings refer to roles that exist',
    description:
      'A binding whose role is neither in the input nor one of the default roles every cluster has grants nothing until the role appears, and then grants whatever that role says: whoever creates a role of that name decides. A ClusterRoleBinding that refers to a Role, or a roleRef of another kind, is rejected by the API server.',
    severity: 'info',
    category: 'rbac',
    messages: {
      missing:
        '{{kind}} "{{binding}}" refers to {{roleKind}} "{{role}}", which is not in the input: it grants nothing until that role exists.',
      invalid:
        '{{kind}} "{{binding}}" refers to a {{roleKind}}; a ClusterRoleBinding can only refer to a ClusterRole (and a RoleBinding to a Role or ClusterRole).',
    },
    references: [RBAC_DOCS],
    remediation: 'Add the role to the same manifests, or fix the roleRef name and kind.',
    kinds: RBAC_KINDS,
  },
  check(ctx) {
    if (isBootstrapObject(ctx.object)) return;
    const index = rbacIndexOf(ctx.inventory);
    const binding = index.byObject.get(ctx.object);
    if (binding === undefined || !('roleRef' in binding) || index.roles.has(binding.roleKey))
      return;
    const { kind, name } = binding.roleRef;
    const data = {
      kind: binding.kind,
      binding: binding.name,
      roleKind: kind === '' ? 'role of no kind' : kind,
      role: name,
    };
    const valid = kind === 'ClusterRole' || (kind === 'Role' && binding.kind === 'RoleBinding');
    if (valid) ctx.report({ path: ['roleRef', 'name'], messageId: 'missing', data });
    else ctx.report({ path: ['roleRef', 'kind'], messageId: 'invalid', severity: 'low', data });
  },
});
