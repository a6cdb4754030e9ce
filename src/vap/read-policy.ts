import type { KubeObject, ScanObject } from '../model/kube-object.ts';
import { isRecord } from '../model/kube-object.ts';
import { groupKindOf } from '../model/kinds.ts';
import type {
  MatchResources,
  NamedExpression,
  ParamRef,
  ResourceRule,
  Validation,
  ValidationAction,
  VapBinding,
  VapPolicy,
} from './types.ts';
import { VALIDATION_ACTIONS } from './types.ts';

/** The reasons a validation may give (validation.go: supportedValidationPolicyReason). */
const REASONS: readonly string[] = ['Forbidden', 'Invalid', 'RequestEntityTooLarge'];

export const POLICY_KIND = 'admissionregistration.k8s.io/ValidatingAdmissionPolicy';
export const BINDING_KIND = 'admissionregistration.k8s.io/ValidatingAdmissionPolicyBinding';

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
const text = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : undefined;
const records = (value: unknown): Record<string, unknown>[] =>
  Array.isArray(value) ? value.filter(isRecord) : [];

function readRule(raw: Record<string, unknown>): ResourceRule {
  return {
    apiGroups: strings(raw.apiGroups),
    apiVersions: strings(raw.apiVersions),
    resources: strings(raw.resources),
    operations: strings(raw.operations),
    scope: text(raw.scope) ?? '*',
    resourceNames: strings(raw.resourceNames),
  };
}

function readMatch(raw: unknown): MatchResources | undefined {
  if (!isRecord(raw)) return undefined;
  return {
    namespaceSelector: raw.namespaceSelector ?? {},
    objectSelector: raw.objectSelector ?? {},
    resourceRules: records(raw.resourceRules).map(readRule),
    excludeResourceRules: records(raw.excludeResourceRules).map(readRule),
    matchPolicy: raw.matchPolicy === 'Exact' ? 'Exact' : 'Equivalent',
  };
}

function readValidation(raw: Record<string, unknown>): Validation {
  const validation: Validation = { expression: text(raw.expression) ?? '' };
  const message = text(raw.message);
  const messageExpression = text(raw.messageExpression);
  const reason = text(raw.reason);
  if (message !== undefined) validation.message = message;
  if (messageExpression !== undefined) validation.messageExpression = messageExpression;
  if (reason !== undefined) validation.reason = reason;
  return validation;
}

function readNamed(raw: unknown): NamedExpression[] {
  return records(raw).map((r) => ({
    name: text(r.name) ?? '',
    expression: text(r.expression) ?? '',
  }));
}

function nameOf(object: KubeObject): string {
  return text(object.metadata?.name) ?? '';
}

/** Reads a ValidatingAdmissionPolicy (any served version), noting what the API server would reject. */
export function readPolicy(object: KubeObject, source?: ScanObject): VapPolicy {
  const spec = isRecord(object.spec) ? object.spec : {};
  const problems: string[] = [];
  const paramKind = isRecord(spec.paramKind) ? spec.paramKind : undefined;
  const matchConstraints = readMatch(spec.matchConstraints);
  if (matchConstraints === undefined) problems.push('spec.matchConstraints: Required value');
  else if (matchConstraints.resourceRules.length === 0) {
    problems.push('spec.matchConstraints.resourceRules: Required value');
  }
  const validations = records(spec.validations).map((v) => readValidation(v));
  validations.forEach((v, i) => {
    if (v.reason === undefined || REASONS.includes(v.reason)) return;
    const supported = REASONS.map((r) => `"${r}"`).join(', ');
    problems.push(
      `spec.validations[${String(i)}].reason: Unsupported value: "${v.reason}": supported values: ${supported}`,
    );
  });
  const auditAnnotations = records(spec.auditAnnotations).map((a) => ({
    key: text(a.key) ?? '',
    valueExpression: text(a.valueExpression) ?? '',
  }));
  if (validations.length === 0 && auditAnnotations.length === 0) {
    problems.push(
      'spec.validations: Required value: validations or auditAnnotations must contain at least one item',
    );
  }
  if (nameOf(object) === '') problems.push('metadata.name: Required value');
  const policy: VapPolicy = {
    name: nameOf(object),
    validations,
    auditAnnotations,
    matchConditions: readNamed(spec.matchConditions),
    variables: readNamed(spec.variables),
    failurePolicy: spec.failurePolicy === 'Ignore' ? 'Ignore' : 'Fail',
    problems,
    ...(matchConstraints === undefined ? {} : { matchConstraints }),
    ...(source === undefined ? {} : { source }),
  };
  if (paramKind !== undefined) {
    policy.paramKind = {
      apiVersion: text(paramKind.apiVersion) ?? '',
      kind: text(paramKind.kind) ?? '',
    };
  }
  return policy;
}

/** Reads a ValidatingAdmissionPolicyBinding, noting what the API server would reject. */
export function readBinding(object: KubeObject, source?: ScanObject): VapBinding {
  const spec = isRecord(object.spec) ? object.spec : {};
  const problems: string[] = [];
  const actions = strings(spec.validationActions);
  const validationActions = actions.filter((a): a is ValidationAction =>
    (VALIDATION_ACTIONS as readonly string[]).includes(a),
  );
  if (actions.length === 0) problems.push('spec.validationActions: Required value');
  if (validationActions.length !== actions.length)
    problems.push('spec.validationActions: Unsupported value');
  if (new Set(actions).size !== actions.length)
    problems.push('spec.validationActions: Duplicate value');
  if (validationActions.includes('Deny') && validationActions.includes('Warn')) {
    problems.push('spec.validationActions: Invalid value: must not contain both Deny and Warn');
  }
  const policyName = text(spec.policyName) ?? '';
  if (policyName === '') problems.push('spec.policyName: Required value');
  const binding: VapBinding = {
    name: nameOf(object),
    policyName,
    validationActions,
    problems,
    ...(source === undefined ? {} : { source }),
  };
  const match = readMatch(spec.matchResources);
  if (match !== undefined) binding.matchResources = match;
  if (isRecord(spec.paramRef)) binding.paramRef = readParamRef(spec.paramRef, problems);
  return binding;
}

function readParamRef(raw: Record<string, unknown>, problems: string[]): ParamRef {
  const ref: ParamRef = {
    parameterNotFoundAction: raw.parameterNotFoundAction === 'Deny' ? 'Deny' : 'Allow',
  };
  const name = text(raw.name);
  if (name !== undefined && name !== '') ref.name = name;
  const namespace = text(raw.namespace);
  if (namespace !== undefined && namespace !== '') ref.namespace = namespace;
  if (raw.selector !== undefined && raw.selector !== null) ref.selector = raw.selector;
  if (ref.name !== undefined && ref.selector !== undefined) {
    problems.push('spec.paramRef: Forbidden: name and selector are mutually exclusive');
  }
  if (ref.name === undefined && ref.selector === undefined) {
    problems.push('spec.paramRef: Required value: one of name or selector must be set');
  }
  if (raw.parameterNotFoundAction === undefined) {
    problems.push('spec.paramRef.parameterNotFoundAction: Required value');
  }
  return ref;
}

export function isPolicyObject(object: KubeObject): boolean {
  return groupKindOf(object) === POLICY_KIND;
}

export function isBindingObject(object: KubeObject): boolean {
  return groupKindOf(object) === BINDING_KIND;
}
