import type { Finding } from '../engine/finding.ts';
import { DEFAULT_LOAD_OPTIONS, loadTexts } from '../input/load.ts';
import { attemptKey, isStale, runPass } from './fix-pass.ts';
import type { FailedFix, PlannedFix } from './fix-pass.ts';
import { fixTargets, operationsOf } from './fix-targets.ts';

/** Fixes apply in passes: overlapping fixes wait for the next one, at most this many. */
export const MAX_PASSES = 10;

export interface ApplyFixesOptions {
  /** Also apply `suggest` operations (they change what runs). */
  unsafe?: boolean;
  /** File name to load the text as (`.json` matters); defaults to the findings' file. */
  path?: string;
  /** Fresh findings for a fixed text; without it, deferred fixes are re-applied by path. */
  rescan?: (text: string) => readonly Finding[];
}

export interface FixTextResult {
  text: string;
  applied: Finding[];
  failed: FailedFix[];
}

function plan(
  findings: readonly Finding[],
  targetOf: ReturnType<typeof fixTargets>,
  unsafe: boolean,
  failed: FailedFix[],
): PlannedFix[] {
  const planned: PlannedFix[] = [];
  for (const finding of findings) {
    const ops = operationsOf(finding, unsafe);
    if (ops.length === 0) continue;
    const target = targetOf(finding);
    if (target === undefined)
      failed.push({ finding, reason: 'no source position for this object' });
    else
      planned.push({ finding, target, ops, unsafe: unsafe && (finding.suggest?.length ?? 0) > 0 });
  }
  return planned;
}

/** Applies the findings' fixes to one file's text and says which were applied and which failed. */
export function fixText(
  text: string,
  findings: readonly Finding[],
  options: ApplyFixesOptions = {},
): FixTextResult {
  const unsafe = options.unsafe === true;
  const name = options.path ?? findings.find((f) => f.location)?.location?.file ?? 'input.yaml';
  const applied: Finding[] = [];
  const failed: FailedFix[] = [];
  const done = new Set<string>();
  let current = text;
  let pending: readonly Finding[] = findings;
  let pass = 0;
  for (; pass < MAX_PASSES && pending.length > 0; pass++) {
    const loaded = loadTexts([{ path: name, text: current }], DEFAULT_LOAD_OPTIONS);
    const source = loaded.files.get(name)?.text ?? current;
    const result = runPass(plan(pending, fixTargets(loaded, name), unsafe, failed));
    current = result.texts.get(name) ?? source;
    applied.push(...result.applied.map((f) => f.finding));
    failed.push(...result.failed);
    for (const fix of result.applied) done.add(attemptKey(fix.finding, fix.ops));
    if (result.applied.length === 0) {
      failed.push(
        ...result.deferred.map((f) => ({ finding: f.finding, reason: 'overlaps another fix' })),
      );
      break;
    }
    if (options.rescan !== undefined) {
      pending = options
        .rescan(current)
        .filter((f) => !done.has(attemptKey(f, operationsOf(f, unsafe))));
      continue;
    }
    const stale = result.deferred.filter((f) => isStale(f, result.changedSequences));
    failed.push(
      ...stale.map((f) => ({
        finding: f.finding,
        reason: 'stale after an earlier fix; run again',
      })),
    );
    pending = result.deferred.filter((f) => !stale.includes(f)).map((f) => f.finding);
  }
  const leftover = pending.filter((f) => operationsOf(f, unsafe).length > 0);
  if (pass === MAX_PASSES) {
    failed.push(
      ...leftover.map((finding) => ({
        finding,
        reason: `still overlapping after ${MAX_PASSES} passes`,
      })),
    );
  }
  // The loader drops a byte-order mark; put it back.
  if (text.startsWith('\uFEFF') && !current.startsWith('\uFEFF')) current = `\uFEFF${current}`;
  return { text: current, applied, failed };
}

/**
 * The text with every fix of `findings` applied (and `suggest` ones too when `unsafe`), as edits
 * that keep comments and formatting; overlapping fixes are applied over several passes.
 */
export function applyFixes(
  text: string,
  findings: readonly Finding[],
  options: ApplyFixesOptions = {},
): string {
  return fixText(text, findings, options).text;
}
