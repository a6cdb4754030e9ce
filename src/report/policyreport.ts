import type { Finding, ObjectRef, Severity } from '../engine/finding.ts';
import { severityRank } from '../engine/finding.ts';
import { formatPath } from '../engine/fingerprint.ts';
import { isClusterScoped } from '../model/scope.ts';
import type { ReportContext, ScanResult } from './context.ts';
import { yamlLibrary } from '../input/yaml-library.ts';

/** A ReportContext that may carry the report time (the CLI reads no clock into reports by default). */
type PolicyReportContext = ReportContext & { generatedAt?: Date };

interface ReportResult {
  policy: string;
  rule: string;
  result: 'fail' | 'skip';
  severity: Severity;
  category: string;
  message: string;
  resources: ObjectRef[];
  source: 'kubeward';
  scored: true;
  properties: Record<string, string>;
  timestamp?: { seconds: number; nanos: number };
}

interface Group {
  first: Finding;
  findings: Finding[];
  suppressed: boolean;
}

const API_VERSION = 'wgpolicyk8s.io/v1alpha2';
const LABELS = { 'app.kubernetes.io/managed-by': 'kubeward' };

/**
 * `wgpolicyk8s.io/v1alpha2` PolicyReport objects (one per namespace) and one ClusterPolicyReport
 * (cluster-scoped objects), as multi-document YAML: one `fail` result per rule and object
 * (several findings of a rule on one object are merged), suppressed findings as `skip`.
 * @example kubeward scan deploy/ --format policyreport | kubectl apply -f -
 */
export function policyreport(result: ScanResult, ctx: ReportContext): string {
  const time = (ctx as PolicyReportContext).generatedAt;
  const byNamespace = new Map<string, Map<string, Group>>();
  const add = (finding: Finding, suppressed: boolean) => {
    const ns = namespaceOf(finding.object) ?? '';
    const groups = byNamespace.get(ns) ?? new Map<string, Group>();
    byNamespace.set(ns, groups);
    const key = JSON.stringify([finding.ruleId, suppressed, refKey(finding.object)]);
    const group = groups.get(key) ?? { first: finding, findings: [], suppressed };
    group.findings.push(finding);
    groups.set(key, group);
  };
  for (const finding of result.findings) add(finding, false);
  for (const finding of result.suppressed) add(finding, true);
  byNamespace.set('', byNamespace.get('') ?? new Map<string, Group>());
  const documents = [...byNamespace.keys()].sort().map((ns) => {
    const results = [...(byNamespace.get(ns)?.values() ?? [])]
      .map((g) => toResult(g, time))
      .sort(compareResults);
    const metadata =
      ns === ''
        ? { name: 'kubeward', labels: LABELS }
        : { name: 'kubeward', namespace: ns, labels: LABELS };
    return {
      apiVersion: API_VERSION,
      kind: ns === '' ? 'ClusterPolicyReport' : 'PolicyReport',
      metadata,
      summary: {
        pass: 0,
        fail: results.filter((r) => r.result === 'fail').length,
        warn: 0,
        error: 0,
        skip: results.filter((r) => r.result === 'skip').length,
      },
      results,
    };
  });
  const { stringify } = yamlLibrary();
  return documents.map((doc) => stringify(doc, { lineWidth: 0 })).join('---\n');
}

function toResult(group: Group, time: Date | undefined): ReportResult {
  const first = group.first;
  const severity = group.findings.reduce<Severity>(
    (worst, f) => (severityRank(f.severity) < severityRank(worst) ? f.severity : worst),
    first.severity,
  );
  const messages = [...new Set(group.findings.map((f) => f.message))];
  const properties: Record<string, string> = {
    fingerprint: group.findings.map((f) => f.fingerprint).join(','),
    path: group.findings.map((f) => formatPath(f.path) || '.').join(','),
  };
  if (first.location !== undefined) {
    properties.file = first.location.file;
    properties.line = String(first.location.line);
  }
  const reasons = group.findings
    .flatMap((f) => f.suppressions ?? [])
    .map((s) => `${s.kind}: ${s.reason}`);
  if (reasons.length > 0) properties.suppressed = [...new Set(reasons)].join('; ');
  const out: ReportResult = {
    policy: first.ruleId,
    rule: first.ruleId,
    result: group.suppressed ? 'skip' : 'fail',
    severity,
    category: first.category,
    message: messages.join('; '),
    resources: [resource(first.object)],
    source: 'kubeward',
    scored: true,
    properties,
  };
  if (time !== undefined) out.timestamp = { seconds: Math.floor(time.getTime() / 1000), nanos: 0 };
  return out;
}

/** The namespace a finding's object lives in, `default` for a namespaced object without one. */
function namespaceOf(ref: ObjectRef): string | undefined {
  if (ref.namespace !== undefined) return ref.namespace;
  return isClusterScoped({ apiVersion: ref.apiVersion, kind: ref.kind }) ? undefined : 'default';
}

function resource(ref: ObjectRef): ObjectRef {
  const ns = namespaceOf(ref);
  return ns === undefined
    ? { apiVersion: ref.apiVersion, kind: ref.kind, name: ref.name }
    : { apiVersion: ref.apiVersion, kind: ref.kind, namespace: ns, name: ref.name };
}

function refKey(ref: ObjectRef): string {
  return `${ref.apiVersion}\u0000${ref.kind}\u0000${ref.namespace ?? ''}\u0000${ref.name}`;
}

function compareResults(a: ReportResult, b: ReportResult): number {
  const ka = `${a.policy}\u0000${a.result}\u0000${a.resources.map(refKey).join()}`;
  const kb = `${b.policy}\u0000${b.result}\u0000${b.resources.map(refKey).join()}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
