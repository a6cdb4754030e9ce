import path from 'node:path';
import { SEVERITIES } from '../engine/finding.ts';
import type { Severity } from '../engine/finding.ts';
import type { AnyRule } from '../engine/rule.ts';
import type { PssLevel } from '../engine/settings.ts';
import {
  CONFIG_SCHEMA,
  RULE_OBJECT_SCHEMA,
  RULE_SEVERITY_SCHEMA,
} from '../config/config-schema.ts';
import { displayPath } from '../config/display-path.ts';
import type { KubewardConfig, RuleSetting } from '../config/load-config.ts';
import { ignoreEntriesAt } from '../config/load-ignore-file.ts';
import { configError, schemaProblems } from '../config/schema-problems.ts';
import type { SchemaProblem } from '../config/schema-problems.ts';
import { YamlSource } from '../config/yaml-source.ts';
import { isRecord } from '../model/kube-object.ts';
import { LATEST_MINOR, parseVersion } from '../pss/version.ts';
import { ADMISSION_MODES } from './policy.ts';
import type { AdmissionMode } from './policy.ts';

/** The `admission:` section of the webhook's `--config` file; unset keys fall back (see buildEngine). */
export interface AdmissionSection {
  failOn?: Severity;
  pss?: { level?: PssLevel; version?: string };
  modes?: Record<string, AdmissionMode>;
  exemptions?: { namespaces?: string[]; usernames?: string[]; runtimeClasses?: string[] };
  mutate?: { unsafe?: boolean; suggestRules?: string[] };
  grandfatherExisting?: boolean;
  allowAnnotationSuppressions?: boolean;
}

/** A `.kubeward.yaml` (shared with `kubeward scan`) plus its `admission:` section. */
export interface WebhookConfig {
  config: KubewardConfig;
  admission: AdmissionSection;
}

const stringList = { type: 'array', items: { type: 'string', minLength: 1 } } as const;
const PSS_SCHEMA = CONFIG_SCHEMA.properties.pss;

export const ADMISSION_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    failOn: { enum: [...SEVERITIES] },
    pss: PSS_SCHEMA,
    modes: { type: 'object', additionalProperties: { enum: [...ADMISSION_MODES] } },
    exemptions: {
      type: 'object',
      additionalProperties: false,
      properties: { namespaces: stringList, usernames: stringList, runtimeClasses: stringList },
    },
    mutate: {
      type: 'object',
      additionalProperties: false,
      properties: { unsafe: { type: 'boolean' }, suggestRules: stringList },
    },
    grandfatherExisting: { type: 'boolean' },
    allowAnnotationSuppressions: { type: 'boolean' },
  },
} as const;

const WEBHOOK_CONFIG_SCHEMA = {
  ...CONFIG_SCHEMA,
  properties: { ...CONFIG_SCHEMA.properties, admission: ADMISSION_SCHEMA },
} as const;

/**
 * Reads the webhook's config: the scan config's keys (rules, include, exclude, pss, failOn,
 * ignore) checked as `kubeward scan` checks them, and the `admission:` section (ajv), whose rule
 * ids and categories must exist. Every problem is one `E_CONFIG` error with positions.
 */
export function loadWebhookConfig(
  file: string,
  cwd: string,
  rules: readonly AnyRule[],
): WebhookConfig {
  const absolute = path.resolve(cwd, file);
  const source = new YamlSource(absolute, displayPath(absolute, cwd));
  const value: unknown = source.value ?? {};
  const problems: SchemaProblem[] = schemaProblems(WEBHOOK_CONFIG_SCHEMA, value);
  if (!isRecord(value)) throw configError(source, problems);
  const ruleSettings: Record<string, RuleSetting> = {};
  for (const [id, raw] of Object.entries(isRecord(value.rules) ? value.rules : {})) {
    const schema = typeof raw === 'string' ? RULE_SEVERITY_SCHEMA : RULE_OBJECT_SCHEMA;
    const found = schemaProblems(schema, raw, ['rules', id]);
    problems.push(...found);
    if (found.length === 0)
      ruleSettings[id] =
        typeof raw === 'string' ? { severity: raw as Severity } : (raw as RuleSetting);
  }
  const admission = (isRecord(value.admission) ? value.admission : {}) as AdmissionSection;
  const pss = (isRecord(value.pss) ? value.pss : {}) as KubewardConfig['pss'];
  for (const [at, version] of [
    [['pss', 'version'], pss.version],
    [['admission', 'pss', 'version'], admission.pss?.version],
  ] as const) {
    if (typeof version === 'string' && parseVersion(version) === undefined)
      problems.push({
        path: at,
        key: false,
        message: `must be v1.0 … v1.${LATEST_MINOR} or latest`,
      });
  }
  problems.push(...unknownRules(admission, rules));
  const ignore = Array.isArray(value.ignore)
    ? ignoreEntriesAt(source, value.ignore, ['ignore'], problems)
    : [];
  if (problems.length > 0) throw configError(source, problems);
  const config: KubewardConfig = {
    source,
    rules: ruleSettings,
    include: (value.include as string[] | undefined) ?? [],
    exclude: (value.exclude as string[] | undefined) ?? [],
    pss,
    ignore,
  };
  if (value.failOn !== undefined) config.failOn = value.failOn as Severity | 'none';
  return { config, admission };
}

/** Mode keys and mutate rules must name a rule (or, for modes, `category:NAME` of some rule). */
function unknownRules(admission: AdmissionSection, rules: readonly AnyRule[]): SchemaProblem[] {
  const ids = new Set(rules.map((r) => r.id));
  const categories = new Set(rules.map((r) => `category:${r.meta.category}`));
  const problems: SchemaProblem[] = [];
  for (const key of Object.keys(isRecord(admission.modes) ? admission.modes : {})) {
    if (ids.has(key) || categories.has(key)) continue;
    const message = key.startsWith('category:')
      ? 'no rule has this category (see `kubeward rules`)'
      : 'no rule has this id (see `kubeward rules`; policies follow their validationActions)';
    problems.push({ path: ['admission', 'modes', key], key: true, message });
  }
  const suggest = Array.isArray(admission.mutate?.suggestRules)
    ? admission.mutate.suggestRules
    : [];
  suggest.forEach((id, i) => {
    if (typeof id === 'string' && !ids.has(id))
      problems.push({
        path: ['admission', 'mutate', 'suggestRules', i],
        key: false,
        message: 'no rule has this id (see `kubeward rules`)',
      });
  });
  return problems;
}
