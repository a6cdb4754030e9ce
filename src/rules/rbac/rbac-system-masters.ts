import { defineRule } from '../../engine/rule.ts';
import { isBootstrapObject } from '../../rbac/bootstrap/index.ts';
import { rbacIndexOf } from '../../rbac/rbac-index.ts';
import { probeMatches } from '../../rbac/risks/probe.ts';
import { SUPERUSER_GROUP } from '../../rbac/subjects.ts';
import { RBAC_KINDS, RBAC_REFERENCES } from './internal/meta.ts';

// Impersonating the group by name is cluster-admin; unrestricted impersonation is
// rbac-impersonate's finding, so only rules that name system:masters are reported here.
const IMPERSONATE_MASTERS = [
  { verb: 'impersonate', apiGroup: '', resource: 'groups', name: SUPERUSER_GROUP },
  { verb: 'impersonate:user-info', apiGroup: '', resource: 'groups', name: SUPERUSER_GROUP },
];

export default defineRule({
  id: 'rbac-system-masters',
  meta: {
    title: 'RBAC objects do not rely on the system:masters group',
    description:
      'Members of `system:masters` are allowed everything by the API server before RBAC and authorization webhooks run, and membership comes from credentials (client certificates with O=system:masters) that cannot be revoked short of rotating the cluster CA. A binding to the group adds nothing but suggests such credentials are in use; a rule that lets a subject impersonate the group by name makes that subject cluster-admin.',
    severity: 'critical',
    category: 'rbac',
    messages: {
      binding:
        '{{kind}} "{{binding}}" binds Group system:masters, which bypasses RBAC entirely: the binding grants nothing more, and the group\'s credentials cannot be revoked.',
      impersonate:
        '{{kind}} "{{role}}" lets its subjects impersonate Group system:masters, which is cluster-admin.',
    },
    references: [
      'https://kubernetes.io/docs/concepts/security/rbac-good-practices/#least-privilege',
      ...RBAC_REFERENCES,
    ],
    remediation:
      'Give administrators their own group bound to a ClusterRole, keep system:masters for break-glass credentials, and never grant its impersonation.',
    kinds: RBAC_KINDS,
    peers: { trivy: ['KSV043'] },
  },
  check(ctx) {
    if (isBootstrapObject(ctx.object)) return;
    const def = rbacIndexOf(ctx.inventory).byObject.get(ctx.object);
    if (def === undefined) return;
    if ('roleRef' in def) {
      def.subjects.forEach((subject, i) => {
        if (subject.kind !== 'Group' || subject.name !== SUPERUSER_GROUP) return;
        ctx.report({
          path: ['subjects', i],
          messageId: 'binding',
          severity: 'low',
          data: { kind: def.kind, binding: def.name },
        });
      });
      return;
    }
    def.ownRules.forEach((rule, i) => {
      if (
        rule.resourceNames.length === 0 ||
        !IMPERSONATE_MASTERS.some((probe) => probeMatches(rule, probe))
      )
        return;
      ctx.report({
        path: ['rules', i],
        messageId: 'impersonate',
        data: { kind: def.kind, role: def.name },
      });
    });
  },
});
