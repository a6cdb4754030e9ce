// Built-in resources of Kubernetes v1.37 (what `kubectl api-resources` lists on a bare cluster):
// group, scope and short names. Offline there is no discovery, so the CLI resolves `deploy` to
// `deployments.apps` from this table, and rules tell cluster-scoped grants from namespaced ones.

interface KnownResource {
  group: string;
  namespaced: boolean;
  short?: readonly string[];
}

const N = true;
const C = false;

const TABLE: Record<string, Record<string, [boolean, ...string[]]>> = {
  '': {
    bindings: [N],
    componentstatuses: [C, 'cs'],
    configmaps: [N, 'cm'],
    endpoints: [N, 'ep'],
    events: [N, 'ev'],
    limitranges: [N, 'limits'],
    namespaces: [C, 'ns'],
    nodes: [C, 'no'],
    persistentvolumeclaims: [N, 'pvc'],
    persistentvolumes: [C, 'pv'],
    pods: [N, 'po'],
    podtemplates: [N],
    replicationcontrollers: [N, 'rc'],
    resourcequotas: [N, 'quota'],
    secrets: [N],
    serviceaccounts: [N, 'sa'],
    services: [N, 'svc'],
  },
  apps: {
    controllerrevisions: [N],
    daemonsets: [N, 'ds'],
    deployments: [N, 'deploy'],
    replicasets: [N, 'rs'],
    statefulsets: [N, 'sts'],
  },
  batch: { cronjobs: [N, 'cj'], jobs: [N] },
  autoscaling: { horizontalpodautoscalers: [N, 'hpa'] },
  policy: { poddisruptionbudgets: [N, 'pdb'] },
  'networking.k8s.io': {
    ingressclasses: [C],
    ingresses: [N, 'ing'],
    ipaddresses: [C, 'ip'],
    networkpolicies: [N, 'netpol'],
    servicecidrs: [C],
  },
  'rbac.authorization.k8s.io': {
    clusterrolebindings: [C],
    clusterroles: [C],
    rolebindings: [N],
    roles: [N],
  },
  'storage.k8s.io': {
    csidrivers: [C],
    csinodes: [C],
    csistoragecapacities: [N],
    storageclasses: [C, 'sc'],
    volumeattachments: [C],
    volumeattributesclasses: [C, 'vac'],
  },
  'apiextensions.k8s.io': { customresourcedefinitions: [C, 'crd', 'crds'] },
  'apiregistration.k8s.io': { apiservices: [C] },
  'admissionregistration.k8s.io': {
    mutatingadmissionpolicies: [C],
    mutatingadmissionpolicybindings: [C],
    mutatingwebhookconfigurations: [C],
    validatingadmissionpolicies: [C],
    validatingadmissionpolicybindings: [C],
    validatingwebhookconfigurations: [C],
  },
  'certificates.k8s.io': {
    certificatesigningrequests: [C, 'csr'],
    clustertrustbundles: [C],
    podcertificaterequests: [N],
  },
  'coordination.k8s.io': { leasecandidates: [N], leases: [N] },
  'discovery.k8s.io': { endpointslices: [N] },
  'events.k8s.io': { events: [N, 'ev'] },
  'node.k8s.io': { runtimeclasses: [C] },
  'scheduling.k8s.io': { priorityclasses: [C, 'pc'] },
  'flowcontrol.apiserver.k8s.io': { flowschemas: [C], prioritylevelconfigurations: [C] },
  'authentication.k8s.io': { selfsubjectreviews: [C], tokenreviews: [C] },
  'authorization.k8s.io': {
    localsubjectaccessreviews: [N],
    selfsubjectaccessreviews: [C],
    selfsubjectrulesreviews: [C],
    subjectaccessreviews: [C],
  },
  'resource.k8s.io': {
    deviceclasses: [C],
    resourceclaims: [N],
    resourceclaimtemplates: [N],
    resourceslices: [C],
  },
};

/** Resources by plural name; a name in two groups keeps the first (core `events` before events.k8s.io). */
const BY_NAME = new Map<string, KnownResource & { name: string }>();
const BY_SHORT = new Map<string, string>();
const BY_GROUP_RESOURCE = new Map<string, KnownResource>();
for (const [group, resources] of Object.entries(TABLE)) {
  for (const [name, [namespaced, ...short]] of Object.entries(resources)) {
    const entry = { group, namespaced, short };
    BY_GROUP_RESOURCE.set(`${group}/${name}`, entry);
    if (!BY_NAME.has(name)) BY_NAME.set(name, { name, ...entry });
    for (const s of short) if (!BY_SHORT.has(s)) BY_SHORT.set(s, name);
  }
}

/** The API groups whose resources this table knows completely. */
export const BUILT_IN_GROUPS: ReadonlySet<string> = new Set(Object.keys(TABLE));

/**
 * A built-in resource by plural (`deployments`) or short name (`deploy`): its canonical
 * name and group. Undefined for anything else (custom resources need `RESOURCE.GROUP`).
 */
export function lookupResource(name: string): { name: string; group: string } | undefined {
  const plural = BY_SHORT.get(name) ?? name;
  const entry = BY_NAME.get(plural);
  return entry === undefined ? undefined : { name: entry.name, group: entry.group };
}

/** True for built-in cluster-scoped resources; undefined when the resource is not built in. */
export function isClusterScopedResource(group: string, resource: string): boolean | undefined {
  const entry = BY_GROUP_RESOURCE.get(`${group}/${resource.split('/')[0] ?? ''}`);
  return entry === undefined ? undefined : !entry.namespaced;
}
