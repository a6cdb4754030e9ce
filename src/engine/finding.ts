/** Severities, most severe first; the order is used for sorting and for `--fail-on`. */
export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** A path into a Kubernetes object, e.g. `['spec', 'containers', 0, 'securityContext']`. */
export type PathSegment = string | number;
export type ObjectPath = readonly PathSegment[];

/** Identity of a Kubernetes object, as the API server names it. */
export interface ObjectRef {
  apiVersion: string;
  kind: string;
  namespace?: string;
  name: string;
}

/**
 * Where a finding points. Lines and columns are 1-based (columns in UTF-16 code units, as SARIF
 * expects); `exact` is false when the field is missing and the range is that of its closest ancestor.
 */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  exact: boolean;
}

/** A JSON-Patch-shaped edit on the object, addressed by path (not by JSON Pointer string). */
export interface FixOperation {
  op: 'add' | 'replace' | 'remove';
  path: ObjectPath;
  value?: unknown;
}

export interface Suppression {
  kind: 'ignoreFile' | 'annotation' | 'baseline';
  reason: string;
  expires?: string;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  category: string;
  title: string;
  object: ObjectRef;
  /** Path of the field the finding is about, inside `object` (List items are already unwrapped). */
  path: ObjectPath;
  message: string;
  location?: SourceLocation;
  /** Behaviour-preserving edits. */
  fix?: FixOperation[];
  /** Edits that change what runs; applied only on request. */
  suggest?: FixOperation[];
  /** Machine-readable facts behind the finding (never secret values). */
  evidence?: Record<string, unknown>;
  references: string[];
  /** Stable across runs: rule id + object identity + path (+ discriminator). */
  fingerprint: string;
  suppressions?: Suppression[];
}

export const DIAGNOSTIC_LEVELS = ['error', 'warning', 'info'] as const;
export type DiagnosticLevel = (typeof DIAGNOSTIC_LEVELS)[number];

/** A problem with the input or the tool, not with the scanned configuration. */
export interface Diagnostic {
  /** Stable code, e.g. `E_YAML_SYNTAX`, `W_UNKNOWN_KIND`. */
  code: string;
  level: DiagnosticLevel;
  message: string;
  file?: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  ruleId?: string;
}

export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

/** True when `severity` is at least as severe as `threshold`. */
export function atLeast(severity: Severity, threshold: Severity): boolean {
  return severityRank(severity) <= severityRank(threshold);
}

export function isSeverity(value: unknown): value is Severity {
  return typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value);
}
