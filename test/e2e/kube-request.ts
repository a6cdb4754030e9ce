import { readFileSync } from 'node:fs';
import { request } from 'node:https';

/** Where a test API server listens and how to trust and authenticate to it (a `TestCluster` fits). */
export interface KubeEndpoint {
  server: string;
  caCertPath: string;
  adminToken: string;
}

export interface KubeRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** API path such as `/api/v1/namespaces`; a query string may be given here or in `query`. */
  path: string;
  query?: Record<string, string>;
  /** Serialised as JSON. */
  body?: unknown;
  /** Content type for PATCH bodies; defaults to a merge patch. */
  patchType?: 'merge' | 'strategic' | 'json' | 'apply';
  /** Bearer token to send instead of the admin token (a service-account token, say). */
  token?: string;
  timeoutMs?: number;
}

export interface KubeResponse {
  status: number;
  /** Parsed JSON when the server answered JSON, otherwise the text. */
  body: unknown;
  /** `Warning` headers (admission warnings arrive there), in order. */
  warnings: string[];
}

const PATCH_TYPES = {
  merge: 'application/merge-patch+json',
  strategic: 'application/strategic-merge-patch+json',
  json: 'application/json-patch+json',
  apply: 'application/apply-patch+yaml',
} as const;

// Node's fetch (undici) cannot be given a CA without importing undici itself, so this uses node:https.
/** Sends one JSON request to a test API server and resolves with its status and body, whatever the status. */
export function kubeRequest(endpoint: KubeEndpoint, req: KubeRequest): Promise<KubeResponse> {
  const url = new URL(req.path, endpoint.server);
  for (const [key, value] of Object.entries(req.query ?? {})) url.searchParams.set(key, value);
  const method = req.method ?? (req.body === undefined ? 'GET' : 'POST');
  const payload = req.body === undefined ? undefined : JSON.stringify(req.body);
  const headers: Record<string, string> = {
    accept: 'application/json',
    authorization: `Bearer ${req.token ?? endpoint.adminToken}`,
  };
  if (payload !== undefined) {
    headers['content-type'] =
      method === 'PATCH' ? PATCH_TYPES[req.patchType ?? 'merge'] : 'application/json';
    headers['content-length'] = String(Buffer.byteLength(payload));
  }
  const ca = readFileSync(endpoint.caCertPath);
  return new Promise((resolve, reject) => {
    const r = request(url, { method, headers, ca, timeout: req.timeoutMs ?? 30_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const isJson = (res.headers['content-type'] ?? '').includes('json');
        let body: unknown = text;
        if (isJson && text !== '') {
          try {
            body = JSON.parse(text);
          } catch {
            // Keep the text: a malformed body is itself something a test may want to see.
          }
        }
        // headersDistinct keeps repeated Warning headers apart (headers joins them with commas).
        const warnings = res.headersDistinct.warning ?? [];
        resolve({ status: res.statusCode ?? 0, body, warnings });
      });
    });
    r.on('timeout', () => {
      r.destroy(new Error(`${method} ${url.pathname} timed out`));
    });
    r.on('error', reject);
    r.end(payload);
  });
}
