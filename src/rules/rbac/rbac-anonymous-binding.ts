import type { Severity } from '../../engine/finding.ts';
import { defineRule } from '../../engine/rule.ts';
import { isBootstrapObject } from '../../rbac/bootstrap/index.ts';
import { describeScope, privilegedNamespacesOf, scopeOfNamespace } from '../../rbac/grant-scope.ts';
import type { GrantScope } from '../../rbac/grant-scope.ts';
import { rbacIndexOf } from '../../rbac/rbac-index.ts';
import { isDiscoveryRole } from '../../rbac/risks/discovery.ts';
import { ALL_AUTHENTICATED, ALL_UNAUTHENTICATED, ANONYMOUS_USER } from '../../rbac/subjects.ts';
import { RBAC_KINDS, RBAC_REFERENCES } from './internal/meta.ts';

// Anonymous requests carry user system:anonymous and group system:unauthenticated; every
// authenticated request (every service account too) carries system:authenticated.
const SEVERITY: Record<'anonymous' | 'authenticated', Record<GrantScope, Severity>> = {
  anonymous: { cluster: 'critical', privileged: 'critical', namespace: 'high' },
  authenticated: { cluster: 'high', privileged: 'high', namespace: 'medium' },
};

export default defineRule({
  id: 'rbac-anonymous-binding',
  meta: {
    title: 'Bindings do not grant more than discovery to anonymous or all authenticated users',
    description:
      'A binding to `system:anonymous` or `system:unauthenticated` gives its role to anyone who can reach the API server; one to `system:authenticated` gives it to every user and every service account of every namespace. Only the discovery roles (system:discovery, system:basic-user, system:public-info-viewer, service-account issuer discovery) are meant for them.',
    severity: 'critical',
    category: 'rbac',
    messages: {
      broad:
        '{{kind}} "{{binding}}" gives {{who}} the {{roleKind}} "{{role}}" {{where}}, which grants more than discovery.',
    },
    references: [
      'https://kubernetes.io/docs/reference/access-authn-authz/rbac/#discovery-roles',
      ...RBAC_REFERENCES,
    ],
    remediation: 'Bind the role to the users, groups or service accounts that need it instead.',
    kinds: RBAC_KINDS,
    peers: { kubescape: ['C-0262'], trivy: ['KSV122'] },
  },
  check(ctx) {
    if (isBootstrapObject(ctx.object)) return;
    const index = rbacIndexOf(ctx.inventory);
    const binding = index.byObject.get(ctx.object);
    if (binding === undefined || !('roleRef' in binding)) return;
    const role = index.roles.get(binding.roleKey);
    if (isDiscoveryRole(role, binding.roleRef.name)) return;
    const scope: GrantScope =
      binding.namespace === undefined
        ? 'cluster'
        : scopeOfNamespace(binding.namespace, privilegedNamespacesOf(ctx.inventory));
    binding.subjects.forEach((subject, i) => {
      const anonymous =
        (subject.kind === 'User' && subject.name === ANONYMOUS_USER) ||
        (subject.kind === 'Group' && subject.name === ALL_UNAUTHENTICATED);
      const authenticated = subject.kind === 'Group' && subject.name === ALL_AUTHENTICATED;
      if (!anonymous && !authenticated) return;
      ctx.report({
        path: ['subjects', i],
        messageId: 'broad',
        severity: SEVERITY[anonymous ? 'anonymous' : 'authenticated'][scope],
        data: {
          kind: binding.kind,
          binding: binding.name,
          who: anonymous
            ? `anonymous users (${subject.kind} ${subject.name})`
            : 'every authenticated user and service account',
          roleKind: binding.roleRef.kind,
          role: binding.roleRef.name,
          where: describeScope(scope, binding.namespace),
        },
      });
    });
  },
});
