import { formatPath } from '../../engine/fingerprint.ts';
import { connectionsToJson, formatConnections } from '../connection-set.ts';
import type { DirectionVerdict } from '../explain.ts';
import { describePeer } from './describe-peer.ts';
import type { ReachReport } from './reach-text.ts';
import { reachAllowed } from './reach-text.ts';

/** The `reach` answer as JSON: the verdict and, per pod pair, each side's policies and rules. */
export function reachJson(report: ReachReport): string {
  const out = {
    from: report.from,
    to: report.to,
    port: report.port === undefined ? null : `${report.port.port}/${report.port.protocol}`,
    allowed: reachAllowed(report),
    pairs: report.verdicts.map((v) => ({
      sourceLabels: v.source?.labels ?? null,
      destinationLabels: v.destination?.labels ?? null,
      conn: formatConnections(v.allowed),
      allowedConnections: connectionsToJson(v.allowed),
      egress: v.egress === undefined ? null : side(v.egress),
      ingress: v.ingress === undefined ? null : side(v.ingress),
    })),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

function side(verdict: DirectionVerdict) {
  return {
    isolated: verdict.isolated,
    conn: formatConnections(verdict.allows),
    policies: verdict.policies.map(({ policy, rules }) => ({
      namespace: policy.namespace,
      name: policy.name,
      file: policy.item.origin.source === 'file' ? policy.item.origin.file : null,
      rules: rules.map((r) => ({
        path: formatPath(r.rule.path),
        matches: r.matches,
        peer: r.peer === undefined ? null : describePeer(r.peer),
        conn: formatConnections(r.allows),
      })),
    })),
  };
}
