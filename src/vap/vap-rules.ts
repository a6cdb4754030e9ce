import type { Severity } from '../engine/finding.ts';
import type { AnyRule, RuleContext } from '../engine/rule.ts';
import { defineRule } from '../engine/rule.ts';
import type { Inventory } from '../model/inventory.ts';
import type { KubeObject, ScanObject } from '../model/kube-object.ts';
import type { CelLimits } from './cel/budget.ts';
import type { AuthorizeFn } from './cel/lib-authz.ts';
import type { UserInfo } from './attributes.ts';
import { createAttributes } from './attributes.ts';
import type { VapContext } from './evaluate.ts';
import { evaluateVap } from './evaluate.ts';
import { inventoryParams, offlineNamespace } from './offline-context.ts';
import { policySetFrom } from './policy-set.ts';
import { ResourceResolver } from './resources.ts';
import type { ValidationAction, VapBinding, VapPolicy } from './types.ts';

/** How a validationAction ranks as a finding severity. */
export const ACTION_SEVERITY: Readonly<Record<ValidationAction, Severity>> = {
  Deny: 'high',
  Warn: 'medium',
  Audit: 'low',
};

export interface VapRuleOptions {
  /** Rule ids already taken (built-in rules): a policy of the same name becomes `vap:<name>`. */
  reservedIds?: ReadonlySet<string>;
  /** Objects besides the scanned inventory that hold params (e.g. from `--policy` files). */
  paramObjects?: readonly ScanObject[];
  /** The user offline requests are made as. */
  userInfo?: UserInfo;
  limits?: CelLimits;
  authorize?: AuthorizeFn;
}

const DOCS = 'https://kubernetes.io/docs/reference/access-authn-authz/validating-admission-policy/';

/**
 * One rule per ValidatingAdmissionPolicy found in `objects` (policies, bindings and params, as
 * loaded from `--policy` paths or the scanned input). Each rule evaluates its policy through
 * every binding on each scanned object, as if the object were created, and reports each failed
 * validation with the severity of the binding's action (Deny high, Warn medium, Audit low).
 */
export function vapRules(
  objects: readonly ScanObject[] | Inventory,
  options: VapRuleOptions = {},
): AnyRule[] {
  const items = Array.isArray(objects)
    ? (objects as readonly ScanObject[])
    : (objects as Inventory).objects;
  const set = policySetFrom(items);
  const contexts = new WeakMap<Inventory, VapContext>();
  const context = (inventory: Inventory) => {
    let found = contexts.get(inventory);
    if (found === undefined) {
      found = offlineContext(inventory, items, options);
      contexts.set(inventory, found);
    }
    return found;
  };
  return set.policies.map((policy) =>
    policyRule(policy, set.bindingsOf.get(policy.name) ?? [], context, options),
  );
}

function policyRule(
  policy: VapPolicy,
  bindings: readonly VapBinding[],
  contextOf: (inventory: Inventory) => VapContext,
  options: VapRuleOptions,
): AnyRule {
  const id = options.reservedIds?.has(policy.name) === true ? `vap:${policy.name}` : policy.name;
  return defineRule({
    id,
    meta: {
      title: `ValidatingAdmissionPolicy ${policy.name}`,
      description: `User policy ${policy.name} (admissionregistration.k8s.io ValidatingAdmissionPolicy), evaluated as the API server would on creation.`,
      severity: 'high',
      category: 'policy',
      messages: { violation: '{{message}}' },
      references: [DOCS],
      remediation: 'Change the object so that the policy validation passes, or change the policy.',
    },
    check(ctx) {
      if (bindings.length === 0) return;
      checkObject(ctx, policy, bindings, contextOf(ctx.inventory), options);
    },
  });
}

function checkObject(
  ctx: RuleContext<'violation'>,
  policy: VapPolicy,
  bindings: readonly VapBinding[],
  context: VapContext,
  options: VapRuleOptions,
): void {
  const resolver = ctx.inventory.memo('vap:resolver', (inv) => new ResourceResolver(inv));
  const attributes = createAttributes(ctx.object, resolver, options.userInfo);
  for (const binding of bindings) {
    const result = evaluateVap(policy, binding, attributes, context);
    result.decisions.forEach((decision, i) => {
      const param =
        decision.param === undefined
          ? ''
          : `${decision.param.namespace ?? ''}/${decision.param.name}`;
      ctx.report({
        path: [],
        messageId: 'violation',
        data: { message: decision.message },
        severity: ACTION_SEVERITY[decision.action],
        discriminator: `${binding.name}|${decision.kind}|${decision.validationIndex ?? i}|${decision.action}|${param}`,
        evidence: {
          binding: binding.name,
          action: decision.action,
          reason: decision.reason,
          kind: decision.kind,
          ...(decision.validationIndex === undefined
            ? {}
            : { validationIndex: decision.validationIndex }),
          ...(decision.param === undefined ? {} : { param: decision.param }),
          ...(Object.keys(result.auditAnnotations).length === 0
            ? {}
            : { auditAnnotations: result.auditAnnotations }),
        },
      });
    });
  }
}

function offlineContext(
  inventory: Inventory,
  policyObjects: readonly ScanObject[],
  options: VapRuleOptions,
): VapContext {
  const extra: KubeObject[] = [...policyObjects, ...(options.paramObjects ?? [])].map(
    (i) => i.object,
  );
  return {
    namespace: (name) => offlineNamespace(inventory, name),
    params: inventoryParams(inventory, extra),
    ...(options.limits === undefined ? {} : { limits: options.limits }),
    ...(options.authorize === undefined ? {} : { authorize: options.authorize }),
  };
}
