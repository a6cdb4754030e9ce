import type { Severity } from '../../../engine/finding.ts';
import { severityRank } from '../../../engine/finding.ts';
import type { SecretMatch } from '../../../secrets/index.ts';

const MAX_LISTED = 3;
// eslint-disable-next-line no-control-regex -- control characters are what it replaces
const UNPRINTABLE = /[\u0000-\u001F\u007F]/g;

/** A name from the manifest, safe and short enough for a one-line message. */
export function shown(name: string): string {
  const clean = name.replace(UNPRINTABLE, '?');
  return clean.length > 64 ? `${clean.slice(0, 61)}...` : clean;
}

interface Group {
  text: string;
  lines: number[];
}

/** Matches of one kind under one key are described once, with all their lines. */
function groupMatches(matches: readonly SecretMatch[]): Group[] {
  const groups = new Map<string, Group>();
  for (const match of matches) {
    let text = match.title;
    if (match.key !== undefined) text += ` under "${shown(match.key)}"`;
    const group = groups.get(text) ?? { text, lines: [] };
    if (!group.lines.includes(match.line)) group.lines.push(match.line);
    groups.set(text, group);
  }
  return [...groups.values()];
}

function describeGroup(group: Group, multiLine: boolean): string {
  if (!multiLine) return group.text;
  const lines = group.lines.slice(0, 5).join(', ');
  const more = group.lines.length > 5 ? ', ...' : '';
  return `${group.text} (line${group.lines.length > 1 ? 's' : ''} ${lines}${more})`;
}

/**
 * What was found, for a message: `a GitHub personal access token`, or for several matches in a
 * file `a hard-coded password under "db.password" (lines 3, 9) and 2 more`. Never a value.
 */
export function describeMatches(matches: readonly SecretMatch[], multiLine: boolean): string {
  const groups = groupMatches(matches);
  const listed = groups.slice(0, MAX_LISTED).map((g) => describeGroup(g, multiLine));
  const rest = groups.length - listed.length;
  if (rest > 0) return `${listed.join(', ')} and ${rest} more`;
  if (listed.length <= 1) return listed[0] ?? '';
  return `${listed.slice(0, -1).join(', ')} and ${listed.at(-1) ?? ''}`;
}

/** The most severe severity among matches. */
export function worstSeverity(matches: readonly SecretMatch[], fallback: Severity): Severity {
  let worst: Severity | undefined;
  for (const match of matches) {
    if (worst === undefined || severityRank(match.severity) < severityRank(worst))
      worst = match.severity;
  }
  return worst ?? fallback;
}

/** Machine-readable facts for `evidence`: detectors, lines and redacted prefixes only. */
export function matchEvidence(matches: readonly SecretMatch[]): Record<string, unknown> {
  return {
    detectors: [...new Set(matches.map((m) => m.detector))],
    matches: matches.map((m) => ({
      detector: m.detector,
      line: m.line,
      ...(m.key === undefined ? {} : { key: m.key }),
      redacted: m.redacted,
    })),
  };
}
