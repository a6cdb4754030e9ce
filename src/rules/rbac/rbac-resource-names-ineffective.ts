import { defineRule } from '../../engine/rule.ts';
import { isBootstrapObject } from '../../rbac/bootstrap/index.ts';
import { rbacIndexOf } from '../../rbac/rbac-index.ts';
import { RBAC_DOCS } from './internal/meta.ts';

// create and deletecollection requests on a collection carry no name, so a rule restricted by
// resourceNames never allows them (create on a subresource such as pods/exec does carry one).
// list and watch carry a name only with the field selector metadata.name=NAME.
const NAMELESS = new Set(['create', 'deletecollection']);
const SELECTOR_ONLY = new Set(['list', 'watch']);

export default defineRule({
  id: 'rbac-resource-names-ineffective',
  meta: {
    title: 'resourceNames restrict only verbs whose requests carry a name',
    description:
      'The authorizer compares resourceNames with the name in the request. `create` and `deletecollection` on a collection have none, so a rule with resourceNames never allows them; `list` and `watch` have one only when the client asks for a single object with `fieldSelector=metadata.name=NAME`, so ordinary lists are denied.',
    severity: 'low',
    category: 'rbac',
    messages: {
      never:
        'Rule {{index}} restricts {{verbs}} on {{resources}} by resourceNames, but these requests carry no name: the rule never allows them.',
      selector:
        'Rule {{index}} restricts {{verbs}} on {{resources}} by resourceNames: only requests with the field selector metadata.name=NAME are allowed.',
    },
    references: [`${RBAC_DOCS}#referring-to-resources`],
    remediation:
      'Move create, deletecollection (and list/watch, unless clients use a metadata.name field selector) to a rule without resourceNames, or drop them.',
    kinds: ['rbac.authorization.k8s.io/Role', 'rbac.authorization.k8s.io/ClusterRole'],
  },
  check(ctx) {
    if (isBootstrapObject(ctx.object)) return;
    const role = rbacIndexOf(ctx.inventory).byObject.get(ctx.object);
    if (role === undefined || 'roleRef' in role) return;
    role.ownRules.forEach((rule, i) => {
      if (rule.resourceNames.length === 0) return;
      const collections = rule.resources.filter((r) => !r.includes('/'));
      const never = rule.verbs.filter((v) => NAMELESS.has(v));
      const selector = rule.verbs.filter((v) => SELECTOR_ONLY.has(v));
      const path = ['rules', i, 'resourceNames'];
      const data = { index: i, resources: collections.join(', ') };
      if (collections.length > 0 && never.length > 0)
        ctx.report({
          path,
          messageId: 'never',
          discriminator: 'never',
          data: { ...data, verbs: never.join(', ') },
        });
      if (collections.length > 0 && selector.length > 0)
        ctx.report({
          path,
          messageId: 'selector',
          severity: 'info',
          discriminator: 'selector',
          data: { ...data, verbs: selector.join(', ') },
        });
    });
  },
});
