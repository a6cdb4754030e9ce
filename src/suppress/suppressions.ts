import type { Diagnostic } from '../engine/finding.ts';
import type { Suppressor } from '../engine/run.ts';
import { Locator } from '../input/locate.ts';
import type { LoadResult } from '../input/load.ts';
import { annotationDiagnostics, annotationSuppressor } from './annotations.ts';
import type { Baseline } from './baseline.ts';
import { baselineSuppressor } from './baseline.ts';
import type { IgnoreEntry } from './ignore-entry.ts';
import { isIsoDate } from './ignore-entry.ts';
import { ignoreMatcher } from './ignore-entries.ts';

export interface SuppressionOptions {
  ignore: readonly IgnoreEntry[];
  /** Honour `kubeward.io/ignore` annotations (admission may refuse them). */
  annotations: boolean;
  baseline?: Baseline;
  /** `YYYY-MM-DD` (UTC): entries that expired before it no longer suppress. */
  today: string;
}

export interface Suppressions {
  suppressors: Suppressor[];
  /** Diagnostics about the suppressions (expired, unused, invalid), once the scan has run. */
  diagnostics(loaded: LoadResult): Diagnostic[];
}

/** Ignore entries, then annotations, then the baseline; a finding keeps every reason that applies. */
export function createSuppressions(options: SuppressionOptions): Suppressions {
  const ignore = ignoreMatcher(options.ignore, options.today);
  const suppressors: Suppressor[] = [ignore.suppress];
  if (options.annotations) suppressors.push(annotationSuppressor);
  if (options.baseline !== undefined) suppressors.push(baselineSuppressor(options.baseline));
  return {
    suppressors,
    diagnostics: (loaded) => [
      ...ignore.diagnostics(),
      ...(options.annotations
        ? annotationDiagnostics(loaded.objects, new Locator(loaded.files))
        : []),
    ],
  };
}

/** Today's date in UTC as `YYYY-MM-DD`; `KUBEWARD_TODAY` pins it (reproducible runs and tests). */
export function todayUtc(
  env: Readonly<Record<string, string | undefined>>,
  now = new Date(),
): string {
  const pinned = env.KUBEWARD_TODAY;
  if (pinned !== undefined && isIsoDate(pinned)) return pinned;
  return now.toISOString().slice(0, 10);
}
