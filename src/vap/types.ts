import type { ScanObject } from '../model/kube-object.ts';

export const VALIDATION_ACTIONS = ['Deny', 'Warn', 'Audit'] as const;
export type ValidationAction = (typeof VALIDATION_ACTIONS)[number];
export type FailurePolicy = 'Fail' | 'Ignore';
export type Operation = 'CREATE' | 'UPDATE' | 'DELETE' | 'CONNECT';

/** `NamedRuleWithOperations`, with the API server's defaults applied. */
export interface ResourceRule {
  apiGroups: readonly string[];
  apiVersions: readonly string[];
  resources: readonly string[];
  operations: readonly string[];
  /** `*` (default), `Cluster` or `Namespaced`. */
  scope: string;
  resourceNames: readonly string[];
}

/** `MatchResources`, with defaults (`matchPolicy: Equivalent`, empty selectors match everything). */
export interface MatchResources {
  namespaceSelector: unknown;
  objectSelector: unknown;
  resourceRules: readonly ResourceRule[];
  excludeResourceRules: readonly ResourceRule[];
  matchPolicy: 'Exact' | 'Equivalent';
}

export interface Validation {
  expression: string;
  message?: string;
  messageExpression?: string;
  reason?: string;
}

export interface NamedExpression {
  name: string;
  expression: string;
}

export interface AuditAnnotation {
  key: string;
  valueExpression: string;
}

/** A ValidatingAdmissionPolicy as read from the input. */
export interface VapPolicy {
  name: string;
  paramKind?: { apiVersion: string; kind: string };
  matchConstraints?: MatchResources;
  validations: readonly Validation[];
  auditAnnotations: readonly AuditAnnotation[];
  matchConditions: readonly NamedExpression[];
  variables: readonly NamedExpression[];
  failurePolicy: FailurePolicy;
  /** Why the API server would reject this object, if it would. */
  problems: readonly string[];
  source?: ScanObject;
}

export interface ParamRef {
  name?: string;
  namespace?: string;
  selector?: unknown;
  parameterNotFoundAction: 'Allow' | 'Deny';
}

/** A ValidatingAdmissionPolicyBinding as read from the input. */
export interface VapBinding {
  name: string;
  policyName: string;
  paramRef?: ParamRef;
  matchResources?: MatchResources;
  validationActions: readonly ValidationAction[];
  problems: readonly string[];
  source?: ScanObject;
}

/** One outcome of a policy evaluation, as the validating dispatcher sees it. */
export interface VapDecision {
  /** The binding's validationActions applied to a failed validation (or error). */
  action: ValidationAction;
  message: string;
  /** metav1.StatusReason: `Invalid` (default), `Forbidden`, `RequestEntityTooLarge`. */
  reason: string;
  /** What produced it: a failed validation, an evaluation error, or a configuration error. */
  kind: 'violation' | 'error' | 'config';
  /** Index of the validation (violations and validation errors). */
  validationIndex?: number;
  /** The param object the validation ran with, if any. */
  param?: { namespace?: string; name: string };
}

export interface VapResult {
  decisions: VapDecision[];
  /** `<policy>/<key>` → value, published as the API server would. */
  auditAnnotations: Record<string, string>;
  /** Errors that the failurePolicy `Ignore` swallowed (kept for diagnostics), and cost-limit hits. */
  errors: string[];
  /** False when the policy or binding did not match the request. */
  matched: boolean;
}
