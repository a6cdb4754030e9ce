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

/** Everything the webhook needs to evaluate a request; swapped atomically on config reload. */
export interface AdmissionEngine {
  rules: readonly AnyRule[];
  policy: AdmissionPolicy;
  /** Labels of a namespace from the watch cache; undefined when unknown (flags apply). */
  namespaceLabels(name: string): Record<string, string> | undefined;
  /** Suppressors to apply (annotation suppressions only when the policy allows them). */
  suppressors?: readonly Suppressor[];
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
}

/** Runs the selected rules on a request's object, with its namespace as context, and sorts the findings by mode. */
export function evaluateRequest(request: AdmissionRequest, engine: AdmissionEngine): Evaluation {
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
  });
  return runRules(new Inventory(objects), {
    rules: engine.rules,
    settings,
    only: new Set([target]),
    suppressors: engine.policy.allowAnnotationSuppressions ? (engine.suppressors ?? []) : [],
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
