import type { Finding } from '../engine/finding.ts';
import { formatPath } from '../engine/fingerprint.ts';
import { describeRef } from '../model/kube-object.ts';
import type { AdmissionEngine, Evaluation } from './evaluate.ts';
import { evaluateRequest } from './evaluate.ts';
import { toJsonPatch } from './json-patch.ts';
import type { AdmissionRequest, AdmissionResponse } from './review.ts';

const MAX_LISTED = 8;
// The API server keeps each warning short; longer ones are truncated by it anyway.
const MAX_WARNING = 240;

/**
 * The validating decision: deny on enforced findings at or above failOn, warn on the rest; and
 * the user policies' Deny and Warn decisions, worded (and coded) as the API server words them.
 * Their denials come first, as the ValidatingAdmissionPolicy plugin runs before webhooks.
 */
export function validateRequest(
  request: AdmissionRequest,
  engine: AdmissionEngine,
): { response: AdmissionResponse; evaluation: Evaluation } {
  const evaluation = evaluateRequest(request, engine);
  const vap = evaluation.vap;
  const fromPolicies = new Set(vap?.findings);
  const ruleDeny = evaluation.deny.filter((f) => !fromPolicies.has(f));
  const response: AdmissionResponse = { uid: request.uid, allowed: evaluation.deny.length === 0 };
  const warnings = [
    ...(vap?.warnings ?? []),
    ...evaluation.warn.filter((f) => !fromPolicies.has(f)).map((f) => warning(f, '')),
    ...evaluation.preExisting.map((f) => warning(f, ' (already present before this update)')),
  ];
  if (warnings.length > 0) response.warnings = warnings;
  response.auditAnnotations = auditAnnotations(evaluation);
  if (!response.allowed) {
    const first = vap?.denials[0];
    const messages = (vap?.denials ?? []).map((d) => d.message);
    if (ruleDeny.length > 0) messages.push(denyMessage(request, ruleDeny, engine));
    response.status = {
      code: first?.code ?? 403,
      reason: first?.reason ?? 'Forbidden',
      message: messages.join('\n'),
    };
  }
  return { response, evaluation };
}

/** The mutating decision: always allowed; safe fixes (and unsafe ones when configured) as a JSON Patch. */
export function mutateRequest(
  request: AdmissionRequest,
  engine: AdmissionEngine,
): { response: AdmissionResponse; evaluation: Evaluation } {
  // Policies only validate: /mutate does not evaluate them.
  const evaluation = evaluateRequest(request, engine, { policies: false });
  const response: AdmissionResponse = { uid: request.uid, allowed: true };
  const operations = evaluation.findings.flatMap((f) => [
    ...(f.fix ?? []),
    ...(engine.policy.mutate.unsafe || engine.policy.mutate.suggestRules.includes(f.ruleId)
      ? (f.suggest ?? [])
      : []),
  ]);
  const patch = toJsonPatch(operations);
  if (patch.length > 0) {
    response.patchType = 'JSONPatch';
    response.patch = Buffer.from(JSON.stringify(patch)).toString('base64');
    response.auditAnnotations = { mutated: String(patch.length) };
  }
  return { response, evaluation };
}

function warning(finding: Finding, suffix: string): string {
  const text = `[${finding.ruleId}] ${finding.message}${suffix}`;
  return text.length > MAX_WARNING ? `${text.slice(0, MAX_WARNING - 1)}…` : text;
}

function denyMessage(
  request: AdmissionRequest,
  deny: readonly Finding[],
  engine: AdmissionEngine,
): string {
  const object = request.object;
  const what =
    object === undefined
      ? request.kind.kind
      : deny[0] === undefined
        ? request.kind.kind
        : describeRef(deny[0].object);
  const lines = deny.slice(0, MAX_LISTED).map((f) => {
    const rule = engine.rules.find((r) => r.id === f.ruleId);
    const fix = rule === undefined ? '' : ` Fix: ${rule.meta.remediation}`;
    return `- ${f.ruleId} (${f.severity}) at ${formatPath(f.path)}: ${f.message}${fix}`;
  });
  if (deny.length > MAX_LISTED) lines.push(`- … and ${deny.length - MAX_LISTED} more`);
  return `Kubeward denied ${what}: ${deny.length} finding${deny.length === 1 ? '' : 's'} at or above ${engine.policy.failOn}\n${lines.join('\n')}`;
}

function auditAnnotations(evaluation: Evaluation): Record<string, string> {
  const ids = (findings: readonly Finding[]) =>
    [...new Set(findings.map((f) => f.ruleId))].sort().join(',');
  const annotations: Record<string, string> = {
    decision:
      evaluation.skipped !== undefined ? 'skipped' : evaluation.deny.length > 0 ? 'deny' : 'allow',
  };
  if (evaluation.skipped !== undefined) annotations.reason = evaluation.skipped;
  if (evaluation.deny.length > 0) annotations.denied = ids(evaluation.deny);
  if (evaluation.warn.length + evaluation.preExisting.length > 0)
    annotations.warned = ids([...evaluation.warn, ...evaluation.preExisting]);
  if (evaluation.audit.length > 0) annotations.audit = ids(evaluation.audit);
  // Webhook annotation keys get the webhook's name as prefix and must stay qualified names, so
  // the policies' own `<policy>/<key>` annotations travel as one JSON object.
  const vap = evaluation.vap;
  if (vap !== undefined && vap.auditFailures.length > 0)
    annotations['vap-validation-failure'] = JSON.stringify(vap.auditFailures);
  if (vap !== undefined && Object.keys(vap.annotations).length > 0)
    annotations['vap-annotations'] = JSON.stringify(vap.annotations);
  if (vap !== undefined && vap.errors.length > 0)
    annotations['vap-ignored-errors'] = JSON.stringify(vap.errors.slice(0, 10));
  return annotations;
}
