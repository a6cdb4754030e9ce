import { LIMITS } from './limits.ts';

/** A `key: value` / `key = value` pair found on one line of an embedded config file. */
export interface EmbeddedPair {
  key: string;
  value: string;
  /** 1-based line in the value. */
  line: number;
}

/**
 * The first assignment on a line: YAML `key: v`, properties/INI/.env `key=v`, `export KEY=v`,
 * JSON `"key": "v"`, PHP `$cfg['key'] = 'v'`, Ruby `key => v`.
 */
const ASSIGNMENT = /(?:^|[\s{,"'[$(])["']?([A-Za-z_][\w.-]{0,127})["'\]]*\s*(?:=>|:=|=|:)\s*(.*)$/;
/** Command-line flags: `--password=secret`, `-token=abc`. */
const FLAG = /(?:^|\s)--?([A-Za-z][\w.-]{0,63})=("[^"]*"|'[^']*'|\S+)/g;
const QUOTED_PREFIX = /^(["'])(.*?)\1/;
const TRAILING_COMMENT = /\s+(?:#|\/\/).*$/;
const TRAILING_PUNCTUATION = /[;,]+$/;

function cleanValue(raw: string): string {
  const trimmed = raw.trim();
  const quoted = QUOTED_PREFIX.exec(trimmed);
  if (quoted?.[2] !== undefined) return quoted[2];
  return trimmed.replace(TRAILING_COMMENT, '').replace(TRAILING_PUNCTUATION, '').trim();
}

/**
 * Key/value pairs on the lines of a multi-line value (an embedded `application.properties`,
 * `config.yaml`, `.env`, shell script…). Bounded: at most 20 000 lines of at most 4 KiB each.
 */
export function embeddedPairs(text: string): EmbeddedPair[] {
  const pairs: EmbeddedPair[] = [];
  const lines = text.split('\n', LIMITS.maxLines);
  lines.forEach((line, index) => {
    if (line.length > LIMITS.maxLineLength) return;
    const seen = new Set<string>();
    const add = (key: string, raw: string): void => {
      const value = cleanValue(raw);
      if (value === '' || seen.has(`${key}\u0000${value}`)) return;
      seen.add(`${key}\u0000${value}`);
      pairs.push({ key, value, line: index + 1 });
    };
    const assignment = ASSIGNMENT.exec(line);
    if (assignment?.[1] !== undefined && assignment[2] !== undefined)
      add(assignment[1], assignment[2]);
    if (line.includes('-')) {
      for (const flag of line.matchAll(FLAG)) {
        if (flag[1] !== undefined && flag[2] !== undefined) add(flag[1], flag[2]);
      }
    }
  });
  return pairs;
}
