import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { makeWebhookCertificates, serviceDnsNames } from '../admission/certs.ts';
import { DEFAULT_APISERVER_CIDRS, webhookManifests } from '../admission/manifests.ts';
import { KubewardError } from '../engine/errors.ts';
import { intFlag, listFlag, oneOf, parse } from './args.ts';
import type { CliIo } from './io.ts';
import { EXIT } from './io.ts';
import { serveCommand } from './webhook-serve.ts';

export const WEBHOOK_HELP = `Usage: kubeward webhook serve|certs|manifests [options]

  serve       run the validating (/validate) and mutating (/mutate) admission webhook over TLS,
              with /healthz, /readyz and /metrics (Prometheus)
    --port P                 listen port (default: 8443)      --host H  (default: 0.0.0.0)
    --tls-cert F --tls-key F serving certificate and key (reloaded when the files change)
    --config F               .kubeward.yaml (rules, include, exclude, pss, failOn, ignore) with an
                             admission: section (failOn, pss, modes, exemptions, mutate,
                             grandfatherExisting, allowAnnotationSuppressions); flags win
    --policy PATH            ValidatingAdmissionPolicies, bindings and params to enforce on
                             /validate as the API server would; repeatable (files or directories)
                             Config, its .kubewardignore.yaml and policies reload on change; a bad
                             change is logged and the running configuration stays.
    --fail-on SEVERITY       deny findings at or above it (default: high); lower ones warn
    --pss-level L --pss-version V   for namespaces without PSA labels (default: restricted, latest)
    --rules LIST --exclude-rules LIST   as for scan
    --exempt-namespace NS --exempt-user U --exempt-runtime-class C   repeatable
    --mutate-rule ID         let /mutate also apply this rule's behaviour-changing fix; repeatable
    --mutate-unsafe          let /mutate apply every behaviour-changing fix
    --no-grandfather         on UPDATE, deny findings the old object already had
    --kubeconfig F --context C      watch namespace labels with these credentials
                                     (default: in-cluster, else none: flags apply)
    --drain-seconds N        wait for in-flight reviews on SIGTERM (default: 10)
  certs       write a CA and a serving certificate for the webhook Service
    --service S --namespace NS --out DIR  [--ip ADDRESS]... [--days N]
  manifests   print the Deployment, Service, RBAC, PodDisruptionBudget and webhook configurations
    --namespace NS --name N --image I --ca-bundle-file F [--mutate] [--failure-policy Fail|Ignore]
    [--apiserver-cidr CIDR]...  where the API server calls from (default: the private ranges)
`;

export async function webhookCommand(argv: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'serve') return serveCommand(rest, io, WEBHOOK_HELP);
  if (sub === 'certs') return certsCommand(rest, io);
  if (sub === 'manifests') return manifestsCommand(rest, io);
  if (sub === undefined || sub === '--help' || sub === '-h') {
    io.stdout(WEBHOOK_HELP);
    return EXIT.ok;
  }
  throw new KubewardError('E_USAGE', `unknown webhook command "${sub}" (serve, certs, manifests)`);
}

async function certsCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parse(argv, {
    service: { type: 'string' },
    namespace: { type: 'string' },
    out: { type: 'string' },
    ip: { type: 'string', multiple: true },
    days: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help === true) {
    io.stdout(WEBHOOK_HELP);
    return EXIT.ok;
  }
  if (values.service === undefined || values.namespace === undefined || values.out === undefined) {
    throw new KubewardError('E_USAGE', 'webhook certs needs --service, --namespace and --out');
  }
  const certs = await makeWebhookCertificates({
    dnsNames: serviceDnsNames(values.service, values.namespace),
    ipAddresses: values.ip ?? [],
    days: intFlag(values.days, '--days', 365),
  });
  const out = path.resolve(io.cwd, values.out);
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, 'ca.crt'), certs.caCert);
  writeFileSync(path.join(out, 'ca.key'), certs.caKey, { mode: 0o600 });
  writeFileSync(path.join(out, 'tls.crt'), certs.cert);
  writeFileSync(path.join(out, 'tls.key'), certs.key, { mode: 0o600 });
  io.stdout(
    `wrote ca.crt, ca.key, tls.crt, tls.key to ${values.out} for ${certs.dnsNames.join(', ')}\n`,
  );
  return EXIT.ok;
}

async function manifestsCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parse(argv, {
    namespace: { type: 'string' },
    name: { type: 'string' },
    image: { type: 'string' },
    'ca-bundle-file': { type: 'string' },
    mutate: { type: 'boolean' },
    'failure-policy': { type: 'string' },
    'timeout-seconds': { type: 'string' },
    'apiserver-cidr': { type: 'string', multiple: true },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help === true) {
    io.stdout(WEBHOOK_HELP);
    return EXIT.ok;
  }
  const { readFileSync } = await import('node:fs');
  const caBundle =
    values['ca-bundle-file'] === undefined
      ? ''
      : Buffer.from(readFileSync(path.resolve(io.cwd, values['ca-bundle-file']))).toString(
          'base64',
        );
  const objects = webhookManifests({
    namespace: values.namespace ?? 'kubeward',
    name: values.name ?? 'kubeward-webhook',
    image: values.image ?? 'ghcr.io/kubeward/kubeward:0.1.0',
    caBundle,
    mutate: values.mutate === true,
    failurePolicy: oneOf(
      values['failure-policy'],
      ['Fail', 'Ignore'] as const,
      '--failure-policy',
      'Fail',
    ),
    timeoutSeconds: intFlag(values['timeout-seconds'], '--timeout-seconds', 5),
    apiServerCidrs:
      values['apiserver-cidr'] === undefined
        ? DEFAULT_APISERVER_CIDRS
        : listFlag(values['apiserver-cidr']),
  });
  io.stdout(objects.map((o) => stringify(o)).join('---\n'));
  return EXIT.ok;
}
