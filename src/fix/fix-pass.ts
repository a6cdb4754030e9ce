import type { Finding, FixOperation } from '../engine/finding.ts';
import { changesSequence, claimsOverlap, EditContexts, editsForFinding } from './finding-edits.ts';
import type { Claim } from './finding-edits.ts';
import type { FixTarget } from './fix-targets.ts';
import { applyEdits, editsConflict } from './text-edit.ts';
import type { Edit } from './text-edit.ts';

/** A finding whose operations are to be applied to its source. */
export interface PlannedFix {
  finding: Finding;
  target: FixTarget;
  ops: FixOperation[];
  /** The operations include behaviour-changing `suggest` ones. */
  unsafe: boolean;
}

export interface FailedFix {
  finding: Finding;
  reason: string;
}

export interface PassResult {
  /** New text of every file that changed, by display path. */
  texts: Map<string, string>;
  applied: PlannedFix[];
  /** Fixes that overlap an applied one: they wait for the next pass. */
  deferred: PlannedFix[];
  failed: FailedFix[];
  /** Sequences whose length an applied fix changed (indices into them are stale now). */
  changedSequences: Claim[];
}

/**
 * One pass: computes each fix's edits on the current text, keeps those that do not overlap an
 * earlier one (in finding order), defers the rest, and applies the kept edits file by file.
 */
export function runPass(fixes: readonly PlannedFix[]): PassResult {
  const contexts = new EditContexts();
  const result: PassResult = {
    texts: new Map(),
    applied: [],
    deferred: [],
    failed: [],
    changedSequences: [],
  };
  const accepted = new Map<string, { edits: Edit[]; claims: Claim[] }>();
  for (const fix of fixes) {
    const computed = editsForFinding(contexts, fix.target, fix.ops);
    if ('error' in computed) {
      result.failed.push({ finding: fix.finding, reason: computed.error });
      continue;
    }
    const text = fix.target.file.text;
    computed.edits = computed.edits.filter((e) => text.slice(e.start, e.end) !== e.text);
    if (computed.edits.length === 0) {
      result.failed.push({ finding: fix.finding, reason: 'the fix changes nothing in the source' });
      continue;
    }
    const file = fix.target.file.path;
    const taken = accepted.get(file) ?? { edits: [], claims: [] };
    const clash =
      computed.edits.some((e) => taken.edits.some((t) => editsConflict(e, t))) ||
      computed.claims.some((c) => taken.claims.some((t) => claimsOverlap(c, t)));
    if (clash) {
      result.deferred.push(fix);
      continue;
    }
    taken.edits.push(...computed.edits);
    taken.claims.push(...computed.claims);
    accepted.set(file, taken);
    result.applied.push(fix);
    fix.ops.forEach((op, i) => {
      const claim = computed.claims[i];
      if (changesSequence(op) && claim !== undefined) result.changedSequences.push(claim);
    });
  }
  for (const fix of result.applied) {
    const file = fix.target.file;
    if (result.texts.has(file.path)) continue;
    result.texts.set(file.path, applyEdits(file.text, accepted.get(file.path)?.edits ?? []));
  }
  return result;
}

/**
 * Identity of a fix attempt: a finding that comes back after its fix in the same file, with the
 * same fingerprint, message and operations, was not resolved by it, and is not fixed again. (The
 * file counts: the engine reports an object found in two files once, so its copy in the second
 * file shows up only after the first is fixed.)
 */
export function attemptKey(finding: Finding, ops: readonly FixOperation[]): string {
  return JSON.stringify([finding.location?.file, finding.fingerprint, finding.message, ops]);
}

/** True when a deferred fix indexes into a sequence an applied fix changed: its paths are stale. */
export function isStale(fix: PlannedFix, changed: readonly Claim[]): boolean {
  return fix.ops.some((op) => {
    const path = [...fix.target.prefix, ...op.path];
    return changed.some(
      (c) =>
        c.document === fix.target.document &&
        path.length > c.path.length &&
        c.path.every((segment, i) => segment === path[i]),
    );
  });
}
