import picomatch from 'picomatch';
import type { Diagnostic, Finding, Suppression } from '../engine/finding.ts';
import type { Suppressor } from '../engine/run.ts';
import type { ScanObject } from '../model/kube-object.ts';
import { groupKindOf } from '../model/kinds.ts';
import { effectiveNamespace } from '../model/scope.ts';
import { containerNameOf } from './container-of.ts';
import type { IgnoreEntry } from './ignore-entry.ts';

type Glob = (value: string) => boolean;

interface CompiledEntry {
  entry: IgnoreEntry;
  expired: boolean;
  rule: Glob;
  kind?: Glob;
  namespace?: Glob;
  name?: Glob;
  container?: Glob;
  matches: number;
}

const glob = (pattern: string | undefined): Glob | undefined =>
  pattern === undefined ? undefined : picomatch(pattern, { dot: true });

/** `rule X on Kind ns/name (container c)`, to name an entry in messages. */
export function describeEntry(entry: IgnoreEntry): string {
  const target = [entry.kind, [entry.namespace, entry.name].filter(Boolean).join('/')]
    .filter(Boolean)
    .join(' ');
  const container = entry.container === undefined ? '' : ` container ${entry.container}`;
  return `rule ${entry.rule}${target === '' ? '' : ` on ${target}`}${container}`;
}

function matches(c: CompiledEntry, finding: Finding, item: ScanObject): boolean {
  if (!c.rule(finding.ruleId)) return false;
  if (c.kind !== undefined && !c.kind(finding.object.kind) && !c.kind(groupKindOf(item.object)))
    return false;
  if (c.name !== undefined && !c.name(finding.object.name)) return false;
  if (c.namespace !== undefined) {
    const namespace = effectiveNamespace(item.object);
    if (namespace === undefined || !c.namespace(namespace)) return false;
  }
  if (c.container !== undefined) {
    const container = containerNameOf(item.object, finding.path);
    if (container === undefined || !c.container(container)) return false;
  }
  return true;
}

export interface IgnoreMatcher {
  suppress: Suppressor;
  /** `W_IGNORE_EXPIRED` for each expired entry and `I_IGNORE_UNUSED` for each that matched nothing. */
  diagnostics(): Diagnostic[];
}

/**
 * Suppresses findings that an ignore entry matches (rule, kind, namespace, name and container as
 * globs). Entries past their expiry date (`today` is `YYYY-MM-DD`, UTC) no longer suppress.
 */
export function ignoreMatcher(entries: readonly IgnoreEntry[], today: string): IgnoreMatcher {
  const compiled: CompiledEntry[] = entries.map((entry) => {
    const c: CompiledEntry = {
      entry,
      expired: entry.expires !== undefined && entry.expires < today,
      rule: picomatch(entry.rule, { dot: true }),
      matches: 0,
    };
    for (const field of ['kind', 'namespace', 'name', 'container'] as const) {
      const g = glob(entry[field]);
      if (g !== undefined) c[field] = g;
    }
    return c;
  });
  const suppress: Suppressor = (finding, item) => {
    let found: Suppression | undefined;
    for (const c of compiled) {
      if (!matches(c, finding, item)) continue;
      c.matches++;
      if (c.expired || found !== undefined) continue;
      found = { kind: 'ignoreFile', reason: c.entry.reason };
      if (c.entry.expires !== undefined) found.expires = c.entry.expires;
    }
    return found;
  };
  const diagnostics = () =>
    compiled.flatMap((c): Diagnostic[] => {
      const where = c.entry.source ?? {};
      if (c.expired) {
        const again =
          c.matches === 0 ? '' : `; ${c.matches} finding(s) it matched are reported again`;
        const message = `ignore entry for ${describeEntry(c.entry)} expired on ${c.entry.expires ?? ''} and no longer suppresses${again} (reason was: ${c.entry.reason})`;
        return [{ code: 'W_IGNORE_EXPIRED', level: 'warning', message, ...where }];
      }
      if (c.matches > 0) return [];
      const message = `ignore entry for ${describeEntry(c.entry)} matched no finding; remove it if the problem is gone`;
      return [{ code: 'I_IGNORE_UNUSED', level: 'info', message, ...where }];
    });
  return { suppress, diagnostics };
}
