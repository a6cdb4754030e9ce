import type { Severity } from './finding.ts';

export const PSS_LEVELS = ['privileged', 'baseline', 'restricted'] as const;
export type PssLevel = (typeof PSS_LEVELS)[number];

/** Everything a scan needs besides its objects; the CLI, the webhook and tests fill it in. */
export interface ScanSettings {
  /** Pod Security level and version for namespaces without `pod-security.kubernetes.io/enforce` labels. */
  pss: { level: PssLevel; version: string };
  /** Rule options by rule id (already merged with the rules' defaults). */
  ruleOptions: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /** Honour `kubeward.io/ignore` annotations (admission may refuse them). */
  annotationSuppressions: boolean;
  /** Findings below this severity are dropped. */
  minSeverity: Severity;
  /** Severity set by the config for every finding of a rule, by rule id (wins over the rule's own). */
  severityOverrides?: Readonly<Record<string, Severity>>;
  /**
   * Report an object's findings for every file that holds a copy of it (`kubeward fix` edits each
   * copy); by default a finding is reported once, by fingerprint.
   */
  reportEveryCopy?: boolean;
}

export function defaultSettings(overrides: Partial<ScanSettings> = {}): ScanSettings {
  return {
    pss: { level: 'restricted', version: 'latest' },
    ruleOptions: {},
    annotationSuppressions: true,
    minSeverity: 'info',
    ...overrides,
  };
}
