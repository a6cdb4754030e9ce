import { Agent, request } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  admissionEngine,
  listenOnLoopback,
  loopbackCertificates,
  webhookApp,
} from './__fixtures__/webhook.ts';
import { MAX_REVIEW_BYTES } from './app.ts';
import type { RunningServer } from './server.ts';

// Over a real TLS socket the body is read from Node's IncomingMessage, not from a Web Request:
// these tests cover that path (app.test.ts covers the in-process one).
let server: RunningServer;
let ca: string;
const agent = new Agent({ keepAlive: true, maxSockets: 1 });

beforeAll(async () => {
  const certs = await loopbackCertificates('kubeward-server-');
  ca = certs.caCert;
  server = await listenOnLoopback(webhookApp(admissionEngine()), certs);
});

afterAll(async () => {
  agent.destroy();
  await server.close();
});

/** POSTs `chunks` one write at a time; without `length` the body goes chunked (no Content-Length). */
function post(chunks: string[], length?: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        path: '/validate',
        method: 'POST',
        ca,
        agent,
        headers: {
          'content-type': 'application/json',
          ...(length === undefined ? {} : { 'content-length': length }),
        },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, body });
        });
      },
    );
    req.on('error', reject);
    for (const chunk of chunks) req.write(chunk);
    req.end();
  });
}

const review = (uid: string) =>
  JSON.stringify({
    apiVersion: 'admission.k8s.io/v1',
    kind: 'AdmissionReview',
    request: {
      uid,
      kind: { group: '', version: 'v1', kind: 'Pod' },
      resource: { group: '', version: 'v1', resource: 'pods' },
      namespace: 'default',
      operation: 'CREATE',
      userInfo: { username: 'test' },
      object: {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'p', namespace: 'default' },
        spec: {
          containers: [{ name: 'c', image: 'nginx:1.27', securityContext: { privileged: true } }],
        },
      },
    },
  });

describe('webhook over TLS', () => {
  it('answers reviews sent in several chunks on one keep-alive connection', async () => {
    for (let i = 0; i < 50; i++) {
      const text = review(`uid-${i}`);
      const { status, body } = await post([text.slice(0, 100), text.slice(100)]);
      expect(status).toBe(200);
      const parsed = JSON.parse(body) as { response: { uid: string; allowed: boolean } };
      expect(parsed.response).toMatchObject({ uid: `uid-${i}`, allowed: false });
    }
  });

  it('refuses a chunked body past the limit with 413 and keeps serving', async () => {
    const chunk = 'x'.repeat(256 * 1024);
    const chunks = Array.from(
      { length: Math.ceil(MAX_REVIEW_BYTES / chunk.length) + 1 },
      () => chunk,
    );
    const { status, body } = await post(chunks);
    expect(status).toBe(413);
    expect(body).toContain('larger than');
    expect((await post([review('after')])).status).toBe(200);
  });

  it('refuses a declared Content-Length past the limit before reading it', async () => {
    const body = 'x'.repeat(MAX_REVIEW_BYTES + 1);
    const { status } = await post([body], body.length);
    expect(status).toBe(413);
    expect((await post([review('after')])).status).toBe(200);
  });
});
