import { readFileSync, watch } from 'node:fs';
import { createServer } from 'node:https';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import type { WebhookEnv } from './app.ts';

export interface ServeOptions {
  port: number;
  host: string;
  certFile: string;
  keyFile: string;
  /** How long to wait for in-flight reviews on shutdown. */
  drainSeconds: number;
  log(record: Record<string, unknown>): void;
  /** Called when shutdown starts (readiness goes false before the socket closes). */
  onDraining(): void;
}

export interface RunningServer {
  port: number;
  close(): Promise<void>;
}

/**
 * The only place that touches TLS and sockets (CONVENTIONS.md §7). Certificates are reloaded when
 * their files change (cert-manager rotation), and close() drains in-flight requests.
 */
export async function listen(app: Hono<WebhookEnv>, options: ServeOptions): Promise<RunningServer> {
  const tls = () => ({ cert: readFileSync(options.certFile), key: readFileSync(options.keyFile) });
  const server = serve({
    fetch: app.fetch,
    port: options.port,
    hostname: options.host,
    createServer,
    serverOptions: { ...tls(), minVersion: 'TLSv1.2' },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;
  const watcher = watch(options.certFile, () => {
    try {
      (server as unknown as { setSecureContext(o: object): void }).setSecureContext(tls());
      options.log({ level: 'info', msg: 'reloaded TLS certificate' });
    } catch (error) {
      options.log({ level: 'warn', msg: 'TLS reload failed', error: String(error) });
    }
  });
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        watcher.close();
        options.onDraining();
        const timer = setTimeout(() => {
          (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
        }, options.drainSeconds * 1000);
        timer.unref();
        server.close(() => {
          clearTimeout(timer);
          resolve();
        });
        (server as unknown as { closeIdleConnections?: () => void }).closeIdleConnections?.();
      }),
  };
}
