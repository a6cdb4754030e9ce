// A webhook for tests and benches (not shipped: the build excludes `__fixtures__`): the default
// engine, the app around it, and a TLS listener on loopback with fresh certificates.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Hono } from 'hono';
import { selectRules } from '../../engine/select-rules.ts';
import { allRules } from '../../rules/index.ts';
import { createApp } from '../app.ts';
import type { WebhookEnv } from '../app.ts';
import { makeWebhookCertificates } from '../certs.ts';
import type { AdmissionEngine } from '../evaluate.ts';
import { createMetrics } from '../metrics.ts';
import { CROSS_OBJECT_RULES, defaultAdmissionPolicy } from '../policy.ts';
import type { AdmissionPolicy } from '../policy.ts';
import { listen } from '../server.ts';
import type { RunningServer } from '../server.ts';

/** Every rule that can judge one object alone, as `webhook serve` selects them by default. */
export function admissionEngine(
  options: {
    policy?: AdmissionPolicy;
    namespaceLabels?: (name: string) => Record<string, string> | undefined;
  } = {},
): AdmissionEngine {
  return {
    rules: selectRules(allRules, { include: [], exclude: CROSS_OBJECT_RULES }),
    policy: options.policy ?? defaultAdmissionPolicy(),
    namespaceLabels: options.namespaceLabels ?? (() => undefined),
  };
}

export function webhookApp(
  engine: AdmissionEngine,
  log: (record: Record<string, unknown>) => void = () => undefined,
): Hono<WebhookEnv> {
  return createApp({
    engine: () => engine,
    metrics: createMetrics({ processMetrics: false }),
    log,
    ready: () => true,
  });
}

export interface LoopbackCertificates {
  dir: string;
  certFile: string;
  keyFile: string;
  caFile: string;
  caCert: string;
}

/** A CA and a serving certificate for localhost / 127.0.0.1, written to a new temporary directory. */
export async function loopbackCertificates(prefix: string): Promise<LoopbackCertificates> {
  const certs = await makeWebhookCertificates({
    dnsNames: ['localhost'],
    ipAddresses: ['127.0.0.1'],
  });
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  const write = (name: string, text: string): string => {
    writeFileSync(path.join(dir, name), text);
    return path.join(dir, name);
  };
  return {
    dir,
    certFile: write('tls.crt', certs.cert),
    keyFile: write('tls.key', certs.key),
    caFile: write('ca.crt', certs.caCert),
    caCert: certs.caCert,
  };
}

/** Serves the app over TLS on 127.0.0.1, on a port the system picks. */
export function listenOnLoopback(
  app: Hono<WebhookEnv>,
  certs: LoopbackCertificates,
): Promise<RunningServer> {
  return listen(app, {
    port: 0,
    host: '127.0.0.1',
    certFile: certs.certFile,
    keyFile: certs.keyFile,
    drainSeconds: 1,
    log: () => undefined,
    onDraining: () => undefined,
  });
}
