// One factory for the risky-permission rules: each rule is a capability of the catalogue and a
// severity per scope. A finding sits on the rule of the Role/ClusterRole that grants the
// capability (that is what to change), with the scope of its broadest binding; a binding to a
// default role that the input does not define (cluster-admin, admin, edit) is reported on the
// binding's roleRef instead.
import type { Severity } from '../../../engine/finding.ts';
import { defineRule } from '../../../engine/rule.ts';
import type { Rule, RuleContext, RuleMeta } from '../../../engine/rule.ts';
import { isBootstrapObject } from '../../../rbac/bootstrap/index.ts';
import type { GrantScope } from '../../../rbac/grant-scope.ts';
import { describeScope, privilegedNamespacesOf } from '../../../rbac/grant-scope.ts';
import { rbacIndexOf } from '../../../rbac/rbac-index.ts';
import type { RbacIndex } from '../../../rbac/rbac-index.ts';
import { assessRole, bindingScope } from '../../../rbac/risks/assess.ts';
import type { Assessment } from '../../../rbac/risks/assess.ts';
import { isClusterAdminRule, matchedProbes } from '../../../rbac/risks/capabilities.ts';
import type { Capability } from '../../../rbac/risks/capabilities.ts';
import { describeGrantees, granteesOf } from '../../../rbac/risks/grantees.ts';
import type { Probe } from '../../../rbac/risks/probe.ts';
import type { BindingDef, PolicyRule, RoleDef } from '../../../rbac/types.ts';
import { workloadsOf } from '../../../rbac/workloads.ts';
import { RBAC_KINDS, RBAC_REFERENCES } from './meta.ts';

type MessageId = 'role' | 'unbound' | 'defaultRole';

export interface PermissionRuleSpec {
  id: string;
  capability: Capability;
  /** Severity at each scope; a missing scope is not reported. */
  severities: Partial<Record<GrantScope, Severity>>;
  title: string;
  description: string;
  remediation: string;
  references?: readonly string[];
  peers?: RuleMeta<MessageId>['peers'];
  /** Leave rules that grant everything to rbac-cluster-admin-equivalent (default true). */
  skipClusterAdmin?: boolean;
  /** Extra words after the capability for one rule (e.g. the exec WebSocket caveat). */
  qualify?: (matched: readonly Probe[]) => string;
}

export function definePermissionRule(spec: PermissionRuleSpec): Rule<MessageId> {
  const severity =
    spec.severities.cluster ?? spec.severities.privileged ?? spec.severities.namespace ?? 'info';
  const what = (matched: readonly Probe[]) =>
    `${spec.capability.summary}${spec.qualify?.(matched) ?? ''}`;
  return defineRule({
    id: spec.id,
    meta: {
      title: spec.title,
      description: spec.description,
      severity,
      category: 'rbac',
      messages: {
        role: '{{kind}} "{{role}}" lets {{who}} {{what}} {{where}}.',
        unbound:
          '{{kind}} "{{role}}" would let its subjects {{what}} {{where}}; no binding in the input grants it yet.',
        defaultRole:
          '{{kind}} "{{binding}}" gives {{who}} the default ClusterRole "{{role}}", which can {{what}}, {{where}}.',
      },
      references: [...(spec.references ?? []), ...RBAC_REFERENCES],
      remediation: spec.remediation,
      kinds: RBAC_KINDS,
      ...(spec.peers === undefined ? {} : { peers: spec.peers }),
    },
    check(ctx) {
      if (isBootstrapObject(ctx.object)) return;
      const index = rbacIndexOf(ctx.inventory);
      const def = index.byObject.get(ctx.object);
      if (def === undefined) return;
      if ('roleRef' in def) checkBinding(ctx, index, def);
      else checkRole(ctx, index, def);
    },
  });

  function skip(rule: PolicyRule): boolean {
    return spec.skipClusterAdmin !== false && isClusterAdminRule(rule);
  }

  function checkRole(ctx: RuleContext<MessageId>, index: RbacIndex, role: RoleDef): void {
    const privileged = privilegedNamespacesOf(ctx.inventory);
    role.ownRules.forEach((rule, i) => {
      if (skip(rule)) return;
      const matched = matchedProbes(spec.capability, rule);
      if (matched.length === 0) return;
      const assessment = assessRole(index, role, matched, privileged);
      const level = assessment === undefined ? undefined : spec.severities[assessment.scope];
      if (assessment === undefined || level === undefined) return;
      const widest = assessment.grants
        .filter((g) => g.scope === assessment.scope)
        .map((g) => g.binding);
      const who = describeGrantees(granteesOf(widest, workloadsOf(ctx.inventory)));
      ctx.report({
        path: ['rules', i],
        messageId: assessment.bound ? 'role' : 'unbound',
        severity: level,
        data: {
          kind: role.kind,
          role: role.name,
          who,
          what: what(matched),
          where: where(role, assessment),
        },
        evidence: evidence(assessment, matched),
      });
    });
  }

  function checkBinding(ctx: RuleContext<MessageId>, index: RbacIndex, binding: BindingDef): void {
    const role = index.roles.get(binding.roleKey);
    if (role?.bootstrap !== true) return;
    if (spec.skipClusterAdmin !== false && role.rules.some(isClusterAdminRule)) return;
    const matched = role.rules.flatMap((rule) => matchedProbes(spec.capability, rule));
    if (matched.length === 0) return;
    const scope = bindingScope(binding, matched, privilegedNamespacesOf(ctx.inventory));
    const level = scope === undefined ? undefined : spec.severities[scope];
    if (scope === undefined || level === undefined) return;
    ctx.report({
      path: ['roleRef', 'name'],
      messageId: 'defaultRole',
      severity: level,
      data: {
        kind: binding.kind,
        binding: binding.name,
        role: role.name,
        who: describeGrantees(granteesOf([binding], workloadsOf(ctx.inventory))),
        what: what(matched),
        where: describeScope(scope, binding.namespace),
      },
      evidence: { capability: spec.capability.id, scope, role: role.name },
    });
  }
}

function where(role: RoleDef, assessment: Assessment): string {
  if (!assessment.bound)
    return role.kind === 'Role'
      ? describeScope(assessment.scope, role.namespace)
      : 'wherever it is bound';
  const widest = assessment.grants.find((g) => g.scope === assessment.scope);
  return describeScope(assessment.scope, widest?.binding.namespace);
}

function evidence(assessment: Assessment, matched: readonly Probe[]): Record<string, unknown> {
  return {
    scope: assessment.scope,
    bound: assessment.bound,
    grants: assessment.grants.map((g) => ({
      binding: `${g.binding.kind}/${g.binding.namespace === undefined ? '' : `${g.binding.namespace}/`}${g.binding.name}`,
      scope: g.scope,
      ...(g.via === undefined ? {} : { via: `ClusterRole/${g.via.name}` }),
    })),
    requests: [
      ...new Set(
        matched.map(
          (p) =>
            `${p.verb} ${p.resource}${p.subresource === undefined ? '' : `/${p.subresource}`}${p.apiGroup === '' ? '' : `.${p.apiGroup}`}`,
        ),
      ),
    ],
  };
}
