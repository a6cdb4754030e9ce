import type { Finding } from '../engine/finding.ts';
import { atLeast } from '../engine/finding.ts';
import type { AnyRule } from '../engine/rule.ts';
import { runRules } from '../engine/run.ts';
import type { Suppressor } from '../engine/run.ts';
import { defaultSettings } from '../engine/settings.ts';
import { Inventory } from '../model/inventory.ts';
import type { KubeObject, ScanObject } from '../model/kube-object.ts';
import { refOf } from '../model/kube-object.ts';
import { podSpecOf } from '../model/pod-spec.ts';
import type { AdmissionPolicy, AdmissionMode } from './policy.ts';
import { modeOf } from './policy.ts';
import type { AdmissionRequest } from './review.ts';
import { evaluateGate, namespaceFrom } from './vap-gate.ts';
import type { VapGate, VapVerdict } from './vap-gate.ts';

/** Everything the webhook needs to evaluate a request; swapped atomically on config reload. */
export interface AdmissionEngine {
  rules: readonly AnyRule[];
  policy: AdmissionPolicy;
  /** Labels of a namespace from the watch cache; undefined when unknown (flags apply). */
  namespaceLabels(name: string): Record<string, string> | undefined;
  /**
   * Suppressors to apply as given: the config's ignore entries, and the annotation suppressor only
   * when the policy allows annotations (whoever builds the engine decides).
   */
  suppressors?: readonly Suppressor[];
  /** User ValidatingAdmissionPolicies (`--policy`), evaluated on /validate as the API server would. */
  vap?: VapGate;
}

export interface Evaluation {
  /** Why the request was not evaluated (exempt, nothing to check), if so. */
  skipped?: string;
  deny: Finding[];
  warn: Finding[];
  audit: Finding[];
  /** Findings the old object already had (UPDATE), reported as warnings. */
  preExisting: Finding[];
  findings: Finding[];
  /** What the ValidatingAdmissionPolicies decided; their findings are also in deny/warn/audit. */
  vap?: VapVerdict;
}

/**
 * Runs the selected rules on a request's object, then (unless `policies` is false) the user's
 * ValidatingAdmissionPolicies on the request itself. Policies follow their bindings'
 * validationActions, not failOn, modes, exemptions or grandfathering: a policy decides here as
 * it would in the API server, on any operation it matches.
 */
export function evaluateRequest(
  request: AdmissionRequest,
  engine: AdmissionEngine,
  options: { policies?: boolean } = {},
): Evaluation {
  const result = evaluateRules(request, engine);
  if (engine.vap === undefined || options.policies === false) return result;
  const vap = evaluateGate(
    engine.vap,
    request,
    namespaceFrom((name) => engine.namespaceLabels(name)),
  );
  if (!vap.matched && vap.findings.length === 0) return result;
  // The policies evaluated the request even when the rules skipped it (a DELETE, a subresource).
  const merged: Evaluation = { ...result, vap, findings: [...result.findings, ...vap.findings] };
  delete merged.skipped;
  for (const finding of vap.findings) {
    const action = vap.actions.get(finding);
    (action === 'Deny' ? merged.deny : action === 'Warn' ? merged.warn : merged.audit).push(
      finding,
    );
  }
  return merged;
}

/** Runs the selected rules on a request's object, with its namespace as context, and sorts the findings by mode. */
function evaluateRules(request: AdmissionRequest, engine: AdmissionEngine): Evaluation {
  const empty: Evaluation = { deny: [], warn: [], audit: [], preExisting: [], findings: [] };
  const object = request.object;
  if (request.operation === 'DELETE' || request.operation === 'CONNECT' || object === undefined) {
    return { ...empty, skipped: `${request.operation} is not checked` };
  }
  if (request.subResource !== undefined)
    return { ...empty, skipped: `subresource ${request.subResource} is not checked` };
  const exempt = exemption(request, object, engine.policy);
  if (exempt !== undefined) return { ...empty, skipped: exempt };

  const findings = findingsFor(object, request.namespace, engine);
  const before =
    request.operation === 'UPDATE' &&
    request.oldObject !== undefined &&
    engine.policy.grandfatherExisting
      ? new Set(findingsFor(request.oldObject, request.namespace, engine).map((f) => f.fingerprint))
      : new Set<string>();
  const result: Evaluation = { ...empty, findings };
  for (const finding of findings) {
    const mode: AdmissionMode = modeOf(engine.policy, finding.ruleId, finding.category);
    if (mode === 'audit') result.audit.push(finding);
    else if (before.has(finding.fingerprint)) result.preExisting.push(finding);
    else if (mode === 'enforce' && atLeast(finding.severity, engine.policy.failOn))
      result.deny.push(finding);
    else result.warn.push(finding);
  }
  return result;
}

function findingsFor(
  object: KubeObject,
  namespace: string | undefined,
  engine: AdmissionEngine,
): Finding[] {
  const target: ScanObject = {
    object,
    ref: refOf(object),
    origin: { source: 'admission' },
    seq: 0,
  };
  const objects: ScanObject[] = [target];
  const ns = object.metadata?.namespace ?? namespace;
  const labels = ns === undefined ? undefined : engine.namespaceLabels(ns);
  if (ns !== undefined && labels !== undefined) {
    // The namespace is context (its PSA labels set the Pod Security level), not a target.
    const nsObject: KubeObject = {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: ns, labels },
    };
    objects.push({
      object: nsObject,
      ref: refOf(nsObject),
      origin: { source: 'admission' },
      seq: 1,
    });
  }
  const settings = defaultSettings({
    pss: engine.policy.pss,
    ruleOptions: engine.policy.ruleOptions,
    annotationSuppressions: engine.policy.allowAnnotationSuppressions,
    ...(engine.policy.severityOverrides === undefined
      ? {}
      : { severityOverrides: engine.policy.severityOverrides }),
  });
  return runRules(new Inventory(objects), {
    rules: engine.rules,
    settings,
    only: new Set([target]),
    suppressors: engine.suppressors ?? [],
  }).findings;
}

function exemption(
  request: AdmissionRequest,
  object: KubeObject,
  policy: AdmissionPolicy,
): string | undefined {
  const { namespaces, usernames, runtimeClasses } = policy.exemptions;
  if (request.namespace !== undefined && namespaces.includes(request.namespace)) {
    return `namespace ${request.namespace} is exempt`;
  }
  const user = request.userInfo?.username;
  if (user !== undefined && usernames.includes(user)) return `user ${user} is exempt`;
  const runtimeClass = podSpecOf(object)?.spec.runtimeClassName;
  if (typeof runtimeClass === 'string' && runtimeClasses.includes(runtimeClass)) {
    return `runtime class ${runtimeClass} is exempt`;
  }
  return undefined;
}
