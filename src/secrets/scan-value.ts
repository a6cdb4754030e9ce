import type { Severity } from '../engine/finding.ts';
import { embeddedPairs } from './config-lines.ts';
import { findFormats } from './formats/find-formats.ts';
import { LIMITS } from './limits.ts';
import { redact } from './redact.ts';
import { checkNamed } from './scan-named.ts';
import type { NamedCheckOptions } from './scan-named.ts';
import { collectStrings } from './walk.ts';

/** One secret found in a value. Carries only a redacted form, so it is safe to report. */
export interface SecretMatch {
  /** Detector id: a known format (`github-pat`), `password-literal` or `high-entropy-secret`. */
  detector: string;
  /** Noun phrase for messages: `a GitHub personal access token`. */
  title: string;
  severity: Severity;
  /** 1-based line inside the value (1 for single-line values). */
  line: number;
  /** The embedded key the secret sits under (`db.password`), for name-based matches in files. */
  key?: string;
  /** At most the first 4 characters, see `redact`. */
  redacted: string;
}

export interface ScanOptions extends NamedCheckOptions {
  /** Also read multi-line values (and single-line JSON) as config files of key/value pairs. */
  embedded: boolean;
}

const MAX_JSON = 256 * 1024;

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function embeddedJson(value: string): unknown {
  const trimmed = value.trim();
  if (trimmed.length > MAX_JSON || !(trimmed.startsWith('{') || trimmed.startsWith('[')))
    return undefined;
  try {
    return JSON.parse(trimmed) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Finds secrets in one string value: known token formats anywhere in it, then the value judged by
 * the `name` it sits under, then (with `embedded`) the key/value pairs of an embedded config file.
 * A secret found twice on one line is reported once, by its most specific detector.
 * @example scanValue(text, 'DB_PASSWORD', { ...DEFAULT_NAMED_OPTIONS, embedded: false })
 */
export function scanValue(
  value: string,
  name: string | undefined,
  options: ScanOptions,
): SecretMatch[] {
  if (value.length > LIMITS.maxValueLength) return [];
  const matches: SecretMatch[] = [];
  const seen = new Set<string>();
  const add = (
    detection: { id: string; title: string; severity: Severity },
    secret: string,
    line: number,
    key?: string,
  ): void => {
    const identity = `${line}\u0000${secret}`;
    if (seen.has(identity) || matches.length >= LIMITS.maxMatchesPerValue) return;
    seen.add(identity);
    const match: SecretMatch = {
      detector: detection.id,
      title: detection.title,
      severity: detection.severity,
      line,
      redacted: redact(secret),
    };
    if (key !== undefined) match.key = key;
    matches.push(match);
  };
  for (const found of findFormats(value, name))
    add(found, found.secret, lineAt(value, found.index));
  const multiLine = value.includes('\n');
  if (name !== undefined && !multiLine) {
    const named = checkNamed(name, value, options);
    if (named !== undefined) add(named, named.secret, 1);
  }
  if (!options.embedded) return matches;
  if (multiLine) {
    for (const pair of embeddedPairs(value)) {
      const named = checkNamed(pair.key, pair.value, options);
      if (named !== undefined) add(named, named.secret, pair.line, pair.key);
    }
    return matches;
  }
  const json = embeddedJson(value);
  if (json !== undefined) {
    for (const leaf of collectStrings(json)) {
      const named =
        leaf.name === undefined ? undefined : checkNamed(leaf.name, leaf.value, options);
      if (named !== undefined) add(named, named.secret, 1, leaf.name);
    }
  }
  return matches;
}
