import type { Diagnostic, Finding, Suppression } from './finding.ts';
import { atLeast } from './finding.ts';
import { fingerprintOf } from './fingerprint.ts';
import { interpolate } from './interpolate.ts';
import type { AnyRule, ReportDescriptor, RuleContext } from './rule.ts';
import type { ScanSettings } from './settings.ts';
import { sortFindings } from './sort.ts';
import type { Inventory } from '../model/inventory.ts';
import type { ScanObject } from '../model/kube-object.ts';
import { describeRef } from '../model/kube-object.ts';
import { groupKindOf } from '../model/kinds.ts';
import { podSpecOf } from '../model/pod-spec.ts';
import type { Locator } from '../input/locate.ts';

/** Decides whether a finding is suppressed, and why. */
export type Suppressor = (finding: Finding, item: ScanObject) => Suppression | undefined;

export interface RunOptions {
  rules: readonly AnyRule[];
  settings: ScanSettings;
  /** Resolves file positions; omitted for objects that did not come from files. */
  locator?: Locator;
  suppressors?: readonly Suppressor[];
  /** Check only these objects (the rest of the inventory is context, e.g. at admission). */
  only?: ReadonlySet<ScanObject>;
}

export interface RunResult {
  findings: Finding[];
  suppressed: Finding[];
  diagnostics: Diagnostic[];
}

/**
 * Runs rules over every object of an inventory. A rule that throws becomes a diagnostic for that
 * rule and object; the other rules still run. Findings come back located, deduplicated by
 * fingerprint and sorted (file, line, column, rule).
 */
export function runRules(inventory: Inventory, options: RunOptions): RunResult {
  const diagnostics: Diagnostic[] = [];
  const raw: { finding: Finding; item: ScanObject }[] = [];
  const plans = options.rules.map((rule) => ({
    rule,
    kinds: rule.meta.kinds === undefined ? undefined : new Set(rule.meta.kinds),
    // Merged once per scan, not per object.
    options: { ...rule.meta.defaultOptions, ...options.settings.ruleOptions[rule.id] },
  }));
  for (const item of inventory.objects) {
    if (options.only !== undefined && !options.only.has(item)) continue;
    const groupKind = groupKindOf(item.object);
    let runsPods: boolean | undefined;
    for (const { rule, kinds, options: ruleOptions } of plans) {
      if (kinds !== undefined && !kinds.has(groupKind)) continue;
      if (rule.meta.workloadsOnly === true) {
        runsPods ??= podSpecOf(item.object) !== undefined;
        if (!runsPods) continue;
      }
      try {
        rule.check(
          contextFor(rule, ruleOptions, item, inventory, options, (finding) =>
            raw.push({ finding, item }),
          ),
        );
      } catch (error) {
        diagnostics.push(ruleCrash(rule, item, error, options));
      }
    }
  }
  const findings: Finding[] = [];
  const suppressed: Finding[] = [];
  const seen = new Set<string>();
  for (const { finding, item } of raw) {
    if (!atLeast(finding.severity, options.settings.minSeverity)) continue;
    const key =
      options.settings.reportEveryCopy === true
        ? `${finding.fingerprint}\u0000${copyKey(item)}`
        : finding.fingerprint;
    if (seen.has(key)) continue;
    seen.add(key);
    const location = options.locator?.locate(item.origin, finding.path);
    if (location !== undefined) finding.location = location;
    const reasons = (options.suppressors ?? [])
      .map((suppress) => suppress(finding, item))
      .filter((s): s is Suppression => s !== undefined);
    if (reasons.length > 0) {
      finding.suppressions = reasons;
      suppressed.push(finding);
    } else {
      findings.push(finding);
    }
  }
  return { findings: sortFindings(findings), suppressed: sortFindings(suppressed), diagnostics };
}

/** Which copy of an object this is: its document (and List item), or its place in the scan. */
function copyKey(item: ScanObject): string {
  const origin = item.origin;
  if (origin.source !== 'file') return String(item.seq);
  return `${origin.file}\u0000${origin.documentIndex}\u0000${origin.pathPrefix.join('.')}`;
}

function contextFor(
  rule: AnyRule,
  ruleOptions: Readonly<Record<string, unknown>>,
  item: ScanObject,
  inventory: Inventory,
  options: RunOptions,
  emit: (finding: Finding) => void,
): RuleContext<string> {
  return {
    object: item.object,
    scanObject: item,
    inventory,
    settings: options.settings,
    options: ruleOptions,
    report(descriptor: ReportDescriptor<string>) {
      const template = (rule.meta.messages as Record<string, string>)[descriptor.messageId];
      if (template === undefined) throw new Error(`unknown messageId "${descriptor.messageId}"`);
      const finding: Finding = {
        ruleId: rule.id,
        severity:
          options.settings.severityOverrides?.[rule.id] ??
          descriptor.severity ??
          rule.meta.severity,
        category: rule.meta.category,
        title: rule.meta.title,
        object: item.ref,
        path: descriptor.path,
        message: interpolate(template, descriptor.data),
        references: [...rule.meta.references],
        fingerprint: fingerprintOf(rule.id, item.ref, descriptor.path, descriptor.discriminator),
      };
      if (descriptor.fix !== undefined && descriptor.fix.length > 0) finding.fix = descriptor.fix;
      if (descriptor.suggest !== undefined && descriptor.suggest.length > 0)
        finding.suggest = descriptor.suggest;
      if (descriptor.evidence !== undefined) finding.evidence = descriptor.evidence;
      emit(finding);
    },
  };
}

function ruleCrash(
  rule: AnyRule,
  item: ScanObject,
  error: unknown,
  options: RunOptions,
): Diagnostic {
  const where = options.locator?.locate(item.origin, []);
  const detail = error instanceof Error ? error.message : String(error);
  const diagnostic: Diagnostic = {
    code: 'E_RULE_FAILED',
    level: 'error',
    message: `rule ${rule.id} failed on ${describeRef(item.ref)}: ${detail}`,
    ruleId: rule.id,
  };
  if (where !== undefined) {
    diagnostic.file = where.file;
    diagnostic.line = where.line;
    diagnostic.column = where.column;
  }
  return diagnostic;
}
