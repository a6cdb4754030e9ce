import type { RbacIndex } from '../rbac-index.ts';
import { toSubjectAccessReviewSpec } from '../sar.ts';
import type { AccessAttributes, Decision } from '../types.ts';
import { describeObject, describePrincipal, describeRequest, describeRule } from './describe.ts';

/** `yes`/`no`, then why: the binding, subject, role and rule that allow, or what is missing. */
export function canIText(
  attributes: AccessAttributes,
  decision: Decision,
  index: RbacIndex,
): string {
  const who = `${attributes.user} (groups: ${attributes.groups.join(', ') || 'none'})`;
  const lines = [decision.allowed ? 'yes' : 'no'];
  const reason = decision.reason;
  if (reason?.kind === 'superuser') {
    lines.push(
      `  ${who} is in group ${reason.group}, which the API server's superuser authorizer allows everything before RBAC.`,
    );
  } else if (reason?.kind === 'rbac') {
    const origin =
      reason.origin.role.name === reason.role.name && reason.origin.role.kind === reason.role.kind
        ? ''
        : ` (aggregated from ${describeObject(reason.origin.role)}, rule ${reason.origin.ruleIndex})`;
    lines.push(
      `  request: ${describeRequest(attributes)} as ${who}`,
      `  binding: ${describeObject(reason.binding)}, subject ${describePrincipal(reason.subject)}`,
      `  role:    ${describeObject(reason.role)}, rule ${reason.ruleIndex}${origin}`,
      `  rule:    ${describeRule(reason.rule)}`,
    );
  } else {
    lines.push(
      `  request: ${describeRequest(attributes)} as ${who}`,
      '  no binding in the input grants it.',
    );
    for (const binding of index.unresolved) {
      if (binding.namespace !== undefined && binding.namespace !== attributes.namespace) continue;
      lines.push(
        `  note: ${describeObject(binding.ref)} refers to ${binding.roleRef.kind} ${binding.roleRef.name}, which is not in the input.`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

/** The decision with the request as a SubjectAccessReview spec, and the reason as the API server words it. */
export function canIJson(attributes: AccessAttributes, decision: Decision): string {
  const output = {
    allowed: decision.allowed,
    request: toSubjectAccessReviewSpec(attributes),
    reason: decision.reason ?? null,
    message: decision.message,
    errors: decision.errors,
  };
  return `${JSON.stringify(output, null, 2)}\n`;
}
