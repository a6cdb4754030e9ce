import type { Diagnostic } from '../engine/finding.ts';
import type { AnyRule } from '../engine/rule.ts';
import type { LoadOptions, LoadResult } from '../input/load.ts';
import { loadSources } from '../input/load.ts';
import { Locator } from '../input/locate.ts';
import type { ScanObject } from '../model/kube-object.ts';
import { policySetFrom } from './policy-set.ts';
import { isPolicyObject } from './read-policy.ts';
import { vapRules } from './vap-rules.ts';
import type { VapRuleOptions } from './vap-rules.ts';

export interface PolicyRules {
  rules: AnyRule[];
  diagnostics: Diagnostic[];
}

/**
 * The rules of `kubeward scan --policy PATH…`: ValidatingAdmissionPolicies, bindings and param
 * objects read from `paths`, plus those of the scanned input when `fromInput` is set. Policies
 * in the input are not applied by default: a repository's manifests are what is checked, not
 * what checks (a scanned chart must not be able to define, or weaken, the gate it is held to).
 */
export async function loadPolicyRules(
  paths: readonly string[],
  fromInput: boolean,
  scanned: LoadResult,
  loadOptions: LoadOptions,
  options: VapRuleOptions = {},
): Promise<PolicyRules> {
  const diagnostics: Diagnostic[] = [];
  const inputPolicies = scanned.objects.filter((item) => isPolicyObject(item.object));
  if (!fromInput && inputPolicies.length > 0) {
    diagnostics.push({
      code: 'I_VAP_IN_INPUT',
      level: 'info',
      message: `the input holds ${inputPolicies.length} ValidatingAdmissionPolicy object(s); they are not applied without --policies-from-input`,
    });
  }
  if (paths.length === 0 && !fromInput) return { rules: [], diagnostics };
  const fromFiles = paths.length === 0 ? undefined : await loadSources(paths, loadOptions);
  const objects: ScanObject[] = [
    ...(fromFiles?.objects ?? []),
    ...(fromInput ? scanned.objects : []),
  ];
  const locator = new Locator(new Map([...scanned.files, ...(fromFiles?.files ?? new Map())]));
  diagnostics.push(...(fromFiles?.diagnostics ?? []));
  const locate = (item: ScanObject) => {
    const where = locator.locate(item.origin, []);
    return where === undefined ? undefined : { line: where.line, column: where.column };
  };
  diagnostics.push(...policySetFrom(objects, locate).diagnostics);
  return { rules: vapRules(objects, options), diagnostics };
}
