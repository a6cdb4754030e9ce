// The steps a principal's permissions open, each with the grant that allows it. Techniques:
// https://kubernetes.io/docs/concepts/security/rbac-good-practices/#kubernetes-rbac---privilege-escalation-risks
import type { PrivilegedNamespaces } from '../grant-scope.ts';
import { SUPERUSER_GROUP } from '../subjects.ts';
import { grantsIn } from './principal-grants.ts';
import type { HeldCapabilities, HeldGrant, PathCapability } from './principal-grants.ts';
import { GOAL, NODE } from './types.ts';
import type { StepGrant } from './types.ts';

/** Where an edge may lead, resolved by the graph (it knows the accounts and workloads). */
export interface EdgeSink {
  add(to: string, action: string, grant: StepGrant, alsoNeeds?: StepGrant, provider?: 'eks'): void;
  /** Node id of "any service account of the namespace" (`*`: of every namespace). */
  namespaceAccounts(namespace: string | undefined): string;
  /** Node id of "the pods of the namespace" (`*`: of every namespace), which lead to their accounts. */
  namespacePods(namespace: string | undefined): string;
  /** Service accounts with a legacy token Secret in the input, in a namespace (all when undefined). */
  tokenSecretAccounts(namespace: string | undefined): string[];
  /** Service accounts of a given name, in a namespace (every namespace when undefined). */
  accountsNamed(namespace: string | undefined, name: string): string[];
  /** Every User node. */
  users(): string[];
}

const where = (ns: string | undefined) =>
  ns === undefined ? 'in any namespace' : `in namespace ${ns}`;

export function addPermissionEdges(
  held: HeldCapabilities,
  privileged: PrivilegedNamespaces,
  sink: EdgeSink,
): void {
  const each = (name: PathCapability, fn: (g: HeldGrant) => void) => {
    for (const g of held.get(name) ?? []) fn(g);
  };
  const first = (name: PathCapability, ns: string | undefined) =>
    grantsIn(held, name, ns)[0]?.grant;

  each('clusterAdmin', (g) => {
    if (g.namespace === undefined) sink.add(GOAL, 'do anything cluster-wide', g.grant);
    else
      sink.add(
        sink.namespaceAccounts(g.namespace),
        `do anything ${where(g.namespace)}, so create pods there`,
        g.grant,
      );
  });
  each('createPods', (g) => {
    sink.add(
      sink.namespaceAccounts(g.namespace),
      `create pods (or workloads that make them) ${where(g.namespace)}, running as any service account there`,
      g.grant,
    );
    if (g.namespace === undefined || privileged(g.namespace))
      sink.add(
        NODE,
        `create a privileged pod ${g.namespace === undefined ? 'in kube-system' : where(g.namespace)}`,
        g.grant,
      );
    const relabel = first('namespaceRelabel', g.namespace);
    if (g.namespace !== undefined && relabel !== undefined)
      sink.add(
        NODE,
        `relabel namespace ${g.namespace} to Pod Security "privileged", then create a privileged pod there`,
        relabel,
        g.grant,
      );
    const volumes = first('persistentVolumes', undefined);
    if (volumes !== undefined)
      sink.add(
        NODE,
        'create a hostPath PersistentVolume and a pod that mounts it',
        volumes,
        g.grant,
      );
  });
  each('tokenRequest', (g) => {
    const names = g.rules.flatMap((r) => r.resourceNames);
    if (g.rules.some((r) => r.resourceNames.length === 0))
      sink.add(
        sink.namespaceAccounts(g.namespace),
        `request a token for any service account ${where(g.namespace)}`,
        g.grant,
      );
    else
      for (const name of names)
        for (const sa of sink.accountsNamed(g.namespace, name))
          sink.add(sa, `request a token for service account ${name}`, g.grant);
  });
  each('createTokens', (g) => {
    const read = first('readSecrets', g.namespace);
    if (g.probes.some((p) => p.resource === 'secrets') && read !== undefined)
      sink.add(
        sink.namespaceAccounts(g.namespace),
        `create a service-account token Secret ${where(g.namespace)} and read it back`,
        g.grant,
        read,
      );
  });
  each('readSecrets', (g) => {
    for (const sa of sink.tokenSecretAccounts(g.namespace))
      sink.add(sa, `read the token Secret of this service account ${where(g.namespace)}`, g.grant);
  });
  for (const name of ['execAttach', 'ephemeralContainers'] as const) {
    const verb = name === 'execAttach' ? 'exec into' : 'add an ephemeral container to';
    each(name, (g) => {
      sink.add(sink.namespacePods(g.namespace), `${verb} any pod ${where(g.namespace)}`, g.grant);
    });
  }
  each('nodesProxy', (g) => {
    sink.add(NODE, "exec into any pod through the kubelet's API (nodes/proxy)", g.grant);
  });
  each('bind', (g) => {
    const cluster =
      g.namespace === undefined ? first('createClusterRoleBindings', undefined) : undefined;
    if (cluster !== undefined)
      sink.add(GOAL, 'bind ClusterRole cluster-admin to itself (bind)', g.grant, cluster);
    const local =
      g.namespace === undefined
        ? (held.get('createRoleBindings') ?? [])
        : grantsIn(held, 'createRoleBindings', g.namespace).slice(0, 1);
    for (const rb of local)
      sink.add(
        sink.namespaceAccounts(rb.namespace),
        `bind an admin role to itself ${where(rb.namespace)} (bind), then create pods`,
        g.grant,
        rb.grant,
      );
  });
  each('escalate', (g) => {
    const write = first('writeClusterRoles', undefined);
    const bindings = first('createClusterRoleBindings', undefined);
    if (g.namespace === undefined && write !== undefined && bindings !== undefined)
      sink.add(
        GOAL,
        'write a ClusterRole with every permission (escalate) and bind it to itself',
        g.grant,
        write,
      );
  });
  each('impersonate', (g) => {
    impersonationEdges(g, sink);
  });
  each('csrApprove', (g) => {
    const resources = new Set(g.probes.map((p) => p.resource));
    if (
      g.namespace === undefined &&
      resources.has('certificatesigningrequests') &&
      resources.has('signers')
    )
      sink.add(GOAL, `approve a client certificate for group ${SUPERUSER_GROUP}`, g.grant);
  });
  each('mutatingWebhooks', (g) => {
    sink.add(
      GOAL,
      'register a mutating webhook that rewrites every pod and sees every Secret written',
      g.grant,
    );
  });
  each('awsAuth', (g) => {
    if (g.probes.every((p) => p.verb === 'delete')) return;
    sink.add(
      GOAL,
      `map an IAM identity to ${SUPERUSER_GROUP} in the EKS aws-auth ConfigMap`,
      g.grant,
      undefined,
      'eks',
    );
  });
}

function impersonationEdges(g: HeldGrant, sink: EdgeSink): void {
  for (const rule of g.rules) {
    const resources = new Set(
      g.probes
        .map((p) => p.resource)
        .filter((r) => rule.resources.includes(r) || rule.resources.includes('*')),
    );
    const names = rule.resourceNames;
    if (g.namespace === undefined && resources.has('groups')) {
      if (names.length === 0 || names.includes(SUPERUSER_GROUP))
        sink.add(GOAL, `impersonate group ${SUPERUSER_GROUP}`, g.grant);
      else
        for (const name of names) sink.add(`Group:${name}`, `impersonate group ${name}`, g.grant);
    }
    if (g.namespace === undefined && resources.has('users')) {
      const users = names.length > 0 ? names.map((n) => `User:${n}`) : sink.users();
      for (const user of users)
        sink.add(user, `impersonate user ${user.slice('User:'.length)}`, g.grant);
    }
    if (resources.has('serviceaccounts')) {
      if (names.length === 0)
        sink.add(
          sink.namespaceAccounts(g.namespace),
          `impersonate any service account ${where(g.namespace)}`,
          g.grant,
        );
      else
        for (const name of names)
          for (const sa of sink.accountsNamed(g.namespace, name))
            sink.add(sa, `impersonate service account ${name}`, g.grant);
    }
  }
}
