import type { Diagnostic, Finding, Suppression } from './finding.ts';
import { atLeast } from './finding.ts';
import { fingerprintOf } from './fingerprint.ts';
import { interpolate } from './interpolate.ts';
import type { AnyRule, ReportDescriptor, RuleContext } from './rule.ts';
import type { ScanSettings } from './settings.ts';
import { sortFindings } from './sort.ts';
import type { Inventory } from '../model/inventory.ts';
import type { KubeObject, ScanObject } from '../model/kube-object.ts';
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
  // Findings and the objects they are about, side by side (no wrapper object per finding).
  const raw: Finding[] = [];
  const rawItems: ScanObject[] = [];
  const { all, plansByKind } = plans(options.rules, options.settings.ruleOptions);
  const ctx = new Context(inventory, options, (finding, item) => {
    raw.push(finding);
    rawItems.push(item);
  });
  for (const item of inventory.objects) {
    if (options.only !== undefined && !options.only.has(item)) continue;
    const groupKind = groupKindOf(item.object);
    let applicable = plansByKind.get(groupKind);
    if (applicable === undefined) {
      applicable = all.filter((p) => p.kinds === undefined || p.kinds.has(groupKind));
      plansByKind.set(groupKind, applicable);
    }
    let runsPods: boolean | undefined;
    for (const plan of applicable) {
      if (plan.rule.meta.workloadsOnly === true) {
        runsPods ??= podSpecOf(item.object) !== undefined;
        if (!runsPods) continue;
      }
      ctx.bind(plan, item);
      try {
        plan.rule.check(ctx);
      } catch (error) {
        diagnostics.push(ruleCrash(plan.rule, item, error, options));
      }
    }
  }
  const findings: Finding[] = [];
  const suppressed: Finding[] = [];
  const seen = new Set<string>();
  const suppressors = options.suppressors ?? [];
  for (let i = 0; i < raw.length; i++) {
    const finding = raw[i];
    const item = rawItems[i];
    if (finding === undefined || item === undefined) continue;
    if (!atLeast(finding.severity, options.settings.minSeverity)) continue;
    const key =
      options.settings.reportEveryCopy === true
        ? `${finding.fingerprint}\u0000${copyKey(item)}`
        : finding.fingerprint;
    if (seen.has(key)) continue;
    seen.add(key);
    const location = options.locator?.locate(item.origin, finding.path);
    if (location !== undefined) finding.location = location;
    const reasons =
      suppressors.length === 0 ? undefined : suppressionsOf(suppressors, finding, item);
    if (reasons !== undefined && reasons.length > 0) {
      finding.suppressions = reasons;
      suppressed.push(finding);
    } else {
      findings.push(finding);
    }
  }
  return { findings: sortFindings(findings), suppressed: sortFindings(suppressed), diagnostics };
}

function suppressionsOf(
  suppressors: readonly Suppressor[],
  finding: Finding,
  item: ScanObject,
): Suppression[] {
  const reasons: Suppression[] = [];
  for (const suppress of suppressors) {
    const reason = suppress(finding, item);
    if (reason !== undefined) reasons.push(reason);
  }
  return reasons;
}

/** Which copy of an object this is: its document (and List item), or its place in the scan. */
function copyKey(item: ScanObject): string {
  const origin = item.origin;
  if (origin.source !== 'file') return String(item.seq);
  return `${origin.file}\u0000${origin.documentIndex}\u0000${origin.pathPrefix.join('.')}`;
}

interface Plans {
  all: Plan[];
  /** Which plans apply to a kind, worked out once per kind instead of once per object. */
  plansByKind: Map<string, Plan[]>;
}

// The webhook runs the same rules with the same options for every review: plans are made once per
// (rule list, rule options) rather than per call.
const planCache = new WeakMap<readonly AnyRule[], WeakMap<object, Plans>>();

function plans(
  rules: readonly AnyRule[],
  ruleOptions: Readonly<Record<string, Record<string, unknown>>>,
): Plans {
  let byOptions = planCache.get(rules);
  if (byOptions === undefined) {
    byOptions = new WeakMap();
    planCache.set(rules, byOptions);
  }
  let cached = byOptions.get(ruleOptions);
  if (cached === undefined) {
    const all = rules.map((rule) => ({
      rule,
      kinds: rule.meta.kinds === undefined ? undefined : new Set(rule.meta.kinds),
      options: { ...rule.meta.defaultOptions, ...ruleOptions[rule.id] },
      // Shared by every finding of the rule (reporters only read it).
      references: Object.freeze([...rule.meta.references]) as string[],
    }));
    cached = { all, plansByKind: new Map() };
    byOptions.set(ruleOptions, cached);
  }
  return cached;
}

interface Plan {
  rule: AnyRule;
  kinds: ReadonlySet<string> | undefined;
  options: Readonly<Record<string, unknown>>;
  references: string[];
}

/**
 * The context rules see. One instance is re-bound to each (rule, object) pair rather than a new
 * object and closure per pair: a scan of the real-world corpus makes ~280,000 such pairs.
 * Rules run synchronously, so no rule can observe the re-binding.
 */
class Context implements RuleContext<string> {
  readonly inventory: Inventory;
  readonly settings: ScanSettings;
  object!: KubeObject;
  scanObject!: ScanObject;
  options!: Readonly<Record<string, unknown>>;
  readonly #emit: (finding: Finding, item: ScanObject) => void;
  #plan!: Plan;

  constructor(
    inventory: Inventory,
    run: RunOptions,
    emit: (finding: Finding, item: ScanObject) => void,
  ) {
    this.inventory = inventory;
    this.settings = run.settings;
    this.#emit = emit;
  }

  bind(plan: Plan, item: ScanObject): void {
    this.#plan = plan;
    this.options = plan.options;
    this.scanObject = item;
    this.object = item.object;
  }

  report(descriptor: ReportDescriptor<string>): void {
    const { rule, references } = this.#plan;
    const item = this.scanObject;
    const template = (rule.meta.messages as Record<string, string>)[descriptor.messageId];
    if (template === undefined) throw new Error(`unknown messageId "${descriptor.messageId}"`);
    const finding: Finding = {
      ruleId: rule.id,
      severity:
        this.settings.severityOverrides?.[rule.id] ?? descriptor.severity ?? rule.meta.severity,
      category: rule.meta.category,
      title: rule.meta.title,
      object: item.ref,
      path: descriptor.path,
      message: interpolate(template, descriptor.data),
      references,
      fingerprint: fingerprintOf(rule.id, item.ref, descriptor.path, descriptor.discriminator),
    };
    if (descriptor.fix !== undefined && descriptor.fix.length > 0) finding.fix = descriptor.fix;
    if (descriptor.suggest !== undefined && descriptor.suggest.length > 0)
      finding.suggest = descriptor.suggest;
    if (descriptor.evidence !== undefined) finding.evidence = descriptor.evidence;
    this.#emit(finding, item);
  }
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
