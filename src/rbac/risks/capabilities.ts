// The risky-permission catalogue: what each dangerous capability lets a subject request,
// expressed as probes matched by the exact authorizer. Sources: "RBAC good practices"
// (https://kubernetes.io/docs/concepts/security/rbac-good-practices/) and the RBAC docs on
// escalate, bind and impersonate (https://kubernetes.io/docs/reference/access-authn-authz/rbac/).
import type { PolicyRule } from '../types.ts';
import { probeMatches, probes } from './probe.ts';
import type { Probe } from './probe.ts';
import { NETWORK_POLICY_RESOURCES, SENSITIVE_RESOURCES, WORKLOAD_RESOURCES } from './resources.ts';

export interface Capability {
  readonly id: string;
  /** What the capability lets a subject do, completing "can …" (`read Secrets`). */
  readonly summary: string;
  readonly probes: readonly Probe[];
  /** A rule-level test beyond probes (e.g. wildcards on any group). */
  readonly matchesRule?: (rule: PolicyRule) => boolean;
}

const WRITE = ['create', 'update', 'patch', 'delete'];

const CLUSTER = { clusterScoped: true } as const;

export const CAPABILITIES = {
  clusterAdmin: {
    id: 'cluster-admin',
    summary: 'do anything (every verb on every resource of every API group)',
    probes: [{ verb: '*', apiGroup: '*', resource: '*' }],
  },
  wildcardVerbs: {
    id: 'wildcard-verbs',
    summary: 'use every verb on sensitive resources',
    probes: probes(['*'], SENSITIVE_RESOURCES),
  },
  readSecrets: {
    id: 'read-secrets',
    summary: 'read Secrets',
    probes: probes(['get', 'list', 'watch'], ['/secrets']),
  },
  createTokens: {
    id: 'create-tokens',
    summary: 'mint service-account tokens',
    probes: [
      ...probes(['create'], ['/serviceaccounts/token']),
      ...probes(['create'], ['/secrets']),
    ],
  },
  createPods: {
    id: 'create-pods',
    summary: 'create or change pods and workloads',
    probes: [
      ...probes(['create'], WORKLOAD_RESOURCES),
      ...probes(['update', 'patch'], WORKLOAD_RESOURCES),
    ],
  },
  execAttach: {
    id: 'exec-attach',
    summary: 'run commands in pods through exec, attach or port-forward',
    probes: probes(['create', 'get'], ['/pods/exec', '/pods/attach', '/pods/portforward']),
  },
  ephemeralContainers: {
    id: 'ephemeral-containers',
    summary: 'add ephemeral containers to pods',
    probes: probes(['update', 'patch'], ['/pods/ephemeralcontainers']),
  },
  nodesProxy: {
    id: 'nodes-proxy',
    summary: "reach every kubelet's API through nodes/proxy",
    probes: probes(['get', 'create', ...WRITE], ['/nodes/proxy'], CLUSTER),
  },
  escalate: {
    id: 'escalate',
    summary: 'write roles with permissions they do not hold (escalate)',
    probes: probes(
      ['escalate'],
      ['rbac.authorization.k8s.io/roles', 'rbac.authorization.k8s.io/clusterroles'],
      { anyName: true },
    ),
  },
  bind: {
    id: 'bind',
    summary: 'bind roles with permissions they do not hold (bind)',
    probes: probes(
      ['bind'],
      ['rbac.authorization.k8s.io/roles', 'rbac.authorization.k8s.io/clusterroles'],
      { anyName: true },
    ),
  },
  impersonate: {
    id: 'impersonate',
    summary: 'impersonate other users, groups or service accounts',
    probes: [
      ...probes(
        ['impersonate', 'impersonate:user-info'],
        ['/users', '/groups', 'authentication.k8s.io/uids', 'authentication.k8s.io/userextras'],
        { anyName: true, clusterScoped: true },
      ),
      ...probes(['impersonate', 'impersonate:serviceaccount'], ['/serviceaccounts'], {
        anyName: true,
      }),
      ...probes(['impersonate:arbitrary-node'], ['/nodes'], { anyName: true, clusterScoped: true }),
    ],
  },
  csrApprove: {
    id: 'csr-approve',
    summary: 'approve certificate signing requests',
    probes: [
      ...probes(
        ['update', 'patch'],
        ['certificates.k8s.io/certificatesigningrequests/approval'],
        CLUSTER,
      ),
      ...probes(['approve'], ['certificates.k8s.io/signers'], {
        anyName: true,
        clusterScoped: true,
      }),
    ],
  },
  admissionControl: {
    id: 'admission-control',
    summary: 'change admission webhooks and policies',
    probes: probes(
      WRITE,
      [
        'mutatingwebhookconfigurations',
        'validatingwebhookconfigurations',
        'validatingadmissionpolicies',
        'validatingadmissionpolicybindings',
        'mutatingadmissionpolicies',
        'mutatingadmissionpolicybindings',
      ].map((r) => `admissionregistration.k8s.io/${r}`),
      CLUSTER,
    ),
  },
  crdControl: {
    id: 'crd-control',
    summary: 'change CustomResourceDefinitions and APIServices',
    probes: probes(
      WRITE,
      ['apiextensions.k8s.io/customresourcedefinitions', 'apiregistration.k8s.io/apiservices'],
      CLUSTER,
    ),
  },
  namespaceRelabel: {
    id: 'namespace-relabel',
    summary: 'relabel namespaces (and so switch off Pod Security admission)',
    probes: probes(['update', 'patch'], ['/namespaces']),
  },
  persistentVolumes: {
    id: 'persistent-volumes',
    summary: 'create or change PersistentVolumes (hostPath volumes reach the node)',
    probes: probes(['create', 'update', 'patch'], ['/persistentvolumes'], CLUSTER),
  },
  statusTampering: {
    id: 'status-tampering',
    summary: 'rewrite node or pod status',
    probes: [
      ...probes(['update', 'patch'], ['/nodes/status'], CLUSTER),
      ...probes(['update', 'patch'], ['/pods/status']),
    ],
  },
  servicesStatus: {
    id: 'services-status',
    summary: 'set Service load-balancer status (CVE-2020-8554)',
    probes: probes(['update', 'patch'], ['/services/status']),
  },
  awsAuth: {
    id: 'aws-auth',
    summary: 'change the EKS aws-auth ConfigMap',
    probes: probes(['update', 'patch', 'delete'], ['/configmaps'], {
      name: 'aws-auth',
      namespace: 'kube-system',
    }),
  },
  networkControl: {
    id: 'network-control',
    summary: 'change network policies',
    probes: probes(WRITE, NETWORK_POLICY_RESOURCES),
  },
  deleteAnything: {
    id: 'delete-anything',
    summary: 'delete every kind of resource',
    probes: [],
    matchesRule: (rule) =>
      rule.resourceNames.length === 0 &&
      rule.resources.includes('*') &&
      rule.apiGroups.length > 0 &&
      rule.verbs.some((v) => v === 'delete' || v === 'deletecollection' || v === '*'),
  },
} as const satisfies Record<string, Capability>;

export type CapabilityName = keyof typeof CAPABILITIES;

/** The probes of a capability that one rule matches (empty: the rule does not grant it). */
export function matchedProbes(capability: Capability, rule: PolicyRule): Probe[] {
  const matched = capability.probes.filter((probe) => probeMatches(rule, probe));
  if (matched.length === 0 && capability.matchesRule?.(rule) === true)
    return [{ verb: '*', apiGroup: '*', resource: '*' }];
  return matched;
}

// Policy rules are read-only; every RBAC rule asks this of every rule of every role.
const clusterAdminRules = new WeakMap<PolicyRule, boolean>();

/** True for a rule that alone grants everything `cluster-admin` grants on resources. */
export function isClusterAdminRule(rule: PolicyRule): boolean {
  let answer = clusterAdminRules.get(rule);
  if (answer === undefined) {
    answer = matchedProbes(CAPABILITIES.clusterAdmin, rule).length > 0;
    clusterAdminRules.set(rule, answer);
  }
  return answer;
}
