import type { ConnectionSet } from '../connection-set.ts';
import { formatConnections, isEmptyConnections } from '../connection-set.ts';
import type { WorkloadExposure } from '../exposure.ts';
import { formatInterval } from '../ip-set.ts';

/** One fact of the exposure report: `workload`, `direction`, what it is exposed to, and how. */
export interface ExposureRow {
  readonly workload: string;
  readonly direction: 'ingress' | 'egress';
  /** `unprotected`, `entire-cluster`, `external`, `selector`, `service`, `ingress`, `metadata`. */
  readonly kind: string;
  readonly target: string;
  readonly conn: string;
}

/** The facts worth reporting, sorted by workload then as listed: nothing for a fully closed workload. */
export function exposureRows(exposures: readonly WorkloadExposure[]): ExposureRow[] {
  const rows: ExposureRow[] = [];
  for (const e of exposures) {
    const add = (
      direction: ExposureRow['direction'],
      kind: string,
      target: string,
      conns: ConnectionSet,
    ) => {
      if (!isEmptyConnections(conns))
        rows.push({
          workload: e.workload.id,
          direction,
          kind,
          target,
          conn: formatConnections(conns),
        });
    };
    if (!e.ingressProtected)
      rows.push({
        workload: e.workload.id,
        direction: 'ingress',
        kind: 'unprotected',
        target: '-',
        conn: 'All Connections',
      });
    add('ingress', 'entire-cluster', 'any pod in any namespace', e.fromEntireCluster);
    for (const r of e.fromExternal) add('ingress', 'external', formatInterval(r.range), r.conns);
    for (const r of e.fromSelectors) add('ingress', 'selector', r.target, r.conns);
    for (const door of e.frontDoors) {
      const target = `${door.type} ${door.name} forwards ${formatConnections(door.ports)}`;
      rows.push({
        workload: e.workload.id,
        direction: 'ingress',
        kind: door.via,
        target,
        conn: formatConnections(door.allowed),
      });
    }
    if (!e.egressProtected)
      rows.push({
        workload: e.workload.id,
        direction: 'egress',
        kind: 'unprotected',
        target: '-',
        conn: 'All Connections',
      });
    add('egress', 'entire-cluster', 'any pod in any namespace', e.toEntireCluster);
    for (const r of e.toExternal) add('egress', 'external', formatInterval(r.range), r.conns);
    for (const r of e.toSelectors) add('egress', 'selector', r.target, r.conns);
    for (const m of e.toMetadata) add('egress', 'metadata', m.address, m.conns);
  }
  return rows;
}
