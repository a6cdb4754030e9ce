// The escalation graph: every principal and workload of the input, the steps their permissions
// open (permission-edges.ts), and the structural steps that follow from owning something: a
// workload's pods hold its account's token, "any account of a namespace" is each of them, and
// root on a node reads the tokens of the pods there.
import type { PrivilegedNamespaces } from '../grant-scope.ts';
import type { RbacIndex } from '../rbac-index.ts';
import { serviceAccountNamespace, SUPERUSER_GROUP } from '../subjects.ts';
import type { WorkloadIndex, WorkloadLink } from '../workloads.ts';
import { addPermissionEdges } from './permission-edges.ts';
import type { EdgeSink } from './permission-edges.ts';
import { PrincipalGrants } from './principal-grants.ts';
import { subjectKeys } from './subject-keys.ts';
import { GOAL, NODE } from './types.ts';
import type { EscalationGraph, PathEdge, PathNode, PathNodeKind } from './types.ts';

export interface GraphInput {
  index: RbacIndex;
  workloads: WorkloadIndex;
  privileged: PrivilegedNamespaces;
}

export function buildEscalationGraph({
  index,
  workloads,
  privileged,
}: GraphInput): EscalationGraph {
  const nodes = new Map<string, PathNode>();
  const edges = new Map<string, PathEdge[]>();
  const seenEdges = new Map<string, Set<string>>();
  const accounts = new Map<string, Set<string>>();
  const node = (id: string, kind: PathNodeKind, label: string) => {
    if (!nodes.has(id)) nodes.set(id, { id, kind, label });
    return id;
  };
  const addEdge = (edge: PathEdge) => {
    if (edge.from === edge.to) return;
    let targets = seenEdges.get(edge.from);
    if (targets === undefined) seenEdges.set(edge.from, (targets = new Set()));
    if (targets.has(edge.to)) return;
    targets.add(edge.to);
    const list = edges.get(edge.from);
    if (list === undefined) edges.set(edge.from, [edge]);
    else list.push(edge);
  };
  const account = (namespace: string, name: string) => {
    const id = `ServiceAccount:${namespace}/${name}`;
    if (nodes.has(id)) return id;
    accounts.set(namespace, (accounts.get(namespace) ?? new Set()).add(name));
    return node(id, 'ServiceAccount', `ServiceAccount ${namespace}/${name}`);
  };
  node(GOAL, 'ClusterAdmin', 'cluster-admin-equivalent power');
  node(NODE, 'Node', 'root on a node');

  // Subjects that only the default bindings name (controllers, system:masters) are steps, not starts.
  const starts = new Set<string>();
  for (const binding of index.bindings) {
    for (const subject of binding.subjects) {
      let id: string | undefined;
      if (subject.kind === 'User')
        id = node(`User:${subject.name}`, 'User', `User ${subject.name}`);
      else if (subject.kind === 'Group')
        id = node(`Group:${subject.name}`, 'Group', `Group ${subject.name}`);
      else if (subject.kind === 'ServiceAccount') {
        const ns = serviceAccountNamespace(subject, binding.namespace);
        if (ns !== undefined) id = account(ns, subject.name);
      }
      if (id !== undefined && !binding.bootstrap) starts.add(id);
    }
  }
  for (const [ns, names] of workloads.serviceAccounts)
    for (const name of names.keys()) starts.add(account(ns, name));
  for (const [ns, names] of workloads.tokenSecrets) for (const name of names) account(ns, name);
  const mounted = new Map<string | undefined, WorkloadLink[]>([[undefined, []]]);
  for (const link of workloads.all) {
    const id = node(
      `Workload:${link.ref.kind}/${link.namespace}/${link.ref.name}`,
      'Workload',
      `${link.ref.kind} ${link.namespace}/${link.ref.name}`,
    );
    starts.add(id);
    const sa = account(link.namespace, link.serviceAccount);
    if (!link.tokenMounted) continue;
    addEdge({
      from: id,
      to: sa,
      action: `run its pods as ${sa.slice('ServiceAccount:'.length)} with the token mounted`,
    });
    mounted.get(undefined)?.push(link);
    const inNamespace = mounted.get(link.namespace);
    if (inNamespace === undefined) mounted.set(link.namespace, [link]);
    else inNamespace.push(link);
  }

  const namespaceAccounts = (namespace: string | undefined) => {
    const id = `NamespaceAccounts:${namespace ?? '*'}`;
    if (nodes.has(id)) return id;
    node(
      id,
      'NamespaceAccounts',
      namespace === undefined
        ? 'any service account of any namespace'
        : `any service account of namespace ${namespace}`,
    );
    const targets =
      namespace === undefined
        ? [...accounts]
        : [[namespace, accounts.get(namespace) ?? new Set(['default'])] as const];
    for (const [ns, names] of targets)
      for (const name of names)
        addEdge({ from: id, to: account(ns, name), action: `become ServiceAccount ${ns}/${name}` });
    return id;
  };
  // One node per namespace stands for its pods, so that exec rights and node access cost one
  // edge each, not one per workload; it leads to each account whose token a pod there holds.
  const namespacePods = (namespace: string | undefined) => {
    const id = `NamespacePods:${namespace ?? '*'}`;
    if (nodes.has(id)) return id;
    node(
      id,
      'NamespacePods',
      namespace === undefined
        ? 'the pods of every namespace'
        : `the pods of namespace ${namespace}`,
    );
    for (const link of mounted.get(namespace) ?? []) {
      const label = `${link.ref.kind} ${link.namespace}/${link.ref.name}`;
      addEdge({
        from: id,
        to: `ServiceAccount:${link.namespace}/${link.serviceAccount}`,
        action: `use the token in the pods of ${label}`,
      });
    }
    return id;
  };
  const sinkFor = (from: string): EdgeSink => ({
    add: (to, action, grant, alsoNeeds, provider) => {
      if (!nodes.has(to)) node(to, to.startsWith('User:') ? 'User' : 'Group', to.replace(':', ' '));
      addEdge({
        from,
        to,
        action,
        grant,
        ...(alsoNeeds === undefined ? {} : { alsoNeeds }),
        ...(provider === undefined ? {} : { provider }),
      });
    },
    namespaceAccounts,
    namespacePods,
    tokenSecretAccounts: (ns) =>
      [...workloads.tokenSecrets]
        .filter(([n]) => ns === undefined || n === ns)
        .flatMap(([n, names]) => [...names].map((name) => account(n, name))),
    accountsNamed: (ns, name) =>
      (ns === undefined
        ? [...accounts.keys()].filter((n) => accounts.get(n)?.has(name) === true)
        : [ns]
      ).map((n) => account(n, name)),
    users: () => [...nodes.values()].filter((n) => n.kind === 'User').map((n) => n.id),
  });
  const grants = new PrincipalGrants(index);
  const principals = [...nodes.values()].filter(
    (n) => n.kind === 'User' || n.kind === 'Group' || n.kind === 'ServiceAccount',
  );
  for (const principal of principals) {
    if (principal.id === `Group:${SUPERUSER_GROUP}`)
      addEdge({
        from: principal.id,
        to: GOAL,
        action: 'is allowed everything by the superuser authorizer',
      });
    addPermissionEdges(grants.of(subjectKeys(principal)), privileged, sinkFor(principal.id));
  }
  addEdge({
    from: NODE,
    to: namespacePods(undefined),
    action: 'read the service-account tokens of the pods on the node',
  });
  return { nodes, edges, starts: [...starts] };
}
