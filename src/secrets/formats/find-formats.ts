import type { Severity } from '../../engine/finding.ts';
import { LIMITS } from '../limits.ts';
import { isPlaceholder } from '../placeholder.ts';
import type { FormatDetector } from './detector.ts';
import { STRUCTURED_FORMATS } from './structured.ts';
import { VENDOR_TOKENS } from './vendor-tokens.ts';

/** Every known format, most specific first. */
export const FORMAT_DETECTORS: readonly FormatDetector[] = [
  ...VENDOR_TOKENS,
  ...STRUCTURED_FORMATS,
];

/** A known-format match inside a value; `secret` stays inside the engine and is never reported. */
export interface FormatMatch {
  id: string;
  title: string;
  severity: Severity;
  /** Offset of the match in the value. */
  index: number;
  secret: string;
}

function prefilter(detector: FormatDetector, text: string, lower: () => string): boolean {
  const keywords = detector.keywords;
  if (keywords === undefined) return true;
  const haystack = detector.ignoreCase === true ? lower() : text;
  return keywords.some((keyword) => haystack.includes(keyword));
}

/**
 * Runs every format detector over one value (at most 1 MiB), dropping placeholders such as
 * `sk_live_xxxxxxxxxxxx` and matches that fail a detector's own validation.
 */
export function findFormats(text: string, name: string | undefined): FormatMatch[] {
  if (text.length > LIMITS.maxValueLength) return [];
  let lowered: string | undefined;
  const lower = (): string => (lowered ??= text.toLowerCase());
  const context = { text, name };
  const matches: FormatMatch[] = [];
  for (const detector of FORMAT_DETECTORS) {
    if (!prefilter(detector, text, lower)) continue;
    if (detector.applies !== undefined && !detector.applies(context)) continue;
    let count = 0;
    for (const match of text.matchAll(detector.pattern)) {
      if (++count > LIMITS.maxMatchesPerDetector) break;
      const secret = match[1] ?? match[0];
      if (isPlaceholder(secret)) continue;
      const verdict = detector.validate === undefined ? true : detector.validate(secret, context);
      if (verdict === false) continue;
      const detection = verdict === true ? detector : verdict;
      matches.push({
        id: detection.id,
        title: detection.title,
        severity: detection.severity,
        index: match.index,
        secret,
      });
    }
  }
  return matches;
}
