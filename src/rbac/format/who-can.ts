import { describeGrantees, granteeOf } from '../risks/grantees.ts';
import type { WhoCanResult } from '../who-can.ts';
import type { WorkloadIndex } from '../workloads.ts';
import { describeObject, describePrincipal, describeRequest } from './describe.ts';

/** One line per subject and grant, subjects aligned; service accounts name the workloads that run as them. */
export function whoCanText(result: WhoCanResult, workloads?: WorkloadIndex): string {
  const rows: [string, string][] = [
    [`Group ${result.superuserGroup}`, 'superuser: allowed everything before RBAC'],
  ];
  for (const grant of result.grants) {
    let subject = describePrincipal(grant.subject);
    if (grant.subject.kind === 'ServiceAccount' && workloads !== undefined) {
      const described = granteeOf(grant.subject, undefined, workloads);
      if (described !== undefined && described.workloads.length > 0)
        subject = describeGrantees([described]);
    }
    const via = `${describeObject(grant.binding)} → ${describeObject(grant.role)} (rule ${grant.ruleIndex})`;
    rows.push([subject, via]);
  }
  const width = Math.min(48, Math.max(...rows.map(([s]) => s.length)));
  const lines = [`Subjects that can ${describeRequest(result.request)}:`];
  let previous = '';
  for (const [subject, via] of rows) {
    if (subject !== previous && subject.length > width) lines.push(`  ${subject}`);
    const shown = subject === previous || subject.length > width ? '' : subject;
    lines.push(`  ${shown.padEnd(width)}  ${via}`);
    previous = subject;
  }
  if (result.unresolved.length > 0) {
    lines.push(
      '',
      'Bindings whose role is not in the input (in a cluster they may grant this too):',
    );
    for (const ref of result.unresolved) lines.push(`  ${describeObject(ref)}`);
  }
  return `${lines.join('\n')}\n`;
}

export function whoCanJson(result: WhoCanResult): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}
