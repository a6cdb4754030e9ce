import type { AccessAttributes } from '../../../src/rbac/index.ts';
import { kubeRequest } from '../kube-request.ts';
import type { KubeEndpoint } from '../kube-request.ts';
import { expectStatus, statusMessage } from './objects.ts';
import type { WireObject } from './objects.ts';
import { mapLimit } from './pool.ts';

export const RBAC_API = '/apis/rbac.authorization.k8s.io/v1';

const PLURALS = {
  ClusterRole: 'clusterroles',
  Role: 'roles',
  ClusterRoleBinding: 'clusterrolebindings',
  RoleBinding: 'rolebindings',
} as const;

type RbacKind = keyof typeof PLURALS;

/** Roles before bindings, as `kubectl apply` of a sorted manifest would create them. */
const CREATE_ORDER: readonly RbacKind[] = [
  'ClusterRole',
  'Role',
  'ClusterRoleBinding',
  'RoleBinding',
];

/**
 * Creates RBAC objects kind by kind (8 in flight) and returns those the server refused, with its
 * message; a test leaves the refused ones out of what it gives our engine.
 */
export async function createRbacObjects(
  cluster: KubeEndpoint,
  objects: readonly WireObject[],
): Promise<{ object: WireObject; message: string }[]> {
  const refused: { object: WireObject; message: string }[] = [];
  for (const kind of CREATE_ORDER) {
    await mapLimit(
      objects.filter((o) => o.kind === kind),
      8,
      async (object) => {
        const ns = object.metadata?.namespace;
        const path =
          kind === 'Role' || kind === 'RoleBinding'
            ? `${RBAC_API}/namespaces/${ns ?? 'default'}/${PLURALS[kind]}`
            : `${RBAC_API}/${PLURALS[kind]}`;
        const res = await kubeRequest(cluster, { path, body: object });
        if (res.status !== 201) refused.push({ object, message: statusMessage(res) });
      },
    );
  }
  return refused;
}

/** Every Role, ClusterRole and binding the server holds, with apiVersion and kind set. */
export async function listRbacObjects(cluster: KubeEndpoint): Promise<WireObject[]> {
  const all: WireObject[] = [];
  for (const kind of CREATE_ORDER) {
    const res = expectStatus(
      await kubeRequest(cluster, { path: `${RBAC_API}/${PLURALS[kind]}` }),
      `list ${kind}`,
      200,
    );
    const items = (res.body as { items?: WireObject[] }).items ?? [];
    for (const item of items) {
      const metadata = { ...item.metadata };
      delete metadata.managedFields;
      all.push({ ...item, apiVersion: 'rbac.authorization.k8s.io/v1', kind, metadata });
    }
  }
  return all;
}

/** The `spec` of a SubjectAccessReview for a question, written out here rather than by the engine. */
export function reviewSpec(q: AccessAttributes, self = false): Record<string, unknown> {
  const identity = self ? {} : { user: q.user, groups: q.groups };
  if (q.path !== undefined)
    return { ...identity, nonResourceAttributes: { verb: q.verb, path: q.path } };
  const attrs: Record<string, string> = { verb: q.verb, resource: q.resource ?? '' };
  if (q.namespace !== undefined && q.namespace !== '') attrs.namespace = q.namespace;
  if (q.apiGroup !== undefined && q.apiGroup !== '') attrs.group = q.apiGroup;
  if (q.subresource !== undefined && q.subresource !== '') attrs.subresource = q.subresource;
  if (q.name !== undefined && q.name !== '') attrs.name = q.name;
  return { ...identity, resourceAttributes: attrs };
}

export interface ReviewAnswer {
  allowed: boolean;
  reason: string;
}

/**
 * The server's answer to a question: a SubjectAccessReview as the admin, or with `token` a
 * SelfSubjectAccessReview as that token's identity (the question's user and groups unused).
 */
export async function review(
  cluster: KubeEndpoint,
  q: AccessAttributes,
  token?: string,
): Promise<ReviewAnswer> {
  const kind = token === undefined ? 'SubjectAccessReview' : 'SelfSubjectAccessReview';
  const res = expectStatus(
    await kubeRequest(cluster, {
      path: `/apis/authorization.k8s.io/v1/${kind.toLowerCase()}s`,
      body: {
        apiVersion: 'authorization.k8s.io/v1',
        kind,
        spec: reviewSpec(q, token !== undefined),
      },
      ...(token === undefined ? {} : { token }),
    }),
    kind,
    201,
  );
  const status = (res.body as { status?: { allowed?: boolean; reason?: string } }).status ?? {};
  return { allowed: status.allowed === true, reason: status.reason ?? '' };
}

/** A token for a ServiceAccount through the TokenRequest API (nothing else mints them here). */
export async function serviceAccountToken(
  cluster: KubeEndpoint,
  namespace: string,
  name: string,
): Promise<string> {
  const res = expectStatus(
    await kubeRequest(cluster, {
      path: `/api/v1/namespaces/${namespace}/serviceaccounts/${name}/token`,
      body: {
        apiVersion: 'authentication.k8s.io/v1',
        kind: 'TokenRequest',
        spec: { expirationSeconds: 3600 },
      },
    }),
    `token for ${namespace}/${name}`,
    201,
  );
  const token = (res.body as { status?: { token?: string } }).status?.token;
  if (token === undefined) throw new Error(`no token for ${namespace}/${name}`);
  return token;
}
