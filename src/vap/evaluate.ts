import type { KubeObject } from '../model/kube-object.ts';
import { labelsOf } from '../model/kube-object.ts';
import type { CelLimits } from './cel/budget.ts';
import type { AuthorizeFn } from './cel/lib-authz.ts';
import { buildActivation } from './activation.ts';
import type { AdmissionAttributes } from './attributes.ts';
import { matchResources } from './match.ts';
import type { ParamSource } from './params.ts';
import { collectParams } from './params.ts';
import type { VapBinding, VapDecision, VapPolicy, VapResult } from './types.ts';
import { validate } from './validate.ts';

export interface VapContext {
  /** The Namespace object of a namespace; undefined when it does not exist. */
  namespace(name: string): KubeObject | undefined;
  params: ParamSource;
  /** Backs the `authorizer` variable; without it, authorizer checks are evaluation errors. */
  authorize?: AuthorizeFn;
  limits?: CelLimits;
}

const MAX_ANNOTATION = 10 * 1024;
const FAILURE_KEY = 'validation.policy.admission.k8s.io/validation_failure';

/**
 * Evaluates one ValidatingAdmissionPolicy through one of its bindings for one request, as the
 * API server's validating dispatcher does (policy/validating/dispatcher.go): definition match,
 * binding match, params, then each param's validation; failed validations become one decision
 * per validationAction, configuration errors deny unless failurePolicy is Ignore.
 */
export function evaluateVap(
  policy: VapPolicy,
  binding: VapBinding,
  attributes: AdmissionAttributes,
  context: VapContext,
): VapResult {
  const result: VapResult = { decisions: [], auditAnnotations: {}, errors: [], matched: false };
  const configError = (message: string) => {
    if (policy.failurePolicy === 'Ignore') result.errors.push(message);
    else result.decisions.push({ action: 'Deny', message, reason: 'Invalid', kind: 'config' });
    return result;
  };
  const namespaceLabels = (name: string) => {
    const ns = context.namespace(name);
    return ns === undefined ? undefined : labelsOf(ns);
  };
  if (policy.matchConstraints === undefined || isExempt(attributes)) return result;
  const definition = matchResources(policy.matchConstraints, attributes, namespaceLabels);
  if (definition.error !== undefined)
    return configError(`failed to configure policy: ${definition.error}`);
  if (!definition.matches) return result;
  if (policy.problems.length > 0) {
    return configError(`failed to configure policy: ${policy.problems.join('; ')}`);
  }
  if (binding.problems.length > 0) {
    return configError(`failed to configure binding: ${binding.problems.join('; ')}`);
  }
  if (binding.matchResources !== undefined) {
    const bound = matchResources(binding.matchResources, attributes, namespaceLabels);
    if (bound.error !== undefined)
      return configError(`failed to configure binding: ${bound.error}`);
    if (!bound.matches) return result;
  }
  result.matched = true;
  const collected = collectParams(
    policy.paramKind,
    binding.paramRef,
    attributes.namespace,
    context.params,
  );
  if ('error' in collected) return configError(`failed to configure binding: ${collected.error}`);

  const isNamespace = attributes.kind.group === '' && attributes.kind.kind === 'Namespace';
  const namespace =
    attributes.namespace === '' || isNamespace
      ? undefined
      : context.namespace(attributes.namespace);
  const annotations = new Map<string, string[]>();
  for (const param of collected.params) {
    const activation = buildActivation({
      attributes,
      matched: { kind: definition.kind, resource: definition.resource },
      param,
      namespace,
      variables: policy.variables,
      ...(context.authorize === undefined ? {} : { authorize: context.authorize }),
    });
    const outcome = validate(policy, activation, context.limits);
    result.errors.push(...outcome.ignoredErrors);
    const paramRef = param === null ? undefined : refOfParam(param);
    for (const decision of outcome.decisions) {
      if (decision.action !== 'deny') continue;
      for (const action of binding.validationActions) {
        const vap: VapDecision = {
          action,
          message: decision.message,
          reason: decision.reason ?? 'Invalid',
          kind: decision.evaluation === 'error' ? 'error' : 'violation',
        };
        if (decision.index !== undefined) vap.validationIndex = decision.index;
        if (paramRef !== undefined) vap.param = paramRef;
        result.decisions.push(vap);
        if (action === 'Audit') publishFailure(result, policy, binding, vap);
      }
    }
    for (const annotation of outcome.auditAnnotations) {
      if (annotation.action === 'publish' && annotation.value !== undefined) {
        const values = annotations.get(annotation.key) ?? [];
        const value = annotation.value.slice(0, MAX_ANNOTATION);
        if (!values.includes(value)) values.push(value);
        annotations.set(annotation.key, values);
      } else if (annotation.action === 'error') {
        result.decisions.push({
          action: 'Deny',
          message: annotation.error ?? '',
          reason: 'Invalid',
          kind: 'error',
        });
      } else if (annotation.error !== undefined) result.errors.push(annotation.error);
    }
  }
  for (const [key, values] of annotations)
    result.auditAnnotations[`${policy.name}/${key}`] = values.join(', ');
  return result;
}

const EXEMPT_KINDS = new Set([
  'ValidatingWebhookConfiguration',
  'MutatingWebhookConfiguration',
  'ValidatingAdmissionPolicy',
  'ValidatingAdmissionPolicyBinding',
  'MutatingAdmissionPolicy',
  'MutatingAdmissionPolicyBinding',
]);

/** rules.IsExemptAdmissionConfigurationResource: policies never apply to admission configuration. */
function isExempt(attributes: AdmissionAttributes): boolean {
  return (
    attributes.kind.group === 'admissionregistration.k8s.io' &&
    EXEMPT_KINDS.has(attributes.kind.kind)
  );
}

function refOfParam(param: KubeObject): { namespace?: string; name: string } {
  const name = param.metadata?.name ?? '';
  const namespace = param.metadata?.namespace;
  return typeof namespace === 'string' && namespace !== '' ? { namespace, name } : { name };
}

/** The audit annotation the API server adds for an Audit failure (the first one wins, as AddAnnotation keeps it). */
function publishFailure(
  result: VapResult,
  policy: VapPolicy,
  binding: VapBinding,
  decision: VapDecision,
): void {
  if (result.auditAnnotations[FAILURE_KEY] !== undefined) return;
  result.auditAnnotations[FAILURE_KEY] = JSON.stringify([
    {
      message: decision.message,
      policy: policy.name,
      binding: binding.name,
      expressionIndex: decision.validationIndex ?? 0,
      validationActions: binding.validationActions,
    },
  ]);
}

/** The Forbidden message the API server returns for a Deny decision. */
export function denyMessage(policy: string, binding: string | undefined, message: string): string {
  return binding === undefined
    ? `ValidatingAdmissionPolicy '${policy}' denied request: ${message}`
    : `ValidatingAdmissionPolicy '${policy}' with binding '${binding}' denied request: ${message}`;
}

/** The warning the API server returns for a Warn decision. */
export function warningMessage(policy: string, binding: string, message: string): string {
  return `Validation failed for ValidatingAdmissionPolicy '${policy}' with binding '${binding}': ${message}`;
}
