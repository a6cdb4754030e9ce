import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { createApp } from '../admission/app.ts';
import { makeWebhookCertificates, serviceDnsNames } from '../admission/certs.ts';
import type { AdmissionEngine } from '../admission/evaluate.ts';
import { webhookManifests } from '../admission/manifests.ts';
import { createMetrics } from '../admission/metrics.ts';
import { watchNamespaces } from '../admission/namespace-cache.ts';
import type { NamespaceLabels } from '../admission/namespace-cache.ts';
import { CROSS_OBJECT_RULES, defaultAdmissionPolicy } from '../admission/policy.ts';
import { listen } from '../admission/server.ts';
import { KubewardError } from '../engine/errors.ts';
import { PSS_LEVELS } from '../engine/settings.ts';
import { selectRules } from '../engine/select-rules.ts';
import { loadKubeConfig } from '../input/cluster.ts';
import { allRules } from '../rules/index.ts';
import { intFlag, listFlag, oneOf, parse, severityFlag } from './args.ts';
import type { CliIo } from './io.ts';
import { EXIT } from './io.ts';

export const WEBHOOK_HELP = `Usage: kubeward webhook serve|certs|manifests [options]

  serve       run the validating (/validate) and mutating (/mutate) admission webhook over TLS,
              with /healthz, /readyz and /metrics (Prometheus)
    --port P                 listen port (default: 8443)      --host H  (default: 0.0.0.0)
    --tls-cert F --tls-key F serving certificate and key (reloaded when the files change)
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
`;

export async function webhookCommand(argv: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'serve') return serveCommand(rest, io);
  if (sub === 'certs') return certsCommand(rest, io);
  if (sub === 'manifests') return manifestsCommand(rest, io);
  if (sub === undefined || sub === '--help' || sub === '-h') {
    io.stdout(WEBHOOK_HELP);
    return EXIT.ok;
  }
  throw new KubewardError('E_USAGE', `unknown webhook command "${sub}" (serve, certs, manifests)`);
}

async function serveCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parse(argv, {
    port: { type: 'string' },
    host: { type: 'string' },
    'tls-cert': { type: 'string' },
    'tls-key': { type: 'string' },
    'fail-on': { type: 'string' },
    'pss-level': { type: 'string' },
    'pss-version': { type: 'string' },
    rules: { type: 'string', multiple: true },
    'exclude-rules': { type: 'string', multiple: true },
    'exempt-namespace': { type: 'string', multiple: true },
    'exempt-user': { type: 'string', multiple: true },
    'exempt-runtime-class': { type: 'string', multiple: true },
    'mutate-unsafe': { type: 'boolean' },
    'mutate-rule': { type: 'string', multiple: true },
    'no-grandfather': { type: 'boolean' },
    kubeconfig: { type: 'string' },
    context: { type: 'string' },
    'drain-seconds': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help === true) {
    io.stdout(WEBHOOK_HELP);
    return EXIT.ok;
  }
  if (values['tls-cert'] === undefined || values['tls-key'] === undefined) {
    throw new KubewardError('E_USAGE', 'webhook serve needs --tls-cert and --tls-key');
  }
  const log = (record: Record<string, unknown>) => {
    io.stdout(`${JSON.stringify({ time: new Date().toISOString(), ...record })}\n`);
  };
  const policy = defaultAdmissionPolicy({
    failOn: severityFlag(values['fail-on'], '--fail-on', 'high'),
    pss: {
      level: oneOf(values['pss-level'], PSS_LEVELS, '--pss-level', 'restricted'),
      version: values['pss-version'] ?? 'latest',
    },
    include: listFlag(values.rules),
    exclude: [...CROSS_OBJECT_RULES, ...listFlag(values['exclude-rules'])],
    exemptions: {
      namespaces: listFlag(values['exempt-namespace']),
      usernames: listFlag(values['exempt-user']),
      runtimeClasses: listFlag(values['exempt-runtime-class']),
    },
    grandfatherExisting: values['no-grandfather'] !== true,
    mutate: {
      unsafe: values['mutate-unsafe'] === true,
      suggestRules: listFlag(values['mutate-rule']),
    },
  });
  const rules = selectRules(allRules, { include: policy.include, exclude: policy.exclude });
  const namespaces = await namespaceWatch(values.kubeconfig, values.context, io, log);
  const engine: AdmissionEngine = {
    rules,
    policy,
    namespaceLabels: (name) => namespaces?.labels(name),
  };
  let draining = false;
  const app = createApp({
    engine: () => engine,
    metrics: createMetrics({ processMetrics: true }),
    log,
    ready: () => !draining,
  });
  const server = await listen(app, {
    port: intFlag(values.port, '--port', 8443),
    host: values.host ?? '0.0.0.0',
    certFile: values['tls-cert'],
    keyFile: values['tls-key'],
    drainSeconds: intFlag(values['drain-seconds'], '--drain-seconds', 10),
    log,
    onDraining: () => {
      draining = true;
    },
  });
  log({
    level: 'info',
    msg: 'listening',
    port: server.port,
    rules: rules.length,
    namespaceWatch: namespaces !== undefined,
  });
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      log({ level: 'info', msg: 'shutting down', signal });
      void Promise.all([server.close(), namespaces?.stop()]).then(() => {
        resolve();
      });
    };
    process.once('SIGTERM', () => {
      stop('SIGTERM');
    });
    process.once('SIGINT', () => {
      stop('SIGINT');
    });
  });
  return EXIT.ok;
}

async function namespaceWatch(
  kubeconfig: string | undefined,
  context: string | undefined,
  io: CliIo,
  log: (r: Record<string, unknown>) => void,
): Promise<NamespaceLabels | undefined> {
  const inCluster = io.env.KUBERNETES_SERVICE_HOST !== undefined;
  if (kubeconfig === undefined && !inCluster) return undefined;
  try {
    const config = loadKubeConfig({
      ...(kubeconfig === undefined ? {} : { kubeconfig }),
      ...(context === undefined ? {} : { context }),
    });
    return await watchNamespaces(config, (error) => {
      log({ level: 'warn', msg: 'namespace watch error', error: String(error) });
    });
  } catch (error) {
    log({
      level: 'warn',
      msg: 'cannot watch namespaces; PSS level comes from the flags',
      error: String(error),
    });
    return undefined;
  }
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
  });
  io.stdout(objects.map((o) => stringify(o)).join('---\n'));
  return EXIT.ok;
}
