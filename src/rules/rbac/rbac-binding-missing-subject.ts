import { defineRule } from '../../engine/rule.ts';
import { bootstrapObjects, isBootstrapObject } from '../../rbac/bootstrap/index.ts';
import { rbacIndexOf } from '../../rbac/rbac-index.ts';
import { readSubject } from '../../rbac/read.ts';
import { workloadsOf } from '../../rbac/workloads.ts';
import { RBAC_DOCS } from './internal/meta.ts';

// Service accounts every cluster has without manifests: `default` in every namespace, and the
// controller accounts in kube-system that the default bindings name.
let controllerAccounts: Set<string> | undefined;
function isBuiltInAccount(namespace: string, name: string): boolean {
  if (name === 'default') return true;
  controllerAccounts ??= new Set(
    bootstrapObjects()
      .flatMap((o) => (Array.isArray(o.subjects) ? o.subjects.map(readSubject) : []))
      .filter((s) => s.kind === 'ServiceAccount')
      .map((s) => `${s.namespace ?? ''}/${s.name}`),
  );
  return controllerAccounts.has(`${namespace}/${name}`);
}

export default defineRule({
  id: 'rbac-binding-missing-subject',
  meta: {
    title: 'Binding subjects name service accounts that exist',
    description:
      'A binding to a ServiceAccount that the input does not create grants nothing until someone creates an account of that name in that namespace, and then grants it to them. A ServiceAccount subject without a namespace in a ClusterRoleBinding, or a subject kind other than User, Group or ServiceAccount (the kinds are case-sensitive), names no one.',
    severity: 'info',
    category: 'rbac',
    messages: {
      missing:
        '{{kind}} "{{binding}}" names ServiceAccount {{namespace}}/{{name}}, which is not in the input.',
      noNamespace:
        '{{kind}} "{{binding}}" names ServiceAccount "{{name}}" without a namespace, which in a ClusterRoleBinding matches no one.',
      badKind:
        '{{kind}} "{{binding}}" has a subject of kind "{{subjectKind}}", which matches no one: the kinds are User, Group and ServiceAccount.',
    },
    references: [RBAC_DOCS],
    remediation:
      'Create the ServiceAccount with the binding, or correct the subject (kind, namespace, name).',
    kinds: [
      'rbac.authorization.k8s.io/RoleBinding',
      'rbac.authorization.k8s.io/ClusterRoleBinding',
    ],
  },
  check(ctx) {
    if (isBootstrapObject(ctx.object)) return;
    const binding = rbacIndexOf(ctx.inventory).byObject.get(ctx.object);
    if (binding === undefined || !('roleRef' in binding)) return;
    const accounts = workloadsOf(ctx.inventory).serviceAccounts;
    const data = { kind: binding.kind, binding: binding.name };
    binding.subjects.forEach((subject, i) => {
      if (subject.kind === 'User' || subject.kind === 'Group') return;
      if (subject.kind !== 'ServiceAccount') {
        ctx.report({
          path: ['subjects', i, 'kind'],
          messageId: 'badKind',
          severity: 'low',
          data: { ...data, subjectKind: subject.kind },
        });
        return;
      }
      const namespace = subject.namespace ?? binding.namespace;
      if (namespace === undefined) {
        ctx.report({
          path: ['subjects', i],
          messageId: 'noNamespace',
          severity: 'low',
          data: { ...data, name: subject.name },
        });
        return;
      }
      if (
        accounts.get(namespace)?.has(subject.name) === true ||
        isBuiltInAccount(namespace, subject.name)
      )
        return;
      ctx.report({
        path: ['subjects', i, 'name'],
        messageId: 'missing',
        data: { ...data, namespace, name: subject.name },
      });
    });
  },
});
