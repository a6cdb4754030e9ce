import type { Severity } from '../../engine/finding.ts';

/** What a match is: a stable id (aligned with Trivy's secret rule ids where one exists), a title. */
export interface Detection {
  id: string;
  /** Noun phrase with its article, for messages: `an AWS access key ID`. */
  title: string;
  severity: Severity;
}

export interface DetectorContext {
  /** The whole value being scanned. */
  text: string;
  /** The field or variable name the value sits under, when known. */
  name: string | undefined;
}

/** A known credential format. */
export interface FormatDetector extends Detection {
  /** Cheap prefilter: the pattern runs only when one of these occurs in the text. */
  keywords?: readonly string[];
  /** Keywords are lower-case and compared with the lower-cased text. */
  ignoreCase?: boolean;
  /** Prefilter for detectors without literal keywords. */
  applies?: (context: DetectorContext) => boolean;
  /** Global pattern compiled once; group 1 (or the whole match) is the secret. */
  pattern: RegExp;
  /** Extra proof: false rejects the match; a Detection replaces id, title and severity. */
  validate?: (secret: string, context: DetectorContext) => boolean | Detection;
}
