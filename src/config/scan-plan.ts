import path from 'node:path';
import type { Severity } from '../engine/finding.ts';
import type { AnyRule } from '../engine/rule.ts';
import { scanLoaded } from '../engine/scan.ts';
import { defaultSettings } from '../engine/settings.ts';
import type { PssLevel, ScanSettings } from '../engine/settings.ts';
import { sortDiagnostics } from '../engine/sort.ts';
import type { LoadResult } from '../input/load.ts';
import { readBaseline } from '../suppress/baseline.ts';
import { createSuppressions } from '../suppress/suppressions.ts';
import type { Suppressions } from '../suppress/suppressions.ts';
import {
  CONFIG_NAMES,
  IGNORE_NAMES,
  findUpward,
  ignoreFileBeside,
  searchStart,
} from './find-config.ts';
import { EMPTY_CONFIG, loadConfig } from './load-config.ts';
import type { KubewardConfig } from './load-config.ts';
import { loadIgnoreFile } from './load-ignore-file.ts';
import { resolveRules } from './resolve-rules.ts';

/** Command-line choices, already checked; unset ones fall back to the config, then to defaults. */
export interface PlanFlags {
  /** `--config FILE`; otherwise `.kubeward.yaml` is searched upward from the first target. */
  config?: string;
  rules?: readonly string[];
  excludeRules?: readonly string[];
  pssLevel?: PssLevel;
  pssVersion?: string;
  minSeverity?: Severity;
  failOn?: Severity | 'none';
  /** `--baseline FILE`: a saved JSON report whose findings are suppressed. */
  baseline?: string;
  /** `--no-annotation-suppressions`. */
  refuseAnnotations?: boolean;
}

/** Everything a scan (or fix) run needs besides its input. */
export interface ScanPlan {
  config: KubewardConfig;
  /** Absolute paths of the config and ignore files in use. */
  configFile?: string;
  ignoreFile?: string;
  rules: AnyRule[];
  settings: ScanSettings;
  failOn: Severity | 'none';
  suppressions: Suppressions;
}

/** Finds and reads the config and ignore file, and joins them with the flags. */
export function planScan(
  all: readonly AnyRule[],
  targets: readonly string[],
  flags: PlanFlags,
  env: { cwd: string; today: string },
): ScanPlan {
  const start = searchStart(targets, env.cwd);
  const configFile =
    flags.config === undefined
      ? findUpward(start, CONFIG_NAMES)
      : path.resolve(env.cwd, flags.config);
  const config = configFile === undefined ? EMPTY_CONFIG : loadConfig(configFile, env.cwd);
  const ignoreFile =
    configFile === undefined ? findUpward(start, IGNORE_NAMES) : ignoreFileBeside(configFile);
  const ignore = [
    ...config.ignore,
    ...(ignoreFile === undefined ? [] : loadIgnoreFile(ignoreFile, env.cwd)),
  ];
  const resolved = resolveRules(all, config, {
    include: flags.rules ?? [],
    exclude: flags.excludeRules ?? [],
  });
  const annotations = flags.refuseAnnotations !== true && config.annotationSuppressions !== false;
  const settings = defaultSettings({
    pss: {
      level: flags.pssLevel ?? config.pss.level ?? 'restricted',
      version: flags.pssVersion ?? config.pss.version ?? 'latest',
    },
    ruleOptions: resolved.ruleOptions,
    annotationSuppressions: annotations,
    minSeverity: flags.minSeverity ?? 'info',
    severityOverrides: resolved.severityOverrides,
  });
  const baseline = flags.baseline === undefined ? undefined : readBaseline(flags.baseline, env.cwd);
  const suppressions = createSuppressions({
    ignore,
    annotations,
    today: env.today,
    ...(baseline === undefined ? {} : { baseline }),
  });
  const plan: ScanPlan = {
    config,
    rules: resolved.rules,
    settings,
    failOn: flags.failOn ?? config.failOn ?? 'high',
    suppressions,
  };
  if (configFile !== undefined) plan.configFile = configFile;
  if (ignoreFile !== undefined) plan.ignoreFile = ignoreFile;
  return plan;
}

/** Runs a planned scan: rules, suppressions, and the suppressions' own diagnostics. */
export function scanWithPlan(loaded: LoadResult, plan: ScanPlan): ReturnType<typeof scanLoaded> {
  const result = scanLoaded(loaded, {
    rules: plan.rules,
    settings: plan.settings,
    suppressors: plan.suppressions.suppressors,
  });
  const diagnostics = sortDiagnostics([
    ...result.diagnostics,
    ...plan.suppressions.diagnostics(loaded),
  ]);
  return { ...result, diagnostics };
}
