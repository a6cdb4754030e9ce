import { KubewardError } from '../engine/errors.ts';
import type { Severity } from '../engine/finding.ts';
import type { AnyRule } from '../engine/rule.ts';
import { selectRules } from '../engine/select-rules.ts';
import type { KubewardConfig } from './load-config.ts';
import { configError, schemaProblems } from './schema-problems.ts';
import type { SchemaProblem } from './schema-problems.ts';

export interface RuleFlags {
  /** `--rules`: when given, it replaces the config's `include` and overrides `off`. */
  include: readonly string[];
  /** `--exclude-rules`: added to the config's `exclude`. */
  exclude: readonly string[];
}

export interface ResolvedRules {
  rules: AnyRule[];
  /** Options of configured rules, merged over their defaults and checked against their schemas. */
  ruleOptions: Record<string, Record<string, unknown>>;
  severityOverrides: Record<string, Severity>;
}

function matchesSome(all: readonly AnyRule[], pattern: string): boolean {
  try {
    return selectRules(all, { include: [pattern], exclude: [] }).length > 0;
  } catch {
    return false;
  }
}

/**
 * Applies the config's `rules`, `include` and `exclude` and the rule flags to the rule registry.
 * A configured rule that does not exist, or options its schema rejects, is an `E_CONFIG` error
 * naming the key. Configuring an opt-in rule (with a severity or options) turns it on.
 */
export function resolveRules(
  all: readonly AnyRule[],
  config: KubewardConfig,
  flags: RuleFlags,
): ResolvedRules {
  const byId = new Map(all.map((rule) => [rule.id, rule]));
  const problems: SchemaProblem[] = [];
  const ruleOptions: Record<string, Record<string, unknown>> = {};
  const severityOverrides: Record<string, Severity> = {};
  const off: string[] = [];
  const on: string[] = [];
  for (const [id, setting] of Object.entries(config.rules)) {
    const rule = byId.get(id);
    if (rule === undefined) {
      problems.push({
        path: ['rules', id],
        key: true,
        message: 'no rule has this id (see `kubeward rules`)',
      });
      continue;
    }
    if (setting.severity === 'off') off.push(id);
    else {
      on.push(id);
      if (setting.severity !== undefined) severityOverrides[id] = setting.severity;
    }
    if (setting.options === undefined) continue;
    if (rule.meta.schema === undefined) {
      problems.push({
        path: ['rules', id, 'options'],
        key: true,
        message: 'this rule takes no options',
      });
      continue;
    }
    const merged = { ...rule.meta.defaultOptions, ...setting.options };
    const found = schemaProblems(rule.meta.schema, merged, ['rules', id, 'options']);
    problems.push(...found);
    if (found.length === 0) ruleOptions[id] = merged;
  }
  for (const field of ['include', 'exclude'] as const) {
    config[field].forEach((pattern, i) => {
      if (matchesSome(all, pattern)) return;
      problems.push({
        path: [field, i],
        key: false,
        message: 'no rule matches this selector (see `kubeward rules`)',
      });
    });
  }
  if (problems.length > 0) {
    if (config.source === undefined)
      throw new KubewardError('E_CONFIG', problems.map((p) => p.message).join('\n'));
    throw configError(config.source, problems);
  }
  const include = flags.include.length > 0 ? flags.include : config.include;
  const selectedByFlag = (rule: AnyRule) =>
    flags.include.length > 0 &&
    selectRules([rule], { include: flags.include, exclude: [] }).length > 0;
  const exclude = [...config.exclude, ...flags.exclude];
  let rules = selectRules(all, { include, exclude });
  if (include.length === 0 && all.length > 0) {
    const allowed = new Set(selectRules(all, { include: ['*'], exclude }));
    const optedIn = all.filter((r) => r.meta.optIn === true && on.includes(r.id) && allowed.has(r));
    rules = [...rules, ...optedIn].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
  rules = rules.filter((rule) => !off.includes(rule.id) || selectedByFlag(rule));
  return { rules, ruleOptions, severityOverrides };
}
