import { createApp } from '../admission/app.ts';
import { buildEngine } from '../admission/build-engine.ts';
import type { EngineFlags } from '../admission/build-engine.ts';
import { createMetrics } from '../admission/metrics.ts';
import { watchNamespaces } from '../admission/namespace-cache.ts';
import type { NamespaceLabels } from '../admission/namespace-cache.ts';
import { reloadingEngine } from '../admission/reload.ts';
import { listen } from '../admission/server.ts';
import { KubewardError } from '../engine/errors.ts';
import { PSS_LEVELS } from '../engine/settings.ts';
import { loadKubeConfig } from '../input/cluster.ts';
import { allRules } from '../rules/index.ts';
import { todayUtc } from '../suppress/suppressions.ts';
import { intFlag, listFlag, oneOf, parse, severityFlag } from './args.ts';
import type { CliIo } from './io.ts';
import { EXIT } from './io.ts';

type Log = (record: Record<string, unknown>) => void;

/** `kubeward webhook serve`: build the engine (config, policies, flags), listen, reload on change. */
export async function serveCommand(argv: string[], io: CliIo, help: string): Promise<number> {
  const { values } = parse(argv, {
    port: { type: 'string' },
    host: { type: 'string' },
    'tls-cert': { type: 'string' },
    'tls-key': { type: 'string' },
    config: { type: 'string' },
    policy: { type: 'string', multiple: true },
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
    io.stdout(help);
    return EXIT.ok;
  }
  if (values['tls-cert'] === undefined || values['tls-key'] === undefined) {
    throw new KubewardError('E_USAGE', 'webhook serve needs --tls-cert and --tls-key');
  }
  const log: Log = (record) => {
    io.stdout(`${JSON.stringify({ time: new Date().toISOString(), ...record })}\n`);
  };
  const flags: EngineFlags = {
    rules: listFlag(values.rules),
    excludeRules: listFlag(values['exclude-rules']),
    exemptions: {
      namespaces: listFlag(values['exempt-namespace']),
      usernames: listFlag(values['exempt-user']),
      runtimeClasses: listFlag(values['exempt-runtime-class']),
    },
    mutateUnsafe: values['mutate-unsafe'] === true,
    mutateRules: listFlag(values['mutate-rule']),
    noGrandfather: values['no-grandfather'] === true,
  };
  if (values['fail-on'] !== undefined)
    flags.failOn = severityFlag(values['fail-on'], '--fail-on', 'high');
  if (values['pss-level'] !== undefined)
    flags.pssLevel = oneOf(values['pss-level'], PSS_LEVELS, '--pss-level', 'restricted');
  if (values['pss-version'] !== undefined) flags.pssVersion = values['pss-version'];

  const namespaces = await namespaceWatch(values.kubeconfig, values.context, io, log);
  const engine = await reloadingEngine({
    log,
    build: async () => {
      const built = await buildEngine({
        ...(values.config === undefined ? {} : { configFile: values.config }),
        policyPaths: values.policy ?? [],
        cwd: io.cwd,
        flags,
        allRules,
        namespaceLabels: (name) => namespaces?.labels(name),
        today: () => todayUtc(io.env),
      });
      for (const d of built.diagnostics) {
        log({ level: d.level === 'error' ? 'error' : 'warn', msg: d.message, code: d.code });
      }
      return built;
    },
  });
  let draining = false;
  const app = createApp({
    engine: () => engine.current(),
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
  const current = engine.current();
  log({
    level: 'info',
    msg: 'listening',
    port: server.port,
    rules: current.rules.length,
    policies: current.vap?.set.policies.length ?? 0,
    namespaceWatch: namespaces !== undefined,
  });
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      log({ level: 'info', msg: 'shutting down', signal });
      engine.close();
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
  log: Log,
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
