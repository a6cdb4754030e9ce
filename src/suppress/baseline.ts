import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Suppression } from '../engine/finding.ts';
import { KubewardError } from '../engine/errors.ts';
import type { Suppressor } from '../engine/run.ts';
import { isRecord } from '../model/kube-object.ts';

/** Fingerprints of findings accepted by a saved report. */
export interface Baseline {
  /** The report file as the user named it. */
  file: string;
  fingerprints: ReadonlySet<string>;
}

/**
 * Reads a JSON report (`kubeward scan --format json`): its findings, and the suppressed findings
 * that were suppressed by a baseline (so a baseline can be regenerated with `--baseline`), but
 * not those suppressed by an ignore entry or annotation, which have their own expiry.
 */
export function readBaseline(file: string, cwd: string): Baseline {
  let report: unknown;
  try {
    report = JSON.parse(readFileSync(path.resolve(cwd, file), 'utf8'));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new KubewardError('E_INPUT', `cannot read the baseline ${file}: ${reason}`);
  }
  if (!isRecord(report) || !Array.isArray(report.findings)) {
    throw new KubewardError(
      'E_INPUT',
      `${file} is not a kubeward JSON report (\`scan --format json\`): no findings list`,
    );
  }
  const fingerprints = new Set<string>();
  const add = (entry: unknown, onlyBaseline: boolean) => {
    if (!isRecord(entry) || typeof entry.fingerprint !== 'string') return;
    const suppressions: unknown[] = Array.isArray(entry.suppressions) ? entry.suppressions : [];
    if (!onlyBaseline || suppressions.some((s) => isRecord(s) && s.kind === 'baseline')) {
      fingerprints.add(entry.fingerprint);
    }
  };
  for (const entry of report.findings as unknown[]) add(entry, false);
  for (const entry of Array.isArray(report.suppressed) ? (report.suppressed as unknown[]) : [])
    add(entry, true);
  return { file, fingerprints };
}

/** Suppresses findings whose fingerprint the baseline holds, with kind `baseline`. */
export function baselineSuppressor(baseline: Baseline): Suppressor {
  const suppression: Suppression = { kind: 'baseline', reason: `in baseline ${baseline.file}` };
  return (finding) =>
    baseline.fingerprints.has(finding.fingerprint) ? { ...suppression } : undefined;
}
