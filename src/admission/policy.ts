import type { Severity } from '../engine/finding.ts';
import type { PssLevel } from '../engine/settings.ts';

export const ADMISSION_MODES = ['enforce', 'warn', 'audit'] as const;
export type AdmissionMode = (typeof ADMISSION_MODES)[number];

/** How the webhook turns findings into decisions; loaded from the config file's `admission` section. */
export interface AdmissionPolicy {
  /** Findings at or above this severity deny (in enforce mode). */
  failOn: Severity;
  /** PSS level/version for namespaces without labels (or when labels cannot be read). */
  pss: { level: PssLevel; version: string };
  /** Rules to run: ids, globs, `category:NAME`; empty means the default rules. */
  include: string[];
  exclude: string[];
  /** Mode by rule id or `category:NAME`; the rule id wins; default `enforce`. */
  modes: Record<string, AdmissionMode>;
  /** Requests never evaluated, as PodSecurity admission's exemptions. */
  exemptions: { namespaces: string[]; usernames: string[]; runtimeClasses: string[] };
  /** Honour `kubeward.io/ignore` annotations at admission (off: a user could suppress their own denial). */
  allowAnnotationSuppressions: boolean;
  /** On UPDATE, findings the old object already had warn instead of deny (scale-ups keep working). */
  grandfatherExisting: boolean;
  /**
   * Mutation applies every safe fix; behaviour-changing suggestions only for the rules listed in
   * `suggestRules` (e.g. `pss-allow-privilege-escalation`), or for all rules when `unsafe`.
   */
  mutate: { unsafe: boolean; suggestRules: string[] };
  /** Rule options by rule id, as in the scan config. */
  ruleOptions: Record<string, Record<string, unknown>>;
  /** Severity of every finding of a rule, by rule id, as the scan config's `rules.<id>: <severity>`. */
  severityOverrides?: Record<string, Severity>;
}

/**
 * Rules that judge an object against the rest of the cluster (NetworkPolicy coverage, a
 * Deployment's PodDisruptionBudget): at admission the webhook sees one object, so they would
 * report what is merely out of view. Excluded by default; `kubeward cluster scan` runs them.
 */
export const CROSS_OBJECT_RULES = ['category:network', 'deployment-pod-disruption-budget'];

export function defaultAdmissionPolicy(overrides: Partial<AdmissionPolicy> = {}): AdmissionPolicy {
  return {
    failOn: 'high',
    pss: { level: 'restricted', version: 'latest' },
    include: [],
    exclude: [...CROSS_OBJECT_RULES],
    modes: {},
    exemptions: { namespaces: [], usernames: [], runtimeClasses: [] },
    allowAnnotationSuppressions: false,
    grandfatherExisting: true,
    mutate: { unsafe: false, suggestRules: [] },
    ruleOptions: {},
    ...overrides,
  };
}

export function modeOf(policy: AdmissionPolicy, ruleId: string, category: string): AdmissionMode {
  return policy.modes[ruleId] ?? policy.modes[`category:${category}`] ?? 'enforce';
}
