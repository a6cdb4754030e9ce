import {
  ApiException,
  createConfiguration,
  KubeConfig,
  KubernetesObjectApi,
  ServerConfiguration,
} from '@kubernetes/client-node';
import type { KubernetesObject } from '@kubernetes/client-node';
import type { Diagnostic } from '../engine/finding.ts';
import { KubewardError } from '../engine/errors.ts';
import type { KubeObject, ScanObject } from '../model/kube-object.ts';
import { isKubeObject, isRecord, refOf } from '../model/kube-object.ts';
import { bootstrapObjects } from '../rbac/bootstrap/index.ts';

/** The kinds the analyzers read, in the order they are listed (cluster-scoped ones first). */
export const CLUSTER_KINDS: readonly { apiVersion: string; kind: string; namespaced: boolean }[] = [
  { apiVersion: 'v1', kind: 'Namespace', namespaced: false },
  { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', namespaced: false },
  { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding', namespaced: false },
  { apiVersion: 'v1', kind: 'Pod', namespaced: true },
  { apiVersion: 'v1', kind: 'ReplicationController', namespaced: true },
  { apiVersion: 'v1', kind: 'Service', namespaced: true },
  { apiVersion: 'v1', kind: 'ServiceAccount', namespaced: true },
  { apiVersion: 'v1', kind: 'ConfigMap', namespaced: true },
  { apiVersion: 'apps/v1', kind: 'Deployment', namespaced: true },
  { apiVersion: 'apps/v1', kind: 'ReplicaSet', namespaced: true },
  { apiVersion: 'apps/v1', kind: 'StatefulSet', namespaced: true },
  { apiVersion: 'apps/v1', kind: 'DaemonSet', namespaced: true },
  { apiVersion: 'batch/v1', kind: 'Job', namespaced: true },
  { apiVersion: 'batch/v1', kind: 'CronJob', namespaced: true },
  { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', namespaced: true },
  { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', namespaced: true },
  { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', namespaced: true },
  { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', namespaced: true },
  { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', namespaced: true },
];

/** Secrets are read only on request: their values are the most sensitive thing a scan could see. */
export const SECRET_KIND = { apiVersion: 'v1', kind: 'Secret', namespaced: true } as const;

export interface ClusterSourceOptions {
  kubeconfig?: string;
  context?: string;
  /** One namespace, or undefined for all namespaces. */
  namespace?: string;
  includeSecrets: boolean;
  pageSize: number;
  /** How long one list request (one page) may take; default 30 s. */
  requestTimeoutMs?: number;
  progress?: (message: string) => void;
}

export interface ClusterLoadResult {
  objects: ScanObject[];
  diagnostics: Diagnostic[];
  server: string;
}

export function loadKubeConfig(
  options: Pick<ClusterSourceOptions, 'kubeconfig' | 'context'>,
): KubeConfig {
  const config = new KubeConfig();
  try {
    if (options.kubeconfig === undefined) config.loadFromDefault();
    else config.loadFromFile(options.kubeconfig);
    if (options.context !== undefined) {
      if (config.getContextObject(options.context) === null) {
        const known = config.getContexts().map((c) => c.name);
        throw new Error(
          `no context "${options.context}" (contexts: ${known.join(', ') || 'none'})`,
        );
      }
      config.setCurrentContext(options.context);
    }
  } catch (error) {
    throw new KubewardError(
      'E_CLUSTER',
      `cannot load kubeconfig: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (config.getCurrentCluster() === null)
    throw new KubewardError('E_CLUSTER', 'the kubeconfig has no current cluster (use --context)');
  return config;
}

/**
 * Lists every kind the analyzers read, page by page, read-only. A kind the identity may not list
 * becomes a diagnostic naming it; the scan goes on with the rest.
 */
export async function loadCluster(options: ClusterSourceOptions): Promise<ClusterLoadResult> {
  const config = loadKubeConfig(options);
  const server = config.getCurrentCluster()?.server ?? '';
  const timeoutMs = options.requestTimeoutMs ?? 30_000;
  // As makeApiClient builds it, plus a deadline on every request: a server that accepts the
  // connection and never answers must not hang the scan.
  const api = new KubernetesObjectApi(
    createConfiguration({
      baseServer: new ServerConfiguration(server, {}),
      authMethods: { default: config },
      promiseMiddleware: [
        {
          pre: (context) => {
            context.setSignal(deadline(timeoutMs));
            return Promise.resolve(context);
          },
          post: (response) => Promise.resolve(response),
        },
      ],
    }),
  );
  const objects: ScanObject[] = [];
  const diagnostics: Diagnostic[] = [];
  const kinds = options.includeSecrets ? [...CLUSTER_KINDS, SECRET_KIND] : CLUSTER_KINDS;
  for (const { apiVersion, kind, namespaced } of kinds) {
    if (options.namespace !== undefined && !namespaced && kind !== 'Namespace') continue;
    const namespace = namespaced ? options.namespace : undefined;
    try {
      let token: string | undefined;
      do {
        const page = await api.list<KubernetesObject>(
          apiVersion,
          kind,
          namespace,
          undefined,
          undefined,
          undefined,
          undefined,
          undefined,
          options.pageSize,
          token,
        );
        for (const item of page.items) {
          const object = withTypeMeta(item, apiVersion, kind);
          if (object === undefined) continue;
          if (
            kind === 'Namespace' &&
            options.namespace !== undefined &&
            object.metadata?.name !== options.namespace
          )
            continue;
          objects.push({
            object: asShippedDefault(object),
            ref: refOf(object),
            origin: { source: 'cluster' },
            seq: objects.length,
          });
        }
        token = page.metadata?._continue ?? undefined;
        if (token === '') token = undefined;
      } while (token !== undefined);
      options.progress?.(`listed ${kind}`);
    } catch (error) {
      // No answer at all (refused, TLS, timeout) will not get better for the next kind: stop,
      // rather than report an empty cluster as a clean one.
      const unreachable = networkFailure(error, timeoutMs);
      if (unreachable !== undefined)
        throw new KubewardError(
          'E_CLUSTER',
          `cannot reach the API server at ${server}: ${unreachable}`,
        );
      diagnostics.push(listFailure(kind, namespace, error));
    }
  }
  return {
    objects: dropOwned(objects),
    diagnostics,
    server,
  };
}

function withTypeMeta(
  item: KubernetesObject,
  apiVersion: string,
  kind: string,
): KubeObject | undefined {
  // List items come without apiVersion/kind; managedFields are bookkeeping, not configuration.
  const object: unknown = { ...item, apiVersion, kind };
  if (!isKubeObject(object)) return undefined;
  if (object.metadata !== undefined) {
    const metadata = { ...object.metadata };
    delete metadata.managedFields;
    object.metadata = metadata;
  }
  return object;
}

const DEFAULTS_LABEL = 'kubernetes.io/bootstrapping';
let shippedDefaults: Map<string, { object: KubeObject; content: string }> | undefined;

function rbacIdentity(object: KubeObject): string {
  return `${object.kind}/${object.metadata?.namespace ?? ''}/${object.metadata?.name ?? ''}`;
}

// What the authorizer reads of a default RBAC object. An aggregated ClusterRole's rules are the
// aggregation controller's output rather than part of the default, so only its selectors count.
function rbacContent(object: KubeObject): string {
  const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
  const aggregation = object.aggregationRule ?? null;
  const rules =
    aggregation === null
      ? list(object.rules).map((r) =>
          isRecord(r)
            ? [r.verbs, r.apiGroups, r.resources, r.resourceNames, r.nonResourceURLs].map(list)
            : [],
        )
      : [];
  const roleRef = isRecord(object.roleRef) ? [object.roleRef.kind, object.roleRef.name] : [];
  const subjects = list(object.subjects).map((s) =>
    isRecord(s) ? [s.kind, s.name, s.namespace ?? ''] : [],
  );
  return JSON.stringify([rules, aggregation, roleRef, subjects]);
}

/**
 * A listed default RBAC object (cluster-admin, system:*) that is unchanged from the default policy
 * we ship is replaced by the shipped copy, so that rules treat it as a file scan treats the
 * `--include-bootstrap` defaults: not reported (no one can act on them), and a binding to one is
 * reported on its roleRef. A default the cluster changed, or of another version, stays as listed.
 */
function asShippedDefault(object: KubeObject): KubeObject {
  if (object.metadata?.labels?.[DEFAULTS_LABEL] !== 'rbac-defaults') return object;
  shippedDefaults ??= new Map(
    bootstrapObjects().map((o) => [rbacIdentity(o), { object: o, content: rbacContent(o) }]),
  );
  const shipped = shippedDefaults.get(rbacIdentity(object));
  return shipped?.content === rbacContent(object) ? shipped.object : object;
}

/**
 * A signal that aborts after `ms` with a plain Error named TimeoutError: the client rewrites the
 * message of errors it passes on, which AbortSignal.timeout's DOMException does not allow.
 */
function deadline(ms: number): AbortSignal {
  const controller = new AbortController();
  const reason = new Error(`no answer within ${String(ms / 1000)}s`);
  reason.name = 'TimeoutError';
  setTimeout(() => {
    controller.abort(reason);
  }, ms).unref();
  return controller.signal;
}

/**
 * Why a request got no HTTP answer (the connection failed, TLS failed, or the deadline passed), or
 * undefined when the server answered or the client failed on its own (an unknown kind, say).
 */
function networkFailure(error: unknown, timeoutMs: number): string | undefined {
  let fetchFailed = false;
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (e.name === 'TimeoutError' || e.name === 'AbortError')
      return `no answer within ${String(timeoutMs / 1000)}s`;
    if (e.message.includes('fetch failed')) fetchFailed = true;
    else if (fetchFailed) return e.message;
  }
  return fetchFailed ? 'the request failed' : undefined;
}

function listFailure(kind: string, namespace: string | undefined, error: unknown): Diagnostic {
  const where = namespace === undefined ? 'cluster-wide' : `in namespace ${namespace}`;
  if (error instanceof ApiException) {
    const code = error.code === 403 ? 'W_CLUSTER_FORBIDDEN' : 'W_CLUSTER_LIST_FAILED';
    const why = error.code === 403 ? 'the scanning identity may not list it' : `HTTP ${error.code}`;
    return {
      code,
      level: 'warning',
      message: `cannot list ${kind} ${where}: ${why}; its checks were skipped`,
    };
  }
  const detail = error instanceof Error ? error.message : String(error);
  return {
    code: 'W_CLUSTER_LIST_FAILED',
    level: 'warning',
    message: `cannot list ${kind} ${where}: ${detail}`,
  };
}

/** Controllers' kinds whose children repeat their pod template (findings go on the owner). */
const TEMPLATE_OWNERS = new Set([
  'ReplicaSet',
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'Job',
  'CronJob',
  'ReplicationController',
]);

/**
 * Drops objects controlled by another listed object that repeats their template (a Deployment's
 * ReplicaSets and Pods, a CronJob's Jobs), so a problem is reported once, on the object to fix.
 */
function dropOwned(objects: ScanObject[]): ScanObject[] {
  const present = new Set(
    objects.map((o) => `${o.ref.kind}/${o.ref.namespace ?? ''}/${o.ref.name}`),
  );
  return objects
    .filter((item) => {
      const owner = item.object.metadata?.ownerReferences?.find((ref) => ref.controller === true);
      if (owner === undefined || !TEMPLATE_OWNERS.has(owner.kind)) return true;
      return !present.has(`${owner.kind}/${item.ref.namespace ?? ''}/${owner.name}`);
    })
    .map((item, seq) => ({ ...item, seq }));
}
