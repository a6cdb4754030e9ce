// The escalation graph: every principal and workload of the input, the steps their permissions
// open (permission-edges.ts), and the structural steps that follow from owning something: a
// workload's pods hold its account's token, "any account of a namespace" is each of them, and
// root on a node reads the tokens of the pods there.
import type { PrivilegedNamespaces } from '../grant-scope.ts';
import type { RbacIndex } from '../rbac-index.ts';
import {
  ALL_AUTHENTICATED,
  ALL_UNAUTHENTICATED,
  ANONYMOUS_USER,
  serviceAccountGroups,
  serviceAccountNamespace,
  serviceAccountUser,
  SUPERUSER_GROUP,
} from '../subjects.ts';
import type { WorkloadIndex } from '../workloads.ts';
import { addPermissionEdges } from './permission-edges.ts';
import type { EdgeSink } from './permission-edges.ts';
import { PrincipalGrants } from './principal-grants.ts';
import { GOAL, NODE } from './types.ts';
import type { EscalationGraph, PathEdge, PathNode, PathNodeKind, StepGrant } from './types.ts';

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
  const seenEdges = new Set<string>();
  const accounts = new Map<string, Set<string>>();
  const node = (id: string, kind: PathNodeKind, label: string) => {
    if (!nodes.has(id)) nodes.set(id, { id, kind, label });
    return id;
  };
  const addEdge = (edge: PathEdge) => {
    const key = `${edge.from}\u0000${edge.to}`;
    if (edge.from === edge.to || seenEdges.has(key)) return;
    seenEdges.add(key);
    const list = edges.get(edge.from);
    if (list === undefined) edges.set(edge.from, [edge]);
    else list.push(edge);
  };
  const account = (namespace: string, name: string) => {
    accounts.set(namespace, (accounts.get(namespace) ?? new Set()).add(name));
    return node(
      `ServiceAccount:${namespace}/${name}`,
      'ServiceAccount',
      `ServiceAccount ${namespace}/${name}`,
    );
  };
  node(GOAL, 'ClusterAdmin', 'cluster-admin-equivalent power');
  node(NODE, 'Node', 'root on a node');

  // Subjects only the default bindings name (controllers, system:masters) are steps, not starts.
  const fromInput = new Set<string>();
  for (const binding of index.bindings) {
    for (const subject of binding.subjects) {
      if (subject.kind === 'User') node(`User:${subject.name}`, 'User', `User ${subject.name}`);
      else if (subject.kind === 'Group')
        node(`Group:${subject.name}`, 'Group', `Group ${subject.name}`);
      else if (subject.kind === 'ServiceAccount') {
        const ns = serviceAccountNamespace(subject, binding.namespace);
        if (ns !== undefined) account(ns, subject.name);
      }
    }
  }
  for (const [ns, names] of workloads.serviceAccounts)
    for (const name of names.keys()) account(ns, name);
  const workloadIds = new Map<string | undefined, string[]>([[undefined, []]]);
  for (const link of workloads.all) {
    const id = node(
      `Workload:${link.ref.kind}/${link.namespace}/${link.ref.name}`,
      'Workload',
      `${link.ref.kind} ${link.namespace}/${link.ref.name}`,
    );
    fromInput.add(id);
    const sa = account(link.namespace, link.serviceAccount);
    if (!link.tokenMounted) continue;
    addEdge({
      from: id,
      to: sa,
      action: `run its pods as ${sa.slice('ServiceAccount:'.length)} with the token mounted`,
    });
    workloadIds.get(undefined)?.push(id);
    workloadIds.set(link.namespace, [...(workloadIds.get(link.namespace) ?? []), id]);
  }
  const principals = [...nodes.values()]
    .filter((n) => n.kind !== 'ClusterAdmin' && n.kind !== 'Node')
    .map((n) => n.id);
  const starts = principals.filter((id) => fromInput.has(id));

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
        ? [...accounts.entries()]
        : [[namespace, accounts.get(namespace) ?? new Set<string>(['default'])] as const];
    for (const [ns, names] of targets)
      for (const name of names)
        addEdge({ from: id, to: account(ns, name), action: `become ServiceAccount ${ns}/${name}` });
    return id;
  };
  const grants = new PrincipalGrants(index);
  for (const id of principals) {
    const principal = nodes.get(id);
    if (principal === undefined || principal.kind === 'Workload') continue;
    if (id === `Group:${SUPERUSER_GROUP}`)
      addEdge({ from: id, to: GOAL, action: 'is allowed everything by the superuser authorizer' });
    const sink: EdgeSink = {
      add: (to, action, grant, alsoNeeds, provider) => {
        if (!nodes.has(to))
          node(to, to.startsWith('User:') ? 'User' : 'Group', to.replace(':', ' '));
        const extra = {
          ...(alsoNeeds === undefined ? {} : { alsoNeeds }),
          ...(provider === undefined ? {} : { provider }),
        };
        addEdge({ from: id, to, action, grant, ...extra });
      },
      namespaceAccounts,
      workloads: (ns) => workloadIds.get(ns) ?? [],
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
    };
    addPermissionEdges(grants.of(subjectKeys(principal)), privileged, sink);
  }
  for (const id of workloadIds.get(undefined) ?? [])
    addEdge({ from: NODE, to: id, action: 'read the token of its pods on the node' });
  return { nodes, edges, starts };
}

/** The subject keys whose bindings apply to a principal: its own and its groups'. */
export function subjectKeys(principal: PathNode): string[] {
  const name = principal.id.slice(principal.id.indexOf(':') + 1);
  switch (principal.kind) {
    case 'User':
      return name === ANONYMOUS_USER
        ? [principal.id, `Group:${ALL_UNAUTHENTICATED}`]
        : [principal.id, `Group:${ALL_AUTHENTICATED}`];
    case 'Group':
      return name === ALL_UNAUTHENTICATED || name === ALL_AUTHENTICATED
        ? [principal.id]
        : [principal.id, `Group:${ALL_AUTHENTICATED}`];
    case 'ServiceAccount': {
      const [ns = '', sa = ''] = name.split('/');
      return [
        principal.id,
        `User:${serviceAccountUser(ns, sa)}`,
        ...serviceAccountGroups(ns).map((g) => `Group:${g}`),
        `Group:${ALL_AUTHENTICATED}`,
      ];
    }
    default:
      return [];
  }
}
