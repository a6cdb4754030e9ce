import { defineRule } from '../../engine/rule.ts';
import { isBootstrapObject } from '../../rbac/bootstrap/index.ts';
import { rbacIndexOf } from '../../rbac/rbac-index.ts';
import { RBAC_DOCS, RBAC_KINDS } from './internal/meta.ts';

/**
 * Verbs the API server authorizes: request verbs, the special verbs of RBAC, impersonation,
 * signers and PodSecurityPolicy-style `use`, lower-case HTTP methods of non-resource requests,
 * and constrained impersonation (Kubernetes 1.35+, KEP-5284).
 */
const KNOWN = new Set([
  '*',
  'get',
  'list',
  'watch',
  'create',
  'update',
  'patch',
  'delete',
  'deletecollection',
  'bind',
  'escalate',
  'impersonate',
  'approve',
  'sign',
  'attest',
  'use',
  'proxy',
  'post',
  'put',
  'head',
  'options',
  'impersonate:user-info',
  'impersonate:serviceaccount',
  'impersonate:associated-node',
  'impersonate:arbitrary-node',
]);

function known(verb: string): boolean {
  return (
    KNOWN.has(verb) ||
    /^impersonate-on:(user-info|serviceaccount|associated-node|arbitrary-node):[a-z]+$/.test(verb)
  );
}

export default defineRule({
  id: 'rbac-unknown-verb',
  meta: {
    title: 'Rules use verbs the API server knows',
    description:
      'Verbs are compared case-sensitively and literally, so `Get`, `read` or `all` match no request: the rule silently grants less than its author meant (and a later API that happens to use the word would suddenly match).',
    severity: 'low',
    category: 'rbac',
    messages: {
      unknown:
        'Verb "{{verb}}" of rule {{index}} is not one the Kubernetes API server uses{{hint}}; it matches no request unless an extension API defines it.',
    },
    references: [
      `${RBAC_DOCS}#referring-to-resources`,
      'https://kubernetes.io/docs/reference/access-authn-authz/authorization/#determine-the-request-verb',
    ],
    remediation:
      'Use the lower-case request verbs (get, list, watch, create, update, patch, delete, deletecollection) or `*`.',
    kinds: RBAC_KINDS,
  },
  check(ctx) {
    if (isBootstrapObject(ctx.object)) return;
    const role = rbacIndexOf(ctx.inventory).byObject.get(ctx.object);
    if (role === undefined || 'roleRef' in role) return;
    role.ownRules.forEach((rule, i) => {
      rule.verbs.forEach((verb, j) => {
        if (known(verb)) return;
        const lower = verb.toLowerCase().trim();
        const hint = known(lower) ? ` (did you mean "${lower}"?)` : '';
        ctx.report({
          path: ['rules', i, 'verbs', j],
          messageId: 'unknown',
          data: { verb, index: i, hint },
        });
      });
    });
  },
});
