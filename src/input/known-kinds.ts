import type { KubeObject } from '../model/kube-object.ts';
import { groupOf } from '../model/kube-object.ts';
import { isRecord } from '../model/kube-object.ts';

/** API groups served by a stock API server; any kind in them counts as known. */
const BUILT_IN_GROUPS = new Set([
  '',
  'apps',
  'batch',
  'autoscaling',
  'policy',
  'extensions',
  'networking.k8s.io',
  'rbac.authorization.k8s.io',
  'storage.k8s.io',
  'apiextensions.k8s.io',
  'apiregistration.k8s.io',
  'admissionregistration.k8s.io',
  'scheduling.k8s.io',
  'node.k8s.io',
  'coordination.k8s.io',
  'discovery.k8s.io',
  'events.k8s.io',
  'certificates.k8s.io',
  'flowcontrol.apiserver.k8s.io',
  'authentication.k8s.io',
  'authorization.k8s.io',
  'resource.k8s.io',
  'storagemigration.k8s.io',
  'internal.apiserver.k8s.io',
  'admission.k8s.io',
  'audit.k8s.io',
]);

/** Custom kinds some analyzer reads (pod templates, policies). */
const ANALYZED_CUSTOM_KINDS = new Set([
  'argoproj.io/Rollout',
  'apps.kruise.io/CloneSet',
  'serving.knative.dev/Service',
  'serving.knative.dev/Configuration',
  'keda.sh/ScaledJob',
  'wgpolicyk8s.io/PolicyReport',
  'wgpolicyk8s.io/ClusterPolicyReport',
]);

/** Group/kinds that CustomResourceDefinitions in the input define. */
export function kindsDefinedByCrds(objects: readonly KubeObject[]): Set<string> {
  const defined = new Set<string>();
  for (const object of objects) {
    if (object.kind !== 'CustomResourceDefinition') continue;
    const spec = object.spec;
    if (!isRecord(spec) || !isRecord(spec.names)) continue;
    if (typeof spec.group === 'string' && typeof spec.names.kind === 'string') {
      defined.add(`${spec.group}/${spec.names.kind}`);
    }
  }
  return defined;
}

/** Why an object's kind is unknown to Kubeward, or undefined when it is known. */
export function unknownKindReason(object: KubeObject, crdKinds: Set<string>): string | undefined {
  const group = groupOf(object.apiVersion);
  if (BUILT_IN_GROUPS.has(group)) return undefined;
  const groupKind = `${group}/${object.kind}`;
  if (ANALYZED_CUSTOM_KINDS.has(groupKind)) return undefined;
  return crdKinds.has(groupKind)
    ? `custom resource ${object.kind} (${object.apiVersion}) is defined by a CRD in the input; no analyzer reads it`
    : `unknown kind ${object.kind} (${object.apiVersion}): not built in and no CRD in the input defines it; only generic rules apply`;
}
