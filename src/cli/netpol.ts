import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { KubewardError } from '../engine/errors.ts';
import type { Diagnostic } from '../engine/finding.ts';
import { DEFAULT_LOAD_OPTIONS, loadSources } from '../input/index.ts';
import { Inventory } from '../model/inventory.ts';
import type { NetpolModel, Protocol } from '../netpol/index.ts';
import * as netpol from '../netpol/index.ts';
import { intFlag, listFlag, oneOf, parse, sizeFlag } from './args.ts';
import type { CliIo } from './io.ts';
import { EXIT } from './io.ts';

export const NETPOL_HELP = `Usage: kubeward netpol conns|reach|exposure [PATH...] [options]

NetworkPolicy analysis of manifests (files, directories, - for stdin), exactly as the
networking.k8s.io/v1 spec defines it.

Subcommands:
  conns      allowed connections between workloads and external IP ranges, one line each:
             SRC => DST : CONN (the np-guard connlist format)
  reach      whether --from may reach --to (optionally on --port), and which policies and rules decide
  exposure   what each workload exposes: directions no policy protects, access from or to the
             entire cluster and external addresses, NodePort/LoadBalancer Services and Ingresses
             leading to it, egress to cloud metadata addresses

Options:
  -f, --format FORMAT        conns: text | json | csv | md | dot; exposure: text | json | csv | md;
                             reach: text | json (default: text)
  -o, --output FILE          write to FILE instead of standard output
      --from PEER            reach: NAMESPACE/NAME[KIND], NAMESPACE/NAME, NAME (in default) or an IP
      --to PEER              reach: the destination, in the same forms
      --port PORT[/PROTO]    reach: one port, e.g. 8080 or 53/UDP (protocol defaults to TCP)
      --ip-blocks-match-pods let ipBlocks match pods by their status IPs (default: external IPs only)
      --ingress-controller-namespace NS
                             namespace of the stand-in ingress controller (default: ingress-controller-ns)
      --metadata-address IP  exposure: cloud metadata addresses to check; repeatable
                             (default: 169.254.169.254, fd00:ec2::254, 100.100.100.200)
      --max-file-size SIZE   skip larger files with a diagnostic (default: 32MiB)
      --max-depth N          deepest YAML nesting accepted (default: 200)
  -h, --help                 show this help

Exit codes: 0 done (reach: allowed), 1 reach denied, 2 usage or tool error.
`;

const SUBCOMMANDS = ['conns', 'reach', 'exposure'] as const;
const FORMATS = {
  conns: ['text', 'json', 'csv', 'md', 'dot'],
  reach: ['text', 'json'],
  exposure: ['text', 'json', 'csv', 'md'],
} as const;

export async function netpolCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(argv, {
    format: { type: 'string', short: 'f' },
    output: { type: 'string', short: 'o' },
    from: { type: 'string' },
    to: { type: 'string' },
    port: { type: 'string' },
    'ip-blocks-match-pods': { type: 'boolean' },
    'ingress-controller-namespace': { type: 'string' },
    'metadata-address': { type: 'string', multiple: true },
    'max-file-size': { type: 'string' },
    'max-depth': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  const [subcommand, ...paths] = positionals;
  if (values.help === true || subcommand === undefined) {
    io.stdout(NETPOL_HELP);
    return values.help === true ? EXIT.ok : EXIT.error;
  }
  const which = oneOf(subcommand, SUBCOMMANDS, 'netpol subcommand', 'conns');
  const format = oneOf(values.format, FORMATS[which], '--format', 'text');
  const loaded = await loadSources(paths.length === 0 ? ['.'] : paths, {
    ...DEFAULT_LOAD_OPTIONS,
    cwd: io.cwd,
    maxFileSize: sizeFlag(
      values['max-file-size'],
      '--max-file-size',
      DEFAULT_LOAD_OPTIONS.maxFileSize,
    ),
    maxDepth: intFlag(values['max-depth'], '--max-depth', DEFAULT_LOAD_OPTIONS.maxDepth),
    readStdin: () => io.readStdin(),
  });
  const model = netpol.netpolModel(new Inventory(loaded.objects), {
    ipBlocksMatchPods: values['ip-blocks-match-pods'] === true,
    ...(values['ingress-controller-namespace'] === undefined
      ? {}
      : { ingressControllerNamespace: values['ingress-controller-namespace'] }),
  });
  reportProblems(io, loaded.diagnostics, model);
  const write = (text: string) => {
    if (values.output === undefined) io.stdout(text);
    else writeFileSync(path.resolve(io.cwd, values.output), text);
  };
  switch (which) {
    case 'conns': {
      const list = netpol.connectionList(model);
      const render = {
        text: () => netpol.connectionsText(list),
        json: () => netpol.connectionsJson(list),
        csv: () => netpol.connectionsCsv(list),
        md: () => netpol.connectionsMarkdown(list),
        dot: () => netpol.connectionsDot(list, model.workloads),
      };
      write(render[format]());
      return EXIT.ok;
    }
    case 'exposure': {
      const addresses = listFlag(values['metadata-address']);
      const exposures = netpol.exposureOf(model, addresses.length === 0 ? undefined : addresses);
      const render = {
        text: netpol.exposureText,
        json: netpol.exposureJson,
        csv: netpol.exposureCsv,
        md: netpol.exposureMarkdown,
      };
      write(render[format as keyof typeof render](exposures));
      return EXIT.ok;
    }
    case 'reach': {
      const report = {
        from: endpointFlag(model, values.from, '--from'),
        to: endpointFlag(model, values.to, '--to'),
        port: portFlag(values.port),
      };
      if (report.from.kind === 'address' && report.to.kind === 'address') {
        throw new KubewardError(
          'E_USAGE',
          'reach needs a workload on at least one side (--from or --to)',
        );
      }
      const result = {
        from: netpol.endpointLabel(report.from),
        to: netpol.endpointLabel(report.to),
        port: report.port,
        verdicts: netpol.explainReach(model, report.from, report.to),
      };
      write(format === 'json' ? netpol.reachJson(result) : netpol.reachText(result));
      return netpol.reachAllowed(result) ? EXIT.ok : EXIT.findings;
    }
  }
}

function endpointFlag(
  model: NetpolModel,
  value: string | undefined,
  flag: string,
): netpol.ReachEndpoint {
  if (value === undefined) throw new KubewardError('E_USAGE', `reach needs ${flag} (see --help)`);
  const endpoint = netpol.resolveEndpoint(model, value);
  if (typeof endpoint === 'string') throw new KubewardError('E_USAGE', `${flag}: ${endpoint}`);
  return endpoint;
}

function portFlag(value: string | undefined): { protocol: Protocol; port: number } | undefined {
  if (value === undefined) return undefined;
  const [, number, protocol = 'TCP'] = /^(\d{1,5})(?:\/([A-Za-z]+))?$/.exec(value) ?? [];
  const port = Number(number);
  const upper = protocol.toUpperCase();
  if (number === undefined || port < 1 || port > 65535 || !netpol.isProtocol(upper)) {
    throw new KubewardError(
      'E_USAGE',
      `--port must be PORT or PORT/PROTO (TCP, UDP, SCTP); got "${value}"`,
    );
  }
  return { protocol: upper, port };
}

/** Input problems and policies the API server would reject go to stderr; the answer stays clean. */
function reportProblems(io: CliIo, diagnostics: readonly Diagnostic[], model: NetpolModel): void {
  for (const d of diagnostics) {
    if (d.level === 'info') continue;
    const where =
      d.file === undefined ? '' : `${d.file}:${String(d.line ?? 1)}:${String(d.column ?? 1)}: `;
    io.stderr(`kubeward: ${d.level}: ${where}${d.message} [${d.code}]\n`);
  }
  for (const { item, problems } of model.invalidPolicies) {
    const where = item.origin.source === 'file' ? `${item.origin.file}: ` : '';
    const name = `NetworkPolicy ${item.ref.namespace ?? 'default'}/${item.ref.name}`;
    io.stderr(
      `kubeward: warning: ${where}${name} is invalid and ignored: ${problems.join('; ')}\n`,
    );
  }
}
