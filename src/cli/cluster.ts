import { KubewardError } from '../engine/errors.ts';
import { defaultSettings, PSS_LEVELS } from '../engine/settings.ts';
import { scanLoaded } from '../engine/scan.ts';
import { selectRules } from '../engine/select-rules.ts';
import { loadCluster } from '../input/cluster.ts';
import { allRules } from '../rules/index.ts';
import { docsUrl } from '../rules/docs-url.ts';
import { FORMATS, reporters } from '../report/index.ts';
import { listFlag, oneOf, parse, severityFlag, intFlag } from './args.ts';
import type { CliIo } from './io.ts';
import { EXIT, useColor } from './io.ts';
import { exitCodeFor } from './scan.ts';
import { Inventory } from '../model/inventory.ts';
import { formatReadiness, pssReadiness } from '../pss/readiness.ts';
import { toolVersion } from './version.ts';

export const CLUSTER_HELP = `Usage: kubeward cluster scan|pss [options]

  kubeward cluster pss: each namespace's enforced Pod Security level (labels, or none) and the
  workloads that restricted:latest would reject (text, or --format json).

Scans a live cluster, read-only: lists every kind the analyzers read (paginated), builds the same
inventory as a file scan and runs every rule. Findings name kind/namespace/name. A Deployment's
ReplicaSets and Pods (and a CronJob's Jobs) are not reported again: findings go on the owner.

Options:
      --kubeconfig FILE      kubeconfig to use (default: $KUBECONFIG or ~/.kube/config)
      --context NAME         kubeconfig context (default: the current one)
  -n, --namespace NS         scan one namespace (cluster-scoped RBAC objects are skipped)
  -A, --all-namespaces       scan every namespace (the default)
      --include-secrets      also read Secrets (off by default: least privilege)
      --page-size N          objects per list request (default: 500)
      --request-timeout S    seconds one list request may take (default: 30)
  -f, --format FORMAT        ${FORMATS.join(' | ')} (default: text)
      --severity, --fail-on, --rules, --exclude-rules, --pss-level, --pss-version, --no-color
                             as for \`kubeward scan\`
  -h, --help                 show this help
`;

export async function clusterCommand(argv: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === undefined || sub === '--help' || sub === '-h') {
    io.stdout(CLUSTER_HELP);
    return EXIT.ok;
  }
  if (sub !== 'scan' && sub !== 'pss') {
    throw new KubewardError('E_USAGE', `unknown cluster command "${sub}" (scan, pss)`);
  }
  const { values } = parse(rest, {
    kubeconfig: { type: 'string' },
    context: { type: 'string' },
    namespace: { type: 'string', short: 'n' },
    'all-namespaces': { type: 'boolean', short: 'A' },
    'include-secrets': { type: 'boolean' },
    'page-size': { type: 'string' },
    'request-timeout': { type: 'string' },
    format: { type: 'string', short: 'f' },
    severity: { type: 'string' },
    'fail-on': { type: 'string' },
    rules: { type: 'string', multiple: true },
    'exclude-rules': { type: 'string', multiple: true },
    'pss-level': { type: 'string' },
    'pss-version': { type: 'string' },
    'no-color': { type: 'boolean' },
    verbose: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help === true) {
    io.stdout(CLUSTER_HELP);
    return EXIT.ok;
  }
  if (values.namespace !== undefined && values['all-namespaces'] === true) {
    throw new KubewardError('E_USAGE', '--namespace and --all-namespaces exclude each other');
  }
  const format = oneOf(values.format, FORMATS, '--format', 'text');
  const failOn = oneOf(
    values['fail-on'],
    ['critical', 'high', 'medium', 'low', 'info', 'none'] as const,
    '--fail-on',
    'high',
  );
  const rules = selectRules(allRules, {
    include: listFlag(values.rules),
    exclude: listFlag(values['exclude-rules']),
  });
  const settings = defaultSettings({
    pss: {
      level: oneOf(values['pss-level'], PSS_LEVELS, '--pss-level', 'restricted'),
      version: values['pss-version'] ?? 'latest',
    },
    minSeverity: severityFlag(values.severity, '--severity', 'info'),
  });
  const showProgress = io.isTTY || values.verbose === true;
  const cluster = await loadCluster({
    ...(values.kubeconfig === undefined ? {} : { kubeconfig: values.kubeconfig }),
    ...(values.context === undefined ? {} : { context: values.context }),
    ...(values.namespace === undefined ? {} : { namespace: values.namespace }),
    includeSecrets: values['include-secrets'] === true,
    pageSize: intFlag(values['page-size'], '--page-size', 500),
    requestTimeoutMs: intFlag(values['request-timeout'], '--request-timeout', 30) * 1000,
    ...(showProgress
      ? {
          progress: (message: string) => {
            io.stderr(`kubeward: ${message}\n`);
          },
        }
      : {}),
  });
  if (sub === 'pss') {
    const rows = pssReadiness(new Inventory(cluster.objects));
    for (const d of cluster.diagnostics) io.stderr(`kubeward: ${d.message}\n`);
    io.stdout(
      format === 'json'
        ? `${JSON.stringify({ namespaces: rows }, null, 2)}\n`
        : formatReadiness(rows),
    );
    return EXIT.ok;
  }
  const result = scanLoaded(
    { objects: cluster.objects, diagnostics: cluster.diagnostics, files: new Map() },
    { rules, settings },
  );
  io.stdout(
    reporters[format](result, {
      color: format === 'text' && useColor(io, values['no-color'] === true ? false : undefined),
      cwd: io.cwd,
      rules: rules.map((rule) => ({ id: rule.id, meta: rule.meta, helpUri: docsUrl(rule.id) })),
      toolVersion: toolVersion(),
      failOn: failOn === 'none' ? 'critical' : failOn,
    }),
  );
  return exitCodeFor(result, failOn === 'none' ? undefined : failOn);
}
