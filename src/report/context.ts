import type { Diagnostic, Finding, Severity } from '../engine/finding.ts';
import type { RuleMeta } from '../engine/rule.ts';

/** What a rule looks like to a reporter. */
export interface RuleDescriptor {
  id: string;
  meta: RuleMeta<string>;
  /** Link to the rule's documentation page. */
  helpUri: string;
}

/** The outcome of one scan, as every reporter receives it (already deduplicated and sorted). */
export interface ScanResult {
  findings: readonly Finding[];
  /** Findings that an ignore file, annotation or baseline suppressed (kept, never dropped). */
  suppressed: readonly Finding[];
  diagnostics: readonly Diagnostic[];
  /** Number of files and objects that were scanned. */
  stats: { files: number; objects: number };
}

export interface ReportContext {
  /** Colour the text output (the CLI decides: TTY and no NO_COLOR). */
  color: boolean;
  /** Working directory, for relative paths and SARIF's `originalUriBaseIds`. */
  cwd: string;
  /** Every rule that ran. */
  rules: readonly RuleDescriptor[];
  toolVersion: string;
  /** Threshold the exit code uses; reporters may show it. */
  failOn: Severity;
  /**
   * Text edits that apply a finding's `fix`, for SARIF `fixes`. The engine supplies this once it can turn
   * fix operations into source edits; reporters emit no `fixes` without it.
   */
  fixes?: (finding: Finding) => FileEdits | undefined;
}

/** One replacement in a source file; lines and columns are 1-based, the end is exclusive. */
export interface TextEdit {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
  insertedText: string;
}

/** The edits that fix one finding, all in one file. */
export interface FileEdits {
  file: string;
  edits: readonly TextEdit[];
}

export type Reporter = (result: ScanResult, ctx: ReportContext) => string;
