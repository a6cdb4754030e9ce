import type { ObjectMeta } from 'kubernetes-types/meta/v1.js';
import type { WireObject } from './objects.ts';

/** Label put on every RBAC object the differential test creates, valued with the run's tag. */
export const TEST_LABEL = 'kubeward.io/e2e-rbac';

export const RBAC_GROUP = 'rbac.authorization.k8s.io';

/**
 * Corpus RBAC sets, each loaded under its own names. argo-cd and ingress-nginx ship variants of
 * the same objects in several files, so one file of each is a set of its own.
 */
export const RBAC_UNITS: readonly { name: string; paths: readonly string[] }[] = [
  { name: 'boot', paths: ['kubernetes-bootstrap-rbac'] },
  { name: 'argo', paths: ['argo-cd/manifests/install.yaml'] },
  { name: 'argons', paths: ['argo-cd/manifests/namespace-install.yaml'] },
  { name: 'prom', paths: ['kube-prometheus'] },
  { name: 'nginx', paths: ['ingress-nginx/deploy/static/provider/cloud/deploy.yaml'] },
  { name: 'goat', paths: ['kubernetes-goat'] },
];

/** How one set's names are moved out of the way of the cluster's own and the other sets'. */
export interface Renamer {
  namespace(ns: string): string;
  clusterName(name: string): string;
  user(name: string): string;
  group(name: string): string;
}

const SA_GROUP_PREFIX = 'system:serviceaccounts:';

/**
 * Renames for a set: namespaces become `<prefix>-<ns>`; cluster-scoped names, users and groups
 * get `<prefix>:` in front, so that nothing the set grants reaches the cluster's real users or
 * other tests sharing the server. `system:serviceaccounts:<ns>` follows its namespace. RBAC
 * compares names as opaque strings (only `system:masters` is special, to the superuser
 * authorizer), so renaming changes no decision.
 */
export function renamer(prefix: string): Renamer {
  const namespace = (ns: string) => `${prefix}-${ns}`.slice(0, 63).replace(/-+$/, '');
  return {
    namespace,
    clusterName: (name) => `${prefix}:${name}`,
    user: (name) => `${prefix}:${name}`,
    group: (name) =>
      name.startsWith(SA_GROUP_PREFIX) && name.length > SA_GROUP_PREFIX.length
        ? `${SA_GROUP_PREFIX}${namespace(name.slice(SA_GROUP_PREFIX.length))}`
        : `${prefix}:${name}`,
  };
}

function isRbac(object: WireObject): boolean {
  return (
    object.apiVersion.startsWith(`${RBAC_GROUP}/`) &&
    ['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding'].includes(object.kind)
  );
}

type Loose = Record<string, unknown>;

function asList(value: unknown): Loose[] {
  return Array.isArray(value)
    ? value.filter((v): v is Loose => typeof v === 'object' && v !== null)
    : [];
}

/**
 * The RBAC objects of one corpus set, rewritten to be created in the shared test server:
 * names as `renamer` says, old rbac versions (v1alpha1, v1beta1, no longer served) as v1 without
 * their removed fields, and only the metadata that matters. Namespaced objects without a
 * namespace go to `default` (renamed), where `kubectl apply` would put them. Later duplicates of an
 * identity are dropped, as the server would refuse them.
 */
export function rewriteRbacSet(
  objects: readonly WireObject[],
  rename: Renamer,
  tag: string,
): WireObject[] {
  const rbac = objects.filter(isRbac);
  const clusterRoles = new Set(
    rbac.filter((o) => o.kind === 'ClusterRole').map((o) => o.metadata?.name ?? ''),
  );
  const seen = new Set<string>();
  const result: WireObject[] = [];
  for (const object of rbac) {
    const clusterScoped = object.kind.startsWith('Cluster');
    const name = object.metadata?.name ?? '';
    const ns = rename.namespace(object.metadata?.namespace ?? 'default');
    const metadata: ObjectMeta = {
      name: clusterScoped ? rename.clusterName(name) : name,
      ...(clusterScoped ? {} : { namespace: ns }),
      labels: { ...object.metadata?.labels, [TEST_LABEL]: tag },
      ...(object.metadata?.annotations === undefined
        ? {}
        : { annotations: object.metadata.annotations }),
    };
    const identity = `${object.kind}/${metadata.namespace ?? ''}/${metadata.name ?? ''}`;
    if (seen.has(identity)) continue;
    seen.add(identity);
    const out: WireObject = { apiVersion: `${RBAC_GROUP}/v1`, kind: object.kind, metadata };
    if (object.kind === 'Role' || object.kind === 'ClusterRole') {
      out.rules = asList(object.rules).map((rule) => {
        const copy = { ...rule };
        delete copy.attributeRestrictions; // v1alpha1 only
        return copy;
      });
      const aggregation = object.aggregationRule;
      if (aggregation !== undefined && aggregation !== null) out.aggregationRule = aggregation;
    } else {
      const ref = (object.roleRef ?? {}) as Loose;
      const refName = typeof ref.name === 'string' ? ref.name : '';
      out.roleRef = {
        apiGroup: RBAC_GROUP,
        kind: ref.kind,
        name:
          ref.kind === 'ClusterRole' && clusterRoles.has(refName)
            ? rename.clusterName(refName)
            : refName,
      };
      out.subjects = asList(object.subjects).map((s) => renameSubject(s, rename));
    }
    result.push(out);
  }
  return result;
}

function renameSubject(subject: Loose, rename: Renamer): Loose {
  const name = typeof subject.name === 'string' ? subject.name : '';
  switch (subject.kind) {
    case 'User':
      return { kind: 'User', apiGroup: RBAC_GROUP, name: rename.user(name) };
    case 'Group':
      return { kind: 'Group', apiGroup: RBAC_GROUP, name: rename.group(name) };
    case 'ServiceAccount':
      return {
        kind: 'ServiceAccount',
        name,
        ...(typeof subject.namespace === 'string' && subject.namespace !== ''
          ? { namespace: rename.namespace(subject.namespace) }
          : {}),
      };
    default:
      return { ...subject };
  }
}

/** Every namespace the objects live in or name through a ServiceAccount subject. */
export function namespacesOf(objects: readonly WireObject[]): Set<string> {
  const found = new Set<string>();
  for (const object of objects) {
    if (object.metadata?.namespace !== undefined) found.add(object.metadata.namespace);
    for (const s of asList(object.subjects))
      if (s.kind === 'ServiceAccount' && typeof s.namespace === 'string') found.add(s.namespace);
  }
  return found;
}

/**
 * Objects the corpus lacks, for the corners of the matching rules: `*` in each list,
 * `*\/subresource` and `pods/*` (which matches nothing), resourceNames with the verbs they cannot
 * restrict, nonResourceURLs with and without a trailing `*`, RoleBindings to ClusterRoles,
 * ServiceAccount subjects with and without a namespace, the special groups, bindings to missing
 * roles, and an aggregated ClusterRole. Grants to real groups (`system:authenticated`, …) are
 * limited to the test's own namespaces, resources and URLs, so they give nothing away to other
 * tests sharing the server.
 */
export function trickyObjects(
  prefix: string,
  tag: string,
  ns: { a: string; b: string },
): WireObject[] {
  const group = `${prefix}.kubeward.test`;
  const labels = { [TEST_LABEL]: tag };
  const cr = (name: string, rules: Loose[], extra: Loose = {}): WireObject => ({
    apiVersion: `${RBAC_GROUP}/v1`,
    kind: 'ClusterRole',
    metadata: { name: `${prefix}:${name}`, labels: { ...labels, ...(extra.labels as object) } },
    rules,
    ...(extra.aggregationRule === undefined ? {} : { aggregationRule: extra.aggregationRule }),
  });
  const role = (namespace: string, name: string, rules: Loose[]): WireObject => ({
    apiVersion: `${RBAC_GROUP}/v1`,
    kind: 'Role',
    metadata: { name, namespace, labels },
    rules,
  });
  const user = (name: string) => ({
    kind: 'User',
    apiGroup: RBAC_GROUP,
    name: `${prefix}:${name}`,
  });
  const grp = (name: string) => ({ kind: 'Group', apiGroup: RBAC_GROUP, name });
  const crb = (name: string, roleRef: Loose, subjects: Loose[]): WireObject => ({
    apiVersion: `${RBAC_GROUP}/v1`,
    kind: 'ClusterRoleBinding',
    metadata: { name: `${prefix}:${name}`, labels },
    roleRef: { apiGroup: RBAC_GROUP, ...roleRef },
    subjects,
  });
  const rb = (namespace: string, name: string, roleRef: Loose, subjects: Loose[]): WireObject => ({
    apiVersion: `${RBAC_GROUP}/v1`,
    kind: 'RoleBinding',
    metadata: { name, namespace, labels },
    roleRef: { apiGroup: RBAC_GROUP, ...roleRef },
    subjects,
  });
  const aggLabel = `${prefix}.kubeward.test/aggregate`;
  return [
    cr('scale-anything', [{ apiGroups: ['*'], resources: ['*/scale'], verbs: ['get', 'update'] }]),
    cr('pods-star', [
      { apiGroups: [''], resources: ['pods/*'], verbs: ['get'] },
      { apiGroups: [''], resources: ['pods/log', 'services/proxy'], verbs: ['get', 'create'] },
    ]),
    cr('named', [
      {
        apiGroups: ['', 'apps'],
        resources: ['configmaps', 'deployments', 'deployments/scale'],
        resourceNames: ['alpha', 'beta', ''],
        verbs: ['get', 'list', 'watch', 'create', 'update', 'delete', 'deletecollection'],
      },
    ]),
    cr('urls', [
      {
        nonResourceURLs: [`/${prefix}/*`, `/${prefix}-exact`, `/${prefix}-star*`],
        verbs: ['get', 'post'],
      },
      { nonResourceURLs: [`/${prefix}-h/*`], verbs: ['put'] },
    ]),
    cr('everything-in-group', [{ apiGroups: [group], resources: ['*'], verbs: ['*'] }]),
    cr('star-verbs', [
      {
        apiGroups: ['', 'apps', 'batch'],
        resources: ['secrets', 'jobs', 'statefulsets/status'],
        verbs: ['*'],
      },
    ]),
    cr('upper', [{ apiGroups: [''], resources: ['Pods', 'services'], verbs: ['GET', 'list'] }]),
    cr('ns-reader', [
      {
        apiGroups: [''],
        resources: ['pods', 'pods/exec', 'serviceaccounts/token'],
        verbs: ['get', 'list', 'create'],
      },
    ]),
    cr('url-star', [{ nonResourceURLs: ['*'], verbs: ['head'] }]),
    cr('widgets', [
      {
        apiGroups: [group],
        resources: ['widgets', 'widgets/status'],
        verbs: ['get', 'list', 'patch'],
      },
    ]),
    cr('agg-part-1', [{ apiGroups: [group], resources: ['gadgets'], verbs: ['get'] }], {
      labels: { [aggLabel]: 'true' },
    }),
    cr('agg-part-2', [{ apiGroups: [''], resources: ['endpoints'], verbs: ['list'] }], {
      labels: { [aggLabel]: 'true' },
    }),
    cr('aggregated', [], {
      aggregationRule: { clusterRoleSelectors: [{ matchLabels: { [aggLabel]: 'true' } }] },
    }),
    role(ns.a, 'local', [
      {
        apiGroups: ['apps'],
        resources: ['deployments', 'replicasets/scale'],
        verbs: ['get', 'patch'],
      },
      { apiGroups: [''], resources: ['secrets'], resourceNames: ['tls'], verbs: ['get'] },
    ]),
    role(ns.b, 'local', [{ apiGroups: ['*'], resources: ['*'], verbs: ['list'] }]),
    crb('scale', { kind: 'ClusterRole', name: `${prefix}:scale-anything` }, [user('scaler')]),
    crb('pods-star', { kind: 'ClusterRole', name: `${prefix}:pods-star` }, [
      user('logs'),
      grp(`${prefix}:log-readers`),
    ]),
    crb('named', { kind: 'ClusterRole', name: `${prefix}:named` }, [user('named')]),
    // Real special groups, but only for this test's own URLs and API group.
    crb('urls', { kind: 'ClusterRole', name: `${prefix}:urls` }, [grp('system:authenticated')]),
    crb('group', { kind: 'ClusterRole', name: `${prefix}:everything-in-group` }, [
      grp('system:serviceaccounts'),
    ]),
    crb('widgets', { kind: 'ClusterRole', name: `${prefix}:widgets` }, [
      grp('system:unauthenticated'),
      user('widgeteer'),
    ]),
    crb('star-verbs', { kind: 'ClusterRole', name: `${prefix}:star-verbs` }, [user('star')]),
    crb('upper', { kind: 'ClusterRole', name: `${prefix}:upper` }, [user('upper')]),
    crb('url-star', { kind: 'ClusterRole', name: `${prefix}:url-star` }, [user('header')]),
    crb('aggregated', { kind: 'ClusterRole', name: `${prefix}:aggregated` }, [user('aggregated')]),
    crb('missing', { kind: 'ClusterRole', name: `${prefix}:does-not-exist` }, [
      user('scaler'),
      grp('system:authenticated'),
    ]),
    crb('sa', { kind: 'ClusterRole', name: `${prefix}:widgets` }, [
      { kind: 'ServiceAccount', name: 'robot', namespace: ns.b },
    ]),
    // RoleBindings to ClusterRoles and Roles, with every kind of subject.
    rb(ns.a, 'reader', { kind: 'ClusterRole', name: `${prefix}:ns-reader` }, [
      { kind: 'ServiceAccount', name: 'robot' }, // the binding's namespace is implied
      { kind: 'ServiceAccount', name: 'robot', namespace: ns.b },
      grp(`system:serviceaccounts:${ns.b}`),
      user('reader'),
    ]),
    rb(ns.a, 'authenticated', { kind: 'ClusterRole', name: `${prefix}:widgets` }, [
      grp('system:authenticated'),
    ]),
    rb(ns.a, 'view', { kind: 'ClusterRole', name: 'view' }, [user('viewer')]),
    rb(ns.a, 'edit', { kind: 'ClusterRole', name: 'edit' }, [grp(`${prefix}:editors`)]),
    rb(ns.b, 'admin', { kind: 'ClusterRole', name: 'admin' }, [user('admin')]),
    rb(ns.a, 'local', { kind: 'Role', name: 'local' }, [
      user('local'),
      grp('system:serviceaccounts'),
    ]),
    rb(ns.b, 'local', { kind: 'Role', name: 'local' }, [user('local')]),
    rb(ns.a, 'missing-role', { kind: 'Role', name: 'nope' }, [user('local')]),
    // A second binding of the same missing role: the server reports the error once.
    rb(ns.a, 'missing-again', { kind: 'ClusterRole', name: `${prefix}:does-not-exist` }, [
      user('scaler'),
    ]),
    rb(ns.b, 'cluster-admin', { kind: 'ClusterRole', name: 'cluster-admin' }, [user('nsadmin')]),
    rb(ns.b, 'star', { kind: 'ClusterRole', name: `${prefix}:star-verbs` }, [
      user('star'),
      user('upper'),
    ]),
  ];
}
