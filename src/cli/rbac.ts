import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { KubewardError } from '../engine/errors.ts';
import { defaultSettings } from '../engine/settings.ts';
import { scanLoaded } from '../engine/scan.ts';
import { DEFAULT_LOAD_OPTIONS, loadSources } from '../input/index.ts';
import { Inventory } from '../model/inventory.ts';
import * as rbac from '../rbac/index.ts';
import { FORMATS, reporters } from '../report/index.ts';
import type { ReportContext } from '../report/index.ts';
import { rbacRules } from '../rules/rbac/index.ts';
import { docsUrl } from '../rules/docs-url.ts';
import { intFlag, oneOf, parse, severityFlag, sizeFlag } from './args.ts';
import type { CliIo } from './io.ts';
import { EXIT, useColor } from './io.ts';
import { exitCodeFor } from './scan.ts';
import { toolVersion } from './version.ts';

export const RBAC_HELP = `Usage: kubeward rbac can-i VERB RESOURCE[.GROUP][/SUBRESOURCE] [NAME] --as USER [options] -f PATH...
       kubeward rbac can-i VERB /non/resource/url --as USER [options] -f PATH...
       kubeward rbac who-can VERB RESOURCE[.GROUP][/SUBRESOURCE] [NAME] [-n NS] -f PATH...
       kubeward rbac risks -f PATH... [--format FORMAT] [--fail-on SEVERITY]
       kubeward rbac paths -f PATH... [--format text|json|dot] [--from TEXT]

RBAC analysis of manifests, decided exactly as the API server's RBAC authorizer decides.

Subcommands:
  can-i      whether a user may make a request, and the binding, role and rule that allow it
  who-can    every subject that may make a request, with the binding and role that grant it
  risks      the risky-permission rules (rbac-*) as findings, through the common reporters
  paths      escalation paths from each subject or workload to cluster-admin-equivalent power,
             shortest first, each step with the grant that allows it

Options:
  -f, --filename PATH        input: a file, a directory (recursive: .yaml, .yml, .json) or - for
                             stdin; repeatable, required
  -n, --namespace NS         namespace of the request; without it the request is cluster-wide
                             (only ClusterRoleBindings apply; there is no fallback to default)
      --as USER              can-i: the user (system:serviceaccount:NS:NAME for a service account)
      --as-group GROUP       can-i: an extra group, as for impersonation; repeatable. The groups the
                             API server adds (system:authenticated, service-account groups) are added
      --include-bootstrap    add Kubernetes' default roles and bindings (v${rbac.BOOTSTRAP_VERSION}): cluster-admin,
                             admin, edit, view, system:*; objects in the input win
      --format FORMAT        can-i, who-can: text | json; paths: text | json | dot;
                             risks: ${FORMATS.join(' | ')} (default: text)
  -o, --output FILE          write to FILE instead of standard output
      --from TEXT            paths: only paths from subjects or workloads whose name contains TEXT
      --max-steps N          paths: longest path reported (default: 8)
      --eks                  paths: also follow EKS-only steps (writing the aws-auth ConfigMap)
      --severity SEVERITY    risks: report only findings at or above SEVERITY (default: info)
      --fail-on SEVERITY     risks: exit 1 when a finding is at or above SEVERITY, or none (default: high)
      --max-file-size SIZE   skip larger files with a diagnostic (default: 32MiB)
  -h, --help                 show this help

Exit codes: can-i 0 allowed, 1 denied; who-can and paths 0; risks 0, or 1 with a finding at or
above --fail-on; 2 usage or tool error.
`;

const SUBCOMMANDS = ['can-i', 'who-can', 'risks', 'paths'] as const;
const FAIL_ON = ['critical', 'high', 'medium', 'low', 'info', 'none'] as const;

export async function rbacCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(argv, {
    filename: { type: 'string', short: 'f', multiple: true },
    namespace: { type: 'string', short: 'n' },
    as: { type: 'string' },
    'as-group': { type: 'string', multiple: true },
    'include-bootstrap': { type: 'boolean' },
    format: { type: 'string' },
    output: { type: 'string', short: 'o' },
    from: { type: 'string' },
    'max-steps': { type: 'string' },
    eks: { type: 'boolean' },
    severity: { type: 'string' },
    'fail-on': { type: 'string' },
    'max-file-size': { type: 'string' },
    'no-color': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  const [subcommand, ...request] = positionals;
  if (values.help === true || subcommand === undefined) {
    io.stdout(RBAC_HELP);
    return values.help === true ? EXIT.ok : EXIT.error;
  }
  const which = oneOf(subcommand, SUBCOMMANDS, 'rbac subcommand', 'can-i');
  const files = values.filename ?? [];
  if (files.length === 0)
    throw new KubewardError(
      'E_USAGE',
      `rbac ${which} needs input: -f PATH (a file, a directory or - for stdin)`,
    );
  const namespace = values.namespace ?? '';
  const write = (text: string) => {
    if (values.output === undefined) io.stdout(text);
    else writeFileSync(path.resolve(io.cwd, values.output), text);
  };
  const parsed = which === 'can-i' || which === 'who-can' ? requestFlag(request) : undefined;
  if (parsed === undefined && request.length > 0)
    throw new KubewardError(
      'E_USAGE',
      `rbac ${which} takes no arguments besides options; got "${request[0] ?? ''}"`,
    );
  if (which === 'can-i' && (values.as === undefined || values.as === ''))
    throw new KubewardError('E_USAGE', 'rbac can-i needs --as USER');

  const loaded = await loadSources(files, {
    ...DEFAULT_LOAD_OPTIONS,
    cwd: io.cwd,
    maxFileSize: sizeFlag(
      values['max-file-size'],
      '--max-file-size',
      DEFAULT_LOAD_OPTIONS.maxFileSize,
    ),
    readStdin: () => io.readStdin(),
  });
  const bootstrap = values['include-bootstrap'] === true;
  if (bootstrap)
    loaded.objects.push(...rbac.bootstrapScanObjects(loaded.objects, loaded.objects.length));
  for (const d of loaded.diagnostics)
    if (d.level === 'error')
      io.stderr(`${d.file ?? ''}:${d.line ?? 0}:${d.column ?? 0}: ${d.message}\n`);

  if (which === 'risks') {
    const format = oneOf(values.format, FORMATS, '--format', 'text');
    const failOn = oneOf(values['fail-on'], FAIL_ON, '--fail-on', 'high');
    const result = scanLoaded(loaded, {
      rules: rbacRules,
      settings: defaultSettings({
        minSeverity: severityFlag(values.severity, '--severity', 'info'),
      }),
    });
    const ctx: ReportContext = {
      color:
        values.output === undefined &&
        format === 'text' &&
        useColor(io, values['no-color'] === true ? false : undefined),
      cwd: io.cwd,
      rules: rbacRules.map((rule) => ({ id: rule.id, meta: rule.meta, helpUri: docsUrl(rule.id) })),
      toolVersion: toolVersion(),
      failOn: failOn === 'none' ? 'critical' : failOn,
    };
    write(reporters[format](result, ctx));
    return exitCodeFor(result, failOn === 'none' ? undefined : failOn);
  }

  const inventory = new Inventory(loaded.objects);
  const index = rbac.rbacIndexOf(inventory, 'none');
  const hint = bootstrap ? undefined : rbac.missingDefaultRoles(index);
  if (hint !== undefined) io.stderr(`kubeward: note: ${hint}; --include-bootstrap adds them\n`);
  switch (which) {
    case 'can-i': {
      const user = values.as ?? '';
      const attributes = {
        ...(parsed ?? requestFlag(request)),
        user,
        groups: rbac.userGroups(user, values['as-group'] ?? []),
        namespace,
      };
      const decision = rbac.authorize(index, attributes);
      const format = oneOf(values.format, ['text', 'json'] as const, '--format', 'text');
      write(
        format === 'json'
          ? rbac.canIJson(attributes, decision)
          : rbac.canIText(attributes, decision, index),
      );
      return decision.allowed ? EXIT.ok : EXIT.findings;
    }
    case 'who-can': {
      const result = rbac.whoCan(index, { ...(parsed ?? requestFlag(request)), namespace });
      const format = oneOf(values.format, ['text', 'json'] as const, '--format', 'text');
      write(
        format === 'json'
          ? rbac.whoCanJson(result)
          : rbac.whoCanText(result, rbac.workloadsOf(inventory)),
      );
      return EXIT.ok;
    }
    case 'paths': {
      const format = oneOf(values.format, ['text', 'json', 'dot'] as const, '--format', 'text');
      const graph = rbac.buildEscalationGraph({
        index,
        workloads: rbac.workloadsOf(inventory),
        privileged: rbac.privilegedNamespacesOf(inventory),
      });
      const paths = rbac.shortestPaths(graph, {
        maxSteps: intFlag(values['max-steps'], '--max-steps', 8),
        ...(values.from === undefined ? {} : { from: values.from }),
        ...(values.eks === true ? { providers: ['eks'] as const } : {}),
      });
      write(
        format === 'json'
          ? rbac.pathsJson(paths)
          : format === 'dot'
            ? rbac.pathsDot(paths, graph.nodes)
            : rbac.pathsText(paths),
      );
      return EXIT.ok;
    }
  }
}

function requestFlag(positionals: readonly string[]): rbac.RequestArg {
  const parsed = rbac.parseRequestArgs(positionals);
  if (typeof parsed === 'string') throw new KubewardError('E_USAGE', `${parsed} (see --help)`);
  return parsed;
}
