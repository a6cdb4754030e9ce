import rbacAdmissionControl from './rbac-admission-control.ts';
import rbacAnonymousBinding from './rbac-anonymous-binding.ts';
import rbacAwsAuth from './rbac-aws-auth.ts';
import rbacBind from './rbac-bind.ts';
import rbacBindingMissingRole from './rbac-binding-missing-role.ts';
import rbacBindingMissingSubject from './rbac-binding-missing-subject.ts';
import rbacClusterAdminEquivalent from './rbac-cluster-admin-equivalent.ts';
import rbacClusterBindingSingleNamespace from './rbac-cluster-binding-single-namespace.ts';
import rbacCrdControl from './rbac-crd-control.ts';
import rbacCreatePods from './rbac-create-pods.ts';
import rbacCreateTokens from './rbac-create-tokens.ts';
import rbacCsrApprove from './rbac-csr-approve.ts';
import rbacDeleteAnything from './rbac-delete-anything.ts';
import rbacEphemeralContainers from './rbac-ephemeral-containers.ts';
import rbacEscalate from './rbac-escalate.ts';
import rbacExecAttach from './rbac-exec-attach.ts';
import rbacImpersonate from './rbac-impersonate.ts';
import rbacNamespaceRelabel from './rbac-namespace-relabel.ts';
import rbacNetworkControl from './rbac-network-control.ts';
import rbacNodesProxy from './rbac-nodes-proxy.ts';
import rbacPersistentVolumes from './rbac-persistent-volumes.ts';
import rbacReadSecrets from './rbac-read-secrets.ts';
import rbacResourceNamesIneffective from './rbac-resource-names-ineffective.ts';
import rbacServicesStatus from './rbac-services-status.ts';
import rbacStatusTampering from './rbac-status-tampering.ts';
import rbacSystemMasters from './rbac-system-masters.ts';
import rbacUnknownVerb from './rbac-unknown-verb.ts';
import rbacWildcardVerbs from './rbac-wildcard-verbs.ts';
import type { AnyRule } from '../../engine/rule.ts';

/** The RBAC rules, sorted by id. */
export const rbacRules: readonly AnyRule[] = [
  rbacAdmissionControl,
  rbacAnonymousBinding,
  rbacAwsAuth,
  rbacBind,
  rbacBindingMissingRole,
  rbacBindingMissingSubject,
  rbacClusterAdminEquivalent,
  rbacClusterBindingSingleNamespace,
  rbacCrdControl,
  rbacCreatePods,
  rbacCreateTokens,
  rbacCsrApprove,
  rbacDeleteAnything,
  rbacEphemeralContainers,
  rbacEscalate,
  rbacExecAttach,
  rbacImpersonate,
  rbacNamespaceRelabel,
  rbacNetworkControl,
  rbacNodesProxy,
  rbacPersistentVolumes,
  rbacReadSecrets,
  rbacResourceNamesIneffective,
  rbacServicesStatus,
  rbacStatusTampering,
  rbacSystemMasters,
  rbacUnknownVerb,
  rbacWildcardVerbs,
];
