import type { WorkloadExposure } from '../exposure.ts';
import type { ExposureRow } from './exposure-rows.ts';
import { exposureRows } from './exposure-rows.ts';
import { csv, markdownTable } from './table.ts';

const HEADER = ['workload', 'direction', 'kind', 'target', 'conn'];

const TITLES: Readonly<Record<string, string>> = {
  unprotected: 'not protected by any NetworkPolicy',
  'entire-cluster': 'entire cluster',
  external: 'external',
  selector: 'pods',
  service: 'via',
  ingress: 'via',
  metadata: 'cloud metadata',
};

/** Exposure for people: per workload, what reaches it and what it reaches beyond its peers. */
export function exposureText(exposures: readonly WorkloadExposure[]): string {
  const rows = exposureRows(exposures);
  const lines: string[] = [];
  let current = '';
  for (const row of rows) {
    if (row.workload !== current) {
      if (current !== '') lines.push('');
      lines.push(row.workload);
      current = row.workload;
    }
    lines.push(`  ${line(row)}`);
  }
  return lines.length === 0 ? 'No workload is exposed.\n' : `${lines.join('\n')}\n`;
}

function line(row: ExposureRow): string {
  const arrow = row.direction === 'ingress' ? 'ingress from' : 'egress to';
  if (row.kind === 'unprotected') return `${row.direction}: ${TITLES.unprotected ?? ''}`;
  if (row.kind === 'service' || row.kind === 'ingress') {
    return `ingress via ${row.target}; policies allow: ${row.conn === 'No Connections' ? 'nothing' : row.conn}`;
  }
  const target =
    row.kind === 'entire-cluster'
      ? (TITLES['entire-cluster'] ?? '')
      : `${TITLES[row.kind] ?? row.kind} ${row.target}`;
  return `${arrow} ${target}: ${row.conn}`;
}

export function exposureJson(exposures: readonly WorkloadExposure[]): string {
  return `${JSON.stringify(exposureRows(exposures), null, 2)}\n`;
}

export function exposureCsv(exposures: readonly WorkloadExposure[]): string {
  return csv([
    HEADER,
    ...exposureRows(exposures).map((r) => [r.workload, r.direction, r.kind, r.target, r.conn]),
  ]);
}

export function exposureMarkdown(exposures: readonly WorkloadExposure[]): string {
  return markdownTable(
    HEADER,
    exposureRows(exposures).map((r) => [r.workload, r.direction, r.kind, r.target, r.conn]),
  );
}
