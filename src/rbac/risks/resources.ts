// Resource lists of the risky-permission catalogue, as `group/resource[/subresource]` ('' is core).

/** What creates pods: pods themselves and the built-in workload controllers. */
export const WORKLOAD_RESOURCES = [
  '/pods',
  '/replicationcontrollers',
  'apps/deployments',
  'apps/daemonsets',
  'apps/statefulsets',
  'apps/replicasets',
  'batch/jobs',
  'batch/cronjobs',
] as const;

/** Resources where a wildcard verb is dangerous (every verb includes the escalating ones). */
export const SENSITIVE_RESOURCES = [
  '/secrets',
  '/pods',
  '/pods/exec',
  '/pods/attach',
  '/pods/ephemeralcontainers',
  '/serviceaccounts',
  '/serviceaccounts/token',
  '/nodes',
  '/nodes/proxy',
  '/namespaces',
  '/persistentvolumes',
  '/configmaps',
  'apps/deployments',
  'apps/daemonsets',
  'apps/statefulsets',
  'batch/jobs',
  'batch/cronjobs',
  'rbac.authorization.k8s.io/roles',
  'rbac.authorization.k8s.io/clusterroles',
  'rbac.authorization.k8s.io/rolebindings',
  'rbac.authorization.k8s.io/clusterrolebindings',
  'admissionregistration.k8s.io/mutatingwebhookconfigurations',
  'admissionregistration.k8s.io/validatingwebhookconfigurations',
  'apiextensions.k8s.io/customresourcedefinitions',
  'certificates.k8s.io/certificatesigningrequests',
] as const;

/** Network policy kinds: built-in, AdminNetworkPolicy, Calico, Cilium and Istio authorization. */
export const NETWORK_POLICY_RESOURCES = [
  'networking.k8s.io/networkpolicies',
  'policy.networking.k8s.io/adminnetworkpolicies',
  'policy.networking.k8s.io/baselineadminnetworkpolicies',
  'crd.projectcalico.org/networkpolicies',
  'crd.projectcalico.org/globalnetworkpolicies',
  'projectcalico.org/networkpolicies',
  'projectcalico.org/globalnetworkpolicies',
  'cilium.io/ciliumnetworkpolicies',
  'cilium.io/ciliumclusterwidenetworkpolicies',
  'security.istio.io/authorizationpolicies',
] as const;
