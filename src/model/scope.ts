import type { KubeObject } from './kube-object.ts';
import { groupKindOf } from './kinds.ts';

/** Cluster-scoped group/kinds (built-in and common CRDs); everything else is namespaced. */
const CLUSTER_SCOPED = new Set([
  'Namespace',
  'Node',
  'PersistentVolume',
  'ComponentStatus',
  'apiextensions.k8s.io/CustomResourceDefinition',
  'apiregistration.k8s.io/APIService',
  'rbac.authorization.k8s.io/ClusterRole',
  'rbac.authorization.k8s.io/ClusterRoleBinding',
  'admissionregistration.k8s.io/ValidatingWebhookConfiguration',
  'admissionregistration.k8s.io/MutatingWebhookConfiguration',
  'admissionregistration.k8s.io/ValidatingAdmissionPolicy',
  'admissionregistration.k8s.io/ValidatingAdmissionPolicyBinding',
  'admissionregistration.k8s.io/MutatingAdmissionPolicy',
  'admissionregistration.k8s.io/MutatingAdmissionPolicyBinding',
  'storage.k8s.io/StorageClass',
  'storage.k8s.io/CSIDriver',
  'storage.k8s.io/CSINode',
  'storage.k8s.io/VolumeAttachment',
  'scheduling.k8s.io/PriorityClass',
  'node.k8s.io/RuntimeClass',
  'networking.k8s.io/IngressClass',
  'networking.k8s.io/IPAddress',
  'networking.k8s.io/ServiceCIDR',
  'policy/PodSecurityPolicy',
  'certificates.k8s.io/CertificateSigningRequest',
  'certificates.k8s.io/ClusterTrustBundle',
  'flowcontrol.apiserver.k8s.io/FlowSchema',
  'flowcontrol.apiserver.k8s.io/PriorityLevelConfiguration',
  'cert-manager.io/ClusterIssuer',
  'policy.networking.k8s.io/AdminNetworkPolicy',
  'policy.networking.k8s.io/BaselineAdminNetworkPolicy',
  'crd.projectcalico.org/GlobalNetworkPolicy',
  'projectcalico.org/GlobalNetworkPolicy',
  'wgpolicyk8s.io/ClusterPolicyReport',
  'kyverno.io/ClusterPolicy',
  'templates.gatekeeper.sh/ConstraintTemplate',
]);

export function isClusterScoped(object: KubeObject): boolean {
  return CLUSTER_SCOPED.has(groupKindOf(object));
}

/**
 * The namespace an object lives in once applied: its own, `default` for a namespaced object
 * without one (as `kubectl apply` does without `-n`), undefined for cluster-scoped objects.
 */
export function effectiveNamespace(object: KubeObject): string | undefined {
  if (isClusterScoped(object)) return undefined;
  const ns = object.metadata?.namespace;
  return typeof ns === 'string' && ns !== '' ? ns : 'default';
}
