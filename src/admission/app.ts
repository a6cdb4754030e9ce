import type { IncomingMessage } from 'node:http';
import { Hono } from 'hono';
import type { AdmissionEngine, Evaluation } from './evaluate.ts';
import { mutateRequest, validateRequest } from './decide.ts';
import { HttpError } from './http-error.ts';
import { readBody } from './read-body.ts';
import type { WebhookMetrics } from './metrics.ts';
import { parseReview, reviewResponse } from './review.ts';
import type { AdmissionResponse, AdmissionRequest } from './review.ts';

/** The API server sends at most 3 MiB objects; a review of one is a little larger. */
export const MAX_REVIEW_BYTES = 3 * 1024 * 1024 + 64 * 1024;

export interface AppDeps {
  /** The current engine; read per request so a config reload swaps it without dropping requests. */
  engine(): AdmissionEngine;
  metrics: WebhookMetrics;
  /** One structured log record (JSON line) per call. */
  log(record: Record<string, unknown>): void;
  /** False while starting or draining: /readyz answers 503. */
  ready(): boolean;
  now?: () => number;
}

/** Behind @hono/node-server, `c.env.incoming` is the Node request (see read-body.ts). */
export interface WebhookEnv {
  Bindings: { incoming?: IncomingMessage };
}

type Handler = (
  request: AdmissionRequest,
  engine: AdmissionEngine,
) => { response: AdmissionResponse; evaluation: Evaluation };

/**
 * The webhook as a Web `Request → Response` app (CONVENTIONS.md §7): tests call `app.request()`
 * in process; only server.ts binds a socket. Bad reviews are 400s that say why; anything else is
 * a bare 500 that leaks nothing.
 */
export function createApp(deps: AppDeps): Hono<WebhookEnv> {
  const app = new Hono<WebhookEnv>();
  const now = deps.now ?? (() => performance.now());

  const review = (endpoint: 'validate' | 'mutate', handle: Handler) =>
    app.post(`/${endpoint}`, async (c) => {
      const started = now();
      // `app.request()` in tests passes no env at all.
      const env = c.env as WebhookEnv['Bindings'] | undefined;
      const text = await readBody(c.req.raw, MAX_REVIEW_BYTES, env?.incoming);
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        throw new HttpError(400, 'body is not valid JSON');
      }
      const request = parseReview(body);
      const { response, evaluation } = handle(request, deps.engine());
      const seconds = (now() - started) / 1000;
      const decision =
        evaluation.skipped !== undefined
          ? 'skipped'
          : response.patch !== undefined
            ? 'patch'
            : response.allowed
              ? 'allow'
              : 'deny';
      deps.metrics.requests.inc({ endpoint, decision });
      deps.metrics.duration.observe({ endpoint }, seconds);
      for (const [action, list] of [
        ['deny', evaluation.deny],
        ['warn', [...evaluation.warn, ...evaluation.preExisting]],
        ['audit', evaluation.audit],
      ] as const) {
        for (const f of list) deps.metrics.findings.inc({ rule: f.ruleId, action });
      }
      deps.log({
        level: 'info',
        msg: 'admission review',
        uid: request.uid,
        endpoint,
        operation: request.operation,
        kind: request.kind.kind,
        namespace: request.namespace,
        name: request.object?.metadata?.name ?? request.name,
        dryRun: request.dryRun === true,
        decision,
        denied: evaluation.deny.map((f) => f.ruleId),
        warned: evaluation.warn.length + evaluation.preExisting.length,
        ms: Math.round(seconds * 1e6) / 1e3,
      });
      return c.json(reviewResponse(response));
    });
  review('validate', validateRequest);
  review('mutate', mutateRequest);

  app.get('/healthz', (c) => c.text('ok'));
  app.get('/readyz', (c) => (deps.ready() ? c.text('ok') : c.text('not ready', 503)));
  app.get('/metrics', async (c) => {
    c.header('Content-Type', deps.metrics.registry.contentType);
    return c.body(await deps.metrics.registry.metrics());
  });

  app.notFound((c) => c.json({ error: 'not found' }, 404));
  app.onError((error, c) => {
    if (error instanceof HttpError) {
      deps.metrics.requests.inc({ endpoint: c.req.path.slice(1), decision: 'error' });
      return c.json({ error: error.message }, error.status);
    }
    deps.log({
      level: 'error',
      msg: 'internal error',
      error: error instanceof Error ? error.message : String(error),
    });
    return c.json({ error: 'internal error' }, 500);
  });
  return app;
}
