import path from 'node:path';
import type { Severity } from '../engine/finding.ts';
import type { PssLevel } from '../engine/settings.ts';
import { isRecord } from '../model/kube-object.ts';
import { LATEST_MINOR, parseVersion } from '../pss/version.ts';
import type { IgnoreEntry } from '../suppress/ignore-entry.ts';
import { CONFIG_SCHEMA, RULE_OBJECT_SCHEMA, RULE_SEVERITY_SCHEMA } from './config-schema.ts';
import { displayPath } from './display-path.ts';
import { ignoreEntriesAt } from './load-ignore-file.ts';
import { configError, schemaProblems } from './schema-problems.ts';
import type { SchemaProblem } from './schema-problems.ts';
import { YamlSource } from './yaml-source.ts';

/** How the config sets one rule: `off`, a severity, and options (checked against the rule's schema later). */
export interface RuleSetting {
  severity?: Severity | 'off';
  options?: Record<string, unknown>;
}

/** `.kubeward.yaml`, checked and normalised. */
export interface KubewardConfig {
  /** The file it came from, for messages that point into it. */
  source?: YamlSource;
  rules: Record<string, RuleSetting>;
  /** Rule selectors as `--rules` takes them (ids, globs, `category:NAME`). */
  include: string[];
  exclude: string[];
  pss: { level?: PssLevel; version?: string };
  failOn?: Severity | 'none';
  ignore: IgnoreEntry[];
  annotationSuppressions?: boolean;
}

export const EMPTY_CONFIG: KubewardConfig = {
  rules: {},
  include: [],
  exclude: [],
  pss: {},
  ignore: [],
};

function ruleSetting(raw: unknown): RuleSetting {
  if (typeof raw === 'string') return { severity: raw as RuleSetting['severity'] };
  return raw as RuleSetting;
}

/**
 * Reads and checks a config file. Every problem is reported at once, as an `E_CONFIG` error whose
 * lines name the bad key as a config path (`rules.some-rule.severity`) with its line and column.
 */
export function loadConfig(file: string, cwd: string): KubewardConfig {
  const absolute = path.resolve(cwd, file);
  const source = new YamlSource(absolute, displayPath(absolute, cwd));
  const value: unknown = source.value ?? {};
  const problems: SchemaProblem[] = schemaProblems(CONFIG_SCHEMA, value);
  if (!isRecord(value)) throw configError(source, problems);
  const rules: Record<string, RuleSetting> = {};
  for (const [id, raw] of Object.entries(isRecord(value.rules) ? value.rules : {})) {
    const schema = typeof raw === 'string' ? RULE_SEVERITY_SCHEMA : RULE_OBJECT_SCHEMA;
    const found = schemaProblems(schema, raw, ['rules', id]);
    problems.push(...found);
    if (found.length === 0) rules[id] = ruleSetting(raw);
  }
  const pss = isRecord(value.pss) ? (value.pss as KubewardConfig['pss']) : {};
  if (typeof pss.version === 'string' && parseVersion(pss.version) === undefined) {
    const message = `must be v1.0 … v1.${LATEST_MINOR} or latest`;
    problems.push({ path: ['pss', 'version'], key: false, message });
  }
  const ignore = Array.isArray(value.ignore)
    ? ignoreEntriesAt(source, value.ignore, ['ignore'], problems)
    : [];
  if (problems.length > 0) throw configError(source, problems);
  const config: KubewardConfig = {
    source,
    rules,
    include: (value.include as string[] | undefined) ?? [],
    exclude: (value.exclude as string[] | undefined) ?? [],
    pss,
    ignore,
  };
  if (value.failOn !== undefined) config.failOn = value.failOn as Severity | 'none';
  if (typeof value.annotationSuppressions === 'boolean') {
    config.annotationSuppressions = value.annotationSuppressions;
  }
  return config;
}
