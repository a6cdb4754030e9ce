import type { ObjectMeta } from 'kubernetes-types/meta/v1.js';
import { randomBytes } from 'node:crypto';
import { kubeRequest } from '../kube-request.ts';
import type { KubeEndpoint, KubeResponse } from '../kube-request.ts';

/** A Kubernetes object as sent to the server. */
export interface WireObject {
  apiVersion: string;
  kind: string;
  metadata?: ObjectMeta;
  [field: string]: unknown;
}

/**
 * `prefix-<6 hex>`: namespaces cannot be reused in this cluster (no controller manager finalizes a
 * deleted one), and every e2e file shares the same API server.
 */
export function uniqueName(prefix: string): string {
  return `${prefix}-${randomBytes(3).toString('hex')}`;
}

/** The message of a Status body, or the body as text. */
export function statusMessage(res: KubeResponse): string {
  const body = res.body;
  if (typeof body === 'object' && body !== null && 'message' in body) {
    if (typeof body.message === 'string') return body.message;
  }
  return typeof body === 'string' ? body : JSON.stringify(body);
}

/** Throws with the server's message unless the response has one of the expected statuses. */
export function expectStatus(res: KubeResponse, what: string, ...statuses: number[]): KubeResponse {
  if (!statuses.includes(res.status))
    throw new Error(`${what}: HTTP ${String(res.status)}: ${statusMessage(res)}`);
  return res;
}

/**
 * Creates a namespace with these labels and its `default` ServiceAccount (plus any others named),
 * which the ServiceAccount admission plugin requires before a pod can be created and which no
 * controller manager creates here. Returns the namespace's name.
 */
export async function createNamespace(
  cluster: KubeEndpoint,
  name: string,
  labels: Record<string, string> = {},
  serviceAccounts: Iterable<string> = [],
): Promise<string> {
  expectStatus(
    await kubeRequest(cluster, {
      path: '/api/v1/namespaces',
      body: { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } },
    }),
    `create namespace ${name}`,
    201,
  );
  for (const sa of new Set(['default', ...serviceAccounts])) {
    expectStatus(
      await kubeRequest(cluster, {
        path: `/api/v1/namespaces/${name}/serviceaccounts`,
        body: { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: sa } },
      }),
      `create ServiceAccount ${name}/${sa}`,
      201,
      409,
    );
  }
  return name;
}
