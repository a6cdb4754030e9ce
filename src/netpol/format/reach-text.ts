import { formatConnections } from '../connection-set.ts';
import type { Protocol } from '../connection-set.ts';
import type { DirectionVerdict, ReachVerdict } from '../explain.ts';
import { verdictAllows } from '../explain.ts';
import { describePeer, describePolicy, rulePath } from './describe-peer.ts';

export interface ReachReport {
  readonly from: string;
  readonly to: string;
  readonly port: { protocol: Protocol; port: number } | undefined;
  readonly verdicts: readonly ReachVerdict[];
}

/** Whether any pod pair of the report is allowed (the query's answer and the exit code). */
export function reachAllowed(report: ReachReport): boolean {
  return report.verdicts.some((v) => verdictAllows(v, report.port));
}

/** The `kubeward netpol reach` answer for people: the verdict, then each side's policies and rules. */
export function reachText(report: ReachReport): string {
  const on = report.port === undefined ? '' : ` on ${report.port.protocol} ${report.port.port}`;
  const lines = [
    `${report.from} => ${report.to}${on}: ${reachAllowed(report) ? 'ALLOWED' : 'DENIED'}`,
  ];
  for (const verdict of report.verdicts) {
    lines.push('');
    if (report.verdicts.length > 1)
      lines.push(`pods ${labels(verdict.source)} => pods ${labels(verdict.destination)}:`);
    lines.push(`allowed: ${formatConnections(verdict.allowed)}`);
    if (verdict.egress !== undefined) lines.push(...side(verdict.egress, report.from, report.to));
    if (verdict.ingress !== undefined) lines.push(...side(verdict.ingress, report.to, report.from));
    lines.push(...advice(verdict, report));
  }
  return `${lines.join('\n')}\n`;
}

function side(verdict: DirectionVerdict, self: string, other: string): string[] {
  const lines = [''];
  if (!verdict.isolated) {
    lines.push(
      `${verdict.direction} of ${self}: not isolated (no NetworkPolicy for ${verdict.direction} selects it), everything allowed`,
    );
    return lines;
  }
  const count = verdict.policies.length;
  lines.push(
    `${verdict.direction} of ${self}: isolated by ${count} NetworkPolic${count === 1 ? 'y' : 'ies'}`,
  );
  for (const { policy, rules } of verdict.policies) {
    lines.push(`  ${describePolicy(policy)}`);
    if (rules.length === 0)
      lines.push(`    no ${verdict.direction} rules: denies all ${verdict.direction}`);
    for (const r of rules) {
      const peer =
        r.rule.peers === undefined
          ? 'every peer'
          : r.peer === undefined
            ? ''
            : describePeer(r.peer);
      lines.push(
        r.matches
          ? `    ${rulePath(r.rule)} matches ${other} (${peer}): ${formatConnections(r.allows)}`
          : `    ${rulePath(r.rule)} does not match ${other}`,
      );
    }
  }
  lines.push(`  ${verdict.direction} allows: ${formatConnections(verdict.allows)}`);
  return lines;
}

function advice(verdict: ReachVerdict, report: ReachReport): string[] {
  if (verdictAllows(verdict, report.port)) return [];
  const what =
    report.port === undefined ? 'any traffic' : `${report.port.protocol} ${report.port.port}`;
  const blocked = [verdict.egress, verdict.ingress].filter(
    (d): d is DirectionVerdict =>
      d !== undefined &&
      d.isolated &&
      !verdictAllows({ ...verdict, allowed: d.allows }, report.port),
  );
  return [
    '',
    ...blocked.map((d) => {
      const self = d.direction === 'egress' ? report.from : report.to;
      const other = d.direction === 'egress' ? report.to : report.from;
      const key = d.direction === 'egress' ? 'to' : 'from';
      return `blocked by ${d.direction}: no ${d.direction} rule of the policies selecting ${self} allows ${what} ${key} ${other}; add a rule whose ${key} matches ${other} (and whose ports include ${what}) to one of them`;
    }),
  ];
}

function labels(pod: ReachVerdict['source']): string {
  if (pod === undefined) return '(address)';
  const text = Object.entries(pod.labels)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`);
  return `{${text.join(',')}}`;
}
