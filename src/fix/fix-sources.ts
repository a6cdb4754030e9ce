import type { Finding } from '../engine/finding.ts';
import type { LoadResult } from '../input/load.ts';
import { MAX_PASSES } from './apply-fixes.ts';
import { attemptKey, runPass } from './fix-pass.ts';
import type { FailedFix, PlannedFix } from './fix-pass.ts';
import { fixTargets, operationsOf } from './fix-targets.ts';

export interface FixSourcesOptions {
  /** Also apply `suggest` operations. */
  unsafe: boolean;
  /** Runs the rules: the findings (not suppressed) of a load. */
  scan: (loaded: LoadResult) => readonly Finding[];
  /** Loads the given texts as files of those display paths (the same options as the first load). */
  reload: (files: readonly { path: string; text: string }[]) => LoadResult;
  /** Which findings to fix (e.g. `--rule`); default all. */
  select?: (finding: Finding) => boolean;
  /** Files that may be edited; default all. */
  writable?: (file: string) => boolean;
}

export interface FixSourcesResult {
  /** Text of every loaded file before and after, by display path (equal when unchanged). */
  files: Map<string, { before: string; after: string }>;
  /** Applied fixes, in order; a finding fixed in a later pass was found by the re-scan. */
  applied: PlannedFix[];
  failed: FailedFix[];
  passes: number;
}

/**
 * Fixes loaded files in place, in memory: scan, apply the fixes that do not overlap, re-scan the
 * fixed texts and go again while fixable findings remain (at most `MAX_PASSES` passes). A fix
 * whose finding is still there after it was applied is not applied twice.
 */
export function fixSources(loaded: LoadResult, options: FixSourcesOptions): FixSourcesResult {
  const files = new Map([...loaded.files].map(([p, f]) => [p, { before: f.text, after: f.text }]));
  const result: FixSourcesResult = { files, applied: [], failed: [], passes: 0 };
  const settled = new Set<string>();
  const writable = options.writable ?? (() => true);
  let current = loaded;
  let deferred: PlannedFix[] = [];
  while (result.passes < MAX_PASSES) {
    const targetOf = fixTargets(current);
    const planned: PlannedFix[] = [];
    for (const finding of options.scan(current)) {
      const ops = operationsOf(finding, options.unsafe);
      if (ops.length === 0 || settled.has(attemptKey(finding, ops))) continue;
      if (options.select !== undefined && !options.select(finding)) continue;
      const target = targetOf(finding);
      if (target === undefined || !writable(target.file.path)) continue;
      const unsafe = options.unsafe && (finding.suggest?.length ?? 0) > 0;
      planned.push({ finding, target, ops, unsafe });
    }
    if (planned.length === 0) {
      deferred = [];
      break;
    }
    result.passes++;
    const pass = runPass(planned);
    result.applied.push(...pass.applied);
    result.failed.push(...pass.failed);
    for (const fix of pass.applied) settled.add(attemptKey(fix.finding, fix.ops));
    for (const { finding } of pass.failed)
      settled.add(attemptKey(finding, operationsOf(finding, options.unsafe)));
    deferred = pass.deferred;
    if (pass.applied.length === 0) break;
    for (const [path, text] of pass.texts) {
      const entry = files.get(path);
      if (entry !== undefined) entry.after = text;
    }
    current = options.reload([...files].map(([path, f]) => ({ path, text: f.after })));
  }
  const reason = `still overlapping another fix after ${MAX_PASSES} passes`;
  result.failed.push(...deferred.map((fix) => ({ finding: fix.finding, reason })));
  return result;
}
