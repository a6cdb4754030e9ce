import path from 'node:path';
import type { Diagnostic, Severity } from '../engine/finding.ts';
import type { AnyRule } from '../engine/rule.ts';
import type { Suppressor } from '../engine/run.ts';
import type { PssLevel } from '../engine/settings.ts';
import { IGNORE_NAMES, ignoreFileBeside } from '../config/find-config.ts';
import { EMPTY_CONFIG } from '../config/load-config.ts';
import { loadIgnoreFile } from '../config/load-ignore-file.ts';
import { resolveRules } from '../config/resolve-rules.ts';
import { isSeverity } from '../engine/finding.ts';
import { createSuppressions } from '../suppress/suppressions.ts';
import type { IgnoreEntry } from '../suppress/ignore-entry.ts';
import { loadWebhookConfig } from './admission-config.ts';
import type { WebhookConfig } from './admission-config.ts';
import type { AdmissionEngine } from './evaluate.ts';
import { CROSS_OBJECT_RULES, defaultAdmissionPolicy } from './policy.ts';
import type { AdmissionPolicy } from './policy.ts';
import { loadVapGate } from './vap-gate.ts';

/** What `webhook serve` was given on the command line; unset values fall back to the config. */
export interface EngineFlags {
  failOn?: Severity;
  pssLevel?: PssLevel;
  pssVersion?: string;
  /** `--rules`: replaces the config's `include`. */
  rules: string[];
  /** `--exclude-rules`: added to the config's `exclude`. */
  excludeRules: string[];
  /** `--exempt-*`: added to the config's exemptions. */
  exemptions: { namespaces: string[]; usernames: string[]; runtimeClasses: string[] };
  mutateUnsafe: boolean;
  /** `--mutate-rule`: added to the config's `mutate.suggestRules`. */
  mutateRules: string[];
  noGrandfather: boolean;
}

export interface EngineInputs {
  /** `--config FILE` (`.kubeward.yaml` shape with an `admission:` section). */
  configFile?: string;
  /** `--policy PATH…`: ValidatingAdmissionPolicies, bindings and params. */
  policyPaths: readonly string[];
  cwd: string;
  flags: EngineFlags;
  allRules: readonly AnyRule[];
  namespaceLabels(name: string): Record<string, string> | undefined;
  /** `YYYY-MM-DD` (UTC), read per request so ignore entries expire without a reload. */
  today(): string;
}

export interface BuiltEngine {
  engine: AdmissionEngine;
  /** Warnings worth logging (a policy without a binding, say). */
  diagnostics: Diagnostic[];
  /** Files whose change should rebuild the engine (config, its ignore file, policy paths). */
  watched: string[];
}

/**
 * Builds the whole engine from files and flags, so that a reload can swap it in one step.
 * Precedence: flags, then the config's `admission:` section, then its scan keys, then defaults.
 * Throws a `KubewardError` (E_CONFIG, E_USAGE, E_INPUT) for anything wrong.
 */
export async function buildEngine(inputs: EngineInputs): Promise<BuiltEngine> {
  const { flags } = inputs;
  const loaded: WebhookConfig =
    inputs.configFile === undefined
      ? { config: EMPTY_CONFIG, admission: {} }
      : loadWebhookConfig(inputs.configFile, inputs.cwd, inputs.allRules);
  const { config, admission } = loaded;
  const resolved = resolveRules(inputs.allRules, config, {
    include: flags.rules,
    exclude: [...CROSS_OBJECT_RULES, ...flags.excludeRules],
  });
  const union = (a: readonly string[] | undefined, b: readonly string[]) => [
    ...new Set([...(a ?? []), ...b]),
  ];
  const policy: AdmissionPolicy = defaultAdmissionPolicy({
    // A scan's `failOn: none` (report only) is not carried over: admission needs a threshold.
    failOn:
      flags.failOn ??
      admission.failOn ??
      (config.failOn !== undefined && isSeverity(config.failOn) ? config.failOn : 'high'),
    pss: {
      level: flags.pssLevel ?? admission.pss?.level ?? config.pss.level ?? 'restricted',
      version: flags.pssVersion ?? admission.pss?.version ?? config.pss.version ?? 'latest',
    },
    include: flags.rules.length > 0 ? flags.rules : config.include,
    exclude: [...CROSS_OBJECT_RULES, ...config.exclude, ...flags.excludeRules],
    modes: admission.modes ?? {},
    exemptions: {
      namespaces: union(admission.exemptions?.namespaces, flags.exemptions.namespaces),
      usernames: union(admission.exemptions?.usernames, flags.exemptions.usernames),
      runtimeClasses: union(admission.exemptions?.runtimeClasses, flags.exemptions.runtimeClasses),
    },
    allowAnnotationSuppressions: admission.allowAnnotationSuppressions ?? false,
    grandfatherExisting: !flags.noGrandfather && admission.grandfatherExisting !== false,
    mutate: {
      unsafe: flags.mutateUnsafe || admission.mutate?.unsafe === true,
      suggestRules: union(admission.mutate?.suggestRules, flags.mutateRules),
    },
    ruleOptions: resolved.ruleOptions,
    severityOverrides: resolved.severityOverrides,
  });
  const configFile =
    inputs.configFile === undefined ? undefined : path.resolve(inputs.cwd, inputs.configFile);
  const ignoreFile = configFile === undefined ? undefined : ignoreFileBeside(configFile);
  const ignore = [
    ...config.ignore,
    ...(ignoreFile === undefined ? [] : loadIgnoreFile(ignoreFile, inputs.cwd)),
  ];
  const reserved = new Set(inputs.allRules.map((r) => r.id));
  const vap =
    inputs.policyPaths.length === 0
      ? undefined
      : await loadVapGate(inputs.policyPaths, inputs.cwd, reserved);
  const engine: AdmissionEngine = {
    rules: resolved.rules,
    policy,
    namespaceLabels: (name) => inputs.namespaceLabels(name),
    suppressors: suppressorsFor(ignore, policy.allowAnnotationSuppressions, () => inputs.today()),
  };
  if (vap !== undefined) engine.vap = vap;
  return {
    engine,
    diagnostics: vap?.diagnostics ?? [],
    watched: [
      // Both ignore file names, so that one created later is noticed too.
      ...(configFile === undefined
        ? []
        : [configFile, ...IGNORE_NAMES.map((n) => path.join(path.dirname(configFile), n))]),
      ...inputs.policyPaths.map((p) => path.resolve(inputs.cwd, p)),
    ],
  };
}

/**
 * Ignore entries (written by whoever runs the webhook, with reasons and expiry dates) always
 * apply; `kubeward.io/ignore` annotations (written by whoever writes the manifest) only when the
 * config allows them. Rebuilt when the day changes, so an entry stops suppressing after its date.
 */
function suppressorsFor(
  ignore: readonly IgnoreEntry[],
  annotations: boolean,
  today: () => string,
): Suppressor[] {
  if (ignore.length === 0 && !annotations) return [];
  let day = '';
  let current: Suppressor[] = [];
  return [
    (finding, item) => {
      const now = today();
      if (now !== day) {
        day = now;
        current = createSuppressions({ ignore, annotations, today: now }).suppressors;
      }
      for (const suppress of current) {
        const reason = suppress(finding, item);
        if (reason !== undefined) return reason;
      }
      return undefined;
    },
  ];
}
