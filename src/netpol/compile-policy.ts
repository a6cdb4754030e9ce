import type { ObjectPath } from '../engine/finding.ts';
import { formatPath as describe } from '../engine/fingerprint.ts';
import type { ScanObject } from '../model/kube-object.ts';
import { isRecord } from '../model/kube-object.ts';
import { effectiveNamespace } from '../model/scope.ts';
import { compilePeers } from './compile-peers.ts';
import { compilePorts } from './compile-ports.ts';
import { compileSelector } from './label-selector.ts';
import type { CompiledPolicy, CompiledRule, Direction } from './policy-types.ts';

export interface CompileResult {
  /** Undefined when the API server would reject the policy: it does not exist in the cluster. */
  policy: CompiledPolicy | undefined;
  problems: string[];
}

/**
 * Compiles a `networking.k8s.io/v1` NetworkPolicy. A policy the API server's validation would
 * reject (bad selector, port, CIDR or peer) is not compiled at all: it could never be created,
 * so it allows and isolates nothing. The problems say why.
 */
export function compilePolicy(item: ScanObject): CompileResult {
  const problems: string[] = [];
  const spec = isRecord(item.object.spec) ? item.object.spec : {};
  // podSelector is a value (not a pointer) in NetworkPolicySpec: missing decodes to {} = every pod.
  const podSelector = compileSelector(spec.podSelector);
  for (const problem of podSelector.problems) problems.push(`spec.podSelector: ${problem}`);
  const types = policyTypes(spec, problems);
  const ingress = types.has('ingress')
    ? compileRules(spec.ingress, 'ingress', problems)
    : undefined;
  const egress = types.has('egress') ? compileRules(spec.egress, 'egress', problems) : undefined;
  if (problems.length > 0) return { policy: undefined, problems };
  return {
    policy: {
      id: -1,
      item,
      namespace: effectiveNamespace(item.object) ?? 'default',
      name: item.ref.name,
      podSelector,
      ingress,
      egress,
    },
    problems,
  };
}

/**
 * The directions a policy isolates. Without `policyTypes` the API server defaults it to Ingress,
 * plus Egress when `egress` has at least one rule (SetDefaults_NetworkPolicy,
 * https://github.com/kubernetes/kubernetes/blob/master/pkg/apis/networking/v1/defaults.go).
 */
function policyTypes(spec: Record<string, unknown>, problems: string[]): Set<Direction> {
  const raw = spec.policyTypes;
  const out = new Set<Direction>();
  if (Array.isArray(raw) && raw.length > 0) {
    raw.forEach((value: unknown, i) => {
      if (value === 'Ingress') out.add('ingress');
      else if (value === 'Egress') out.add('egress');
      else problems.push(`spec.policyTypes[${i}]: unknown policy type ${JSON.stringify(value)}`);
    });
    return out;
  }
  out.add('ingress');
  if (Array.isArray(spec.egress) && spec.egress.length > 0) out.add('egress');
  return out;
}

function compileRules(raw: unknown, direction: Direction, problems: string[]): CompiledRule[] {
  if (raw === undefined || raw === null) return [];
  const path: ObjectPath = ['spec', direction];
  if (!Array.isArray(raw)) {
    problems.push(`${describe(path)} is not a list`);
    return [];
  }
  const peersKey = direction === 'ingress' ? 'from' : 'to';
  const rules: CompiledRule[] = [];
  raw.forEach((entry: unknown, index) => {
    const at = [...path, index];
    // A null rule decodes to the zero rule {}: every peer, every port.
    const rule = isRecord(entry) ? entry : entry === null ? {} : undefined;
    if (rule === undefined) {
      problems.push(`${describe(at)} is not an object`);
      return;
    }
    rules.push({
      direction,
      index,
      peers: compilePeers(rule[peersKey], [...at, peersKey], problems),
      ports: compilePorts(rule.ports, [...at, 'ports'], problems),
      path: at,
    });
  });
  return rules;
}
