import { CLUSTER_KINDS, SECRET_KIND } from '../../../src/input/cluster.ts';
import type { KubeEndpoint } from '../kube-request.ts';
import { kubeRequest } from '../kube-request.ts';
import type { Discovery } from './discovery.ts';
import { statusMessage } from './objects.ts';
import type { WireObject } from './objects.ts';

type Loose = Record<string, unknown>;

/** Kinds `kubeward cluster scan --include-secrets` reads: the only ones worth creating here. */
const READ_KINDS = new Map(
  [...CLUSTER_KINDS, SECRET_KIND].map((k) => [`${k.apiVersion}/${k.kind}`, k.namespaced]),
);

/** Removed API versions whose objects convert to the served one unchanged. */
const SERVED_VERSION: Readonly<Record<string, string>> = {
  'batch/v1beta1/CronJob': 'batch/v1',
  'policy/v1beta1/PodDisruptionBudget': 'policy/v1',
};

/** What became of a manifest's objects on the way into the test cluster. */
export interface ProjectLoad {
  /** The objects to create, rewritten; after `createAll`, only those the server accepted. */
  objects: WireObject[];
  /** Objects left out, with why (a kind the cluster scan does not read, or the server refused it). */
  skipped: string[];
  /** Original namespace → test namespace. */
  namespaces: Map<string, string>;
}

function describe(o: WireObject): string {
  const ns = o.metadata?.namespace;
  return `${o.apiVersion} ${o.kind} ${ns === undefined ? '' : `${ns}/`}${o.metadata?.name ?? ''}`;
}

/**
 * Rewrites a project's manifests for a shared test cluster: every namespace (an object's own,
 * `default` when it has none, and those named by Namespace objects and ServiceAccount subjects)
 * becomes `<prefix>-<ns>`; cluster-scoped RBAC names get `<prefix>:` and bindings follow them.
 * Only kinds the cluster scan reads are kept. Each rewritten namespace gets a Namespace object
 * (the project's own, renamed, or a bare one) and a `default` ServiceAccount, which the API server
 * needs before pods can be created and which no controller manager creates here; both are part
 * of what the file scan reads too, so that both scans see the same objects.
 */
export function rewriteProject(objects: readonly WireObject[], prefix: string): ProjectLoad {
  const namespaces = new Map<string, string>();
  const ns = (name: string) => {
    let mapped = namespaces.get(name);
    if (mapped === undefined) {
      mapped = `${prefix}-${name}`.slice(0, 63).replace(/-+$/, '');
      namespaces.set(name, mapped);
    }
    return mapped;
  };
  const skipped: string[] = [];
  const clusterRoles = new Set(
    objects.filter((o) => o.kind === 'ClusterRole').map((o) => o.metadata?.name ?? ''),
  );
  const out: WireObject[] = [];
  for (const original of objects) {
    const apiVersion =
      SERVED_VERSION[`${original.apiVersion}/${original.kind}`] ?? original.apiVersion;
    const namespaced = READ_KINDS.get(`${apiVersion}/${original.kind}`);
    if (namespaced === undefined) {
      skipped.push(`${describe(original)}: not a kind kubeward cluster scan reads`);
      continue;
    }
    const o: WireObject = { ...original, apiVersion };
    delete o.status;
    const meta = original.metadata ?? {};
    const name = meta.name ?? '';
    o.metadata = {
      name:
        o.kind === 'Namespace'
          ? ns(name)
          : o.kind === 'ClusterRole' || o.kind === 'ClusterRoleBinding'
            ? `${prefix}:${name}`
            : name,
      ...(namespaced ? { namespace: ns(meta.namespace ?? 'default') } : {}),
      ...(meta.labels === undefined ? {} : { labels: meta.labels }),
      ...(meta.annotations === undefined ? {} : { annotations: meta.annotations }),
    };
    if (o.kind === 'RoleBinding' || o.kind === 'ClusterRoleBinding') {
      const ref = (o.roleRef ?? {}) as Loose;
      if (ref.kind === 'ClusterRole' && typeof ref.name === 'string' && clusterRoles.has(ref.name))
        o.roleRef = { ...ref, name: `${prefix}:${ref.name}` };
      if (Array.isArray(o.subjects))
        o.subjects = (o.subjects as Loose[]).map((s) =>
          s.kind === 'ServiceAccount' && typeof s.namespace === 'string'
            ? { ...s, namespace: ns(s.namespace) }
            : s,
        );
    }
    out.push(o);
  }
  for (const mapped of namespaces.values()) {
    if (!out.some((o) => o.kind === 'Namespace' && o.metadata?.name === mapped))
      out.unshift({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: mapped } });
    if (
      !out.some(
        (o) =>
          o.kind === 'ServiceAccount' &&
          o.metadata?.namespace === mapped &&
          o.metadata.name === 'default',
      )
    )
      out.push({
        apiVersion: 'v1',
        kind: 'ServiceAccount',
        metadata: { name: 'default', namespace: mapped },
      });
  }
  return { objects: out, skipped, namespaces };
}

/** Creation order: what others depend on first (namespaces, accounts, roles), workloads last. */
const ORDER = [
  'Namespace',
  'ServiceAccount',
  'Secret',
  'ConfigMap',
  'ClusterRole',
  'Role',
  'ClusterRoleBinding',
  'RoleBinding',
  'Service',
  'NetworkPolicy',
  'PodDisruptionBudget',
  'Ingress',
];

function rank(kind: string): number {
  const i = ORDER.indexOf(kind);
  return i === -1 ? ORDER.length : i;
}

/**
 * Creates the objects in dependency order, one at a time (order matters within a kind too: a
 * namespace before its contents). Refused objects move from `load.objects` to `load.skipped`.
 */
export async function createAll(
  cluster: KubeEndpoint,
  discovery: Discovery,
  load: ProjectLoad,
): Promise<void> {
  const sorted = load.objects.toSorted((a, b) => rank(a.kind) - rank(b.kind));
  const created: WireObject[] = [];
  for (const object of sorted) {
    const path = await discovery.collectionPath(object, object.metadata?.namespace ?? 'default');
    if (path === undefined) {
      load.skipped.push(`${describe(object)}: not served by this API server`);
      continue;
    }
    const res = await kubeRequest(cluster, { path, body: object });
    if (res.status === 201) created.push(object);
    else
      load.skipped.push(
        `${describe(object)}: refused (HTTP ${String(res.status)}: ${statusMessage(res)})`,
      );
  }
  load.objects = created;
}
