import type { Diagnostic } from '../engine/finding.ts';
import type { ScanObject } from '../model/kube-object.ts';
import { describeRef } from '../model/kube-object.ts';
import { isBindingObject, isPolicyObject, readBinding, readPolicy } from './read-policy.ts';
import type { VapBinding, VapPolicy } from './types.ts';

/** The policies and bindings of some objects, paired by `spec.policyName`. */
export interface PolicySet {
  policies: VapPolicy[];
  bindingsOf: ReadonlyMap<string, readonly VapBinding[]>;
  diagnostics: Diagnostic[];
}

/**
 * Collects ValidatingAdmissionPolicies and their bindings. A policy without a binding does
 * nothing (as in a cluster) and is reported as such; objects the API server would reject are
 * reported and kept, so that evaluating them gives the configuration error a server would.
 */
export function policySetFrom(
  objects: readonly ScanObject[],
  locate: (item: ScanObject) => { line: number; column: number } | undefined = () => undefined,
): PolicySet {
  const policies: VapPolicy[] = [];
  const bindingsOf = new Map<string, VapBinding[]>();
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  const diagnostic = located(locate);
  for (const item of objects) {
    if (isPolicyObject(item.object)) {
      const policy = readPolicy(item.object, item);
      if (seen.has(policy.name)) {
        diagnostics.push(
          diagnostic(
            'W_VAP_DUPLICATE',
            `ValidatingAdmissionPolicy "${policy.name}" is defined twice; the first one is used`,
            item,
          ),
        );
        continue;
      }
      seen.add(policy.name);
      policies.push(policy);
      for (const problem of policy.problems) {
        diagnostics.push(diagnostic('E_VAP_INVALID', `${describeRef(item.ref)}: ${problem}`, item));
      }
    } else if (isBindingObject(item.object)) {
      const binding = readBinding(item.object, item);
      const list = bindingsOf.get(binding.policyName) ?? [];
      list.push(binding);
      bindingsOf.set(binding.policyName, list);
      for (const problem of binding.problems) {
        diagnostics.push(diagnostic('E_VAP_INVALID', `${describeRef(item.ref)}: ${problem}`, item));
      }
    }
  }
  for (const policy of policies) {
    if (!bindingsOf.has(policy.name) && policy.source !== undefined) {
      diagnostics.push(
        diagnostic(
          'W_VAP_UNBOUND',
          `ValidatingAdmissionPolicy "${policy.name}" has no binding, so it checks nothing`,
          policy.source,
        ),
      );
    }
  }
  for (const [name, bindings] of bindingsOf) {
    if (seen.has(name)) continue;
    for (const binding of bindings) {
      if (binding.source === undefined) continue;
      diagnostics.push(
        diagnostic(
          'W_VAP_UNBOUND',
          `ValidatingAdmissionPolicyBinding "${binding.name}" names policy "${name}", which is not in the input`,
          binding.source,
        ),
      );
    }
  }
  return { policies, bindingsOf, diagnostics };
}

function located(
  locate: (item: ScanObject) => { line: number; column: number } | undefined,
): (code: string, message: string, item: ScanObject) => Diagnostic {
  return (code, message, item) => {
    const d: Diagnostic = { code, level: code.startsWith('E_') ? 'error' : 'warning', message };
    if (item.origin.source === 'file') {
      d.file = item.origin.file;
      const where = locate(item);
      if (where !== undefined) Object.assign(d, where);
    }
    return d;
  };
}
