import type { Diagnostic, Finding } from '../engine/finding.ts';
import { KubewardError } from '../engine/errors.ts';
import { fingerprintOf } from '../engine/fingerprint.ts';
import { DEFAULT_LOAD_OPTIONS, Locator, loadSources } from '../input/index.ts';
import { Inventory } from '../model/inventory.ts';
import type { KubeObject } from '../model/kube-object.ts';
import { refOf } from '../model/kube-object.ts';
import {
  ACTION_SEVERITY,
  ResourceResolver,
  denyMessage,
  evaluateVap,
  inventoryParams,
  policySetFrom,
  requestAttributes,
  warningMessage,
} from '../vap/index.ts';
import type { ParamSource, PolicySet, VapDecision } from '../vap/index.ts';
import type { AdmissionRequest } from './review.ts';

/** The ValidatingAdmissionPolicies the webhook enforces, read once per (re)load of `--policy` paths. */
export interface VapGate {
  set: PolicySet;
  params: ParamSource;
  resolver: ResourceResolver;
  /** Rule id of a policy's findings: its name, or `vap:<name>` when a built-in rule has that id. */
  ruleIdOf(policy: string): string;
  /** Warnings about the files (a policy without a binding, say), for the log. */
  diagnostics: Diagnostic[];
}

/** A ValidatingAdmissionPolicy denial as the API server would return it. */
export interface VapDenial {
  message: string;
  reason: string;
  code: number;
}

/** What the policies decided about one request. */
export interface VapVerdict {
  /** One finding per decision (policy name as rule id, severity from the action). */
  findings: Finding[];
  actions: Map<Finding, VapDecision['action']>;
  denials: VapDenial[];
  warnings: string[];
  /** `<policy>/<key>` audit annotations, as the API server keys them. */
  annotations: Record<string, string>;
  /** Audit decisions, shaped as the API server's `validation.policy.admission.k8s.io/validation_failure`. */
  auditFailures: Record<string, unknown>[];
  /** Errors that a policy's `failurePolicy: Ignore` swallowed. */
  errors: string[];
  /** True when some policy and binding matched the request. */
  matched: boolean;
}

const DOCS = 'https://kubernetes.io/docs/reference/access-authn-authz/validating-admission-policy/';
const FAILURE_KEY = 'validation.policy.admission.k8s.io/validation_failure';
/** metav1.StatusReason → HTTP code, as the validating policy dispatcher maps a Deny decision. */
const REASON_CODES: Readonly<Record<string, number>> = {
  Unauthorized: 401,
  Forbidden: 403,
  RequestEntityTooLarge: 413,
};

/**
 * Reads policies, bindings and param objects from `paths`. Anything the API server would refuse
 * (bad YAML, an invalid policy or binding) is an `E_CONFIG` error, so a reload keeps the old set.
 */
export async function loadVapGate(
  paths: readonly string[],
  cwd: string,
  reservedIds: ReadonlySet<string>,
): Promise<VapGate> {
  const loaded = await loadSources(paths, { ...DEFAULT_LOAD_OPTIONS, cwd });
  const locator = new Locator(loaded.files);
  const set = policySetFrom(loaded.objects, (item) => locator.locate(item.origin, []));
  const diagnostics = [...loaded.diagnostics, ...set.diagnostics];
  const errors = diagnostics.filter((d) => d.level === 'error');
  if (errors.length > 0) {
    const where = (d: Diagnostic) =>
      d.file === undefined
        ? ''
        : `${[d.file, d.line, d.column].filter((x) => x !== undefined).join(':')}: `;
    throw new KubewardError('E_CONFIG', errors.map((d) => `${where(d)}${d.message}`).join('\n'));
  }
  const inventory = new Inventory(loaded.objects);
  return {
    set,
    params: inventoryParams(inventory, []),
    resolver: new ResourceResolver(inventory),
    ruleIdOf: (policy) => (reservedIds.has(policy) ? `vap:${policy}` : policy),
    diagnostics: diagnostics.filter((d) => d.level !== 'info'),
  };
}

/**
 * Evaluates every policy through each of its bindings on the request as the API server's
 * ValidatingAdmissionPolicy plugin would: its own operation, objects, user and namespace.
 */
export function evaluateGate(
  gate: VapGate,
  request: AdmissionRequest,
  namespace: (name: string) => KubeObject | undefined,
): VapVerdict {
  const verdict: VapVerdict = {
    findings: [],
    actions: new Map(),
    denials: [],
    warnings: [],
    annotations: {},
    auditFailures: [],
    errors: [],
    matched: false,
  };
  const attributes = requestAttributes(request, gate.resolver);
  const context = { namespace, params: gate.params };
  const target = request.object ?? request.oldObject;
  const ref =
    target === undefined
      ? {
          apiVersion:
            request.kind.group === ''
              ? request.kind.version
              : `${request.kind.group}/${request.kind.version}`,
          kind: request.kind.kind,
          name: request.name ?? '',
        }
      : refOf(target);
  for (const policy of gate.set.policies) {
    for (const binding of gate.set.bindingsOf.get(policy.name) ?? []) {
      const result = evaluateVap(policy, binding, attributes, context);
      verdict.matched ||= result.matched;
      verdict.errors.push(...result.errors);
      for (const [key, value] of Object.entries(result.auditAnnotations)) {
        if (key !== FAILURE_KEY) verdict.annotations[key] = value;
      }
      result.decisions.forEach((d, i) => {
        const ruleId = gate.ruleIdOf(policy.name);
        const discriminator = `${binding.name}|${d.kind}|${String(d.validationIndex ?? i)}|${d.action}`;
        const finding: Finding = {
          ruleId,
          severity: ACTION_SEVERITY[d.action],
          category: 'policy',
          title: `ValidatingAdmissionPolicy ${policy.name}`,
          object: ref,
          path: [],
          message: d.message,
          references: [DOCS],
          fingerprint: fingerprintOf(ruleId, ref, [], discriminator),
          evidence: {
            policy: policy.name,
            binding: binding.name,
            action: d.action,
            reason: d.reason,
            kind: d.kind,
            ...(d.validationIndex === undefined ? {} : { validationIndex: d.validationIndex }),
            ...(d.param === undefined ? {} : { param: d.param }),
          },
        };
        verdict.findings.push(finding);
        verdict.actions.set(finding, d.action);
        if (d.action === 'Deny') {
          const message = denyMessage(policy.name, binding.name, d.message);
          verdict.denials.push({ message, reason: d.reason, code: REASON_CODES[d.reason] ?? 422 });
        } else if (d.action === 'Warn') {
          verdict.warnings.push(warningMessage(policy.name, binding.name, d.message));
        } else {
          verdict.auditFailures.push({
            message: d.message,
            policy: policy.name,
            binding: binding.name,
            expressionIndex: d.validationIndex ?? 0,
            validationActions: binding.validationActions,
          });
        }
      });
    }
  }
  return verdict;
}

/**
 * The namespace a policy sees as `namespaceObject` and matches `namespaceSelector` against: the
 * watch cache's, else one that exists with only the label every namespace has (as offline).
 */
export function namespaceFrom(
  labels: (name: string) => Record<string, string> | undefined,
): (name: string) => KubeObject {
  return (name) => ({
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name, labels: labels(name) ?? { 'kubernetes.io/metadata.name': name } },
  });
}
