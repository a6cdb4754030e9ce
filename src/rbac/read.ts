// Reads RBAC objects defensively: input is untrusted, so every list is checked element by element
// and anything that is not a string is dropped (the API server would have rejected the object).
import type { ObjectRef } from '../engine/finding.ts';
import type { KubeObject, ScanObject } from '../model/kube-object.ts';
import { groupOf, isRecord, labelsOf, refOf } from '../model/kube-object.ts';
import type { BindingDef, PolicyRule, RoleDef, RoleRef, Subject } from './types.ts';

export const RBAC_GROUP = 'rbac.authorization.k8s.io';

export type RbacKind = 'Role' | 'ClusterRole' | 'RoleBinding' | 'ClusterRoleBinding';

/** The RBAC kind of an object, whatever its version (v1, and the old v1beta1/v1alpha1). */
export function rbacKindOf(object: KubeObject): RbacKind | undefined {
  if (groupOf(object.apiVersion) !== RBAC_GROUP) return undefined;
  switch (object.kind) {
    case 'Role':
    case 'ClusterRole':
    case 'RoleBinding':
    case 'ClusterRoleBinding':
      return object.kind;
    default:
      return undefined;
  }
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

export function readRule(value: unknown): PolicyRule {
  const r = isRecord(value) ? value : {};
  return {
    verbs: strings(r.verbs),
    apiGroups: strings(r.apiGroups),
    resources: strings(r.resources),
    resourceNames: strings(r.resourceNames),
    nonResourceURLs: strings(r.nonResourceURLs),
  };
}

export function readRules(object: KubeObject): PolicyRule[] {
  return Array.isArray(object.rules) ? object.rules.map(readRule) : [];
}

export function readSubject(value: unknown): Subject {
  const s = isRecord(value) ? value : {};
  const subject: { kind: string; name: string; namespace?: string } = {
    kind: typeof s.kind === 'string' ? s.kind : '',
    name: typeof s.name === 'string' ? s.name : '',
  };
  if (typeof s.namespace === 'string' && s.namespace !== '') subject.namespace = s.namespace;
  return subject;
}

export function readRoleRef(object: KubeObject): RoleRef {
  const r = isRecord(object.roleRef) ? object.roleRef : {};
  return {
    kind: typeof r.kind === 'string' ? r.kind : '',
    name: typeof r.name === 'string' ? r.name : '',
  };
}

function namespaceOf(object: KubeObject): string {
  const ns = object.metadata?.namespace;
  // `kubectl apply` without -n puts namespaced objects in `default`.
  return typeof ns === 'string' && ns !== '' ? ns : 'default';
}

function refWithNamespace(ref: ObjectRef, namespace: string | undefined): ObjectRef {
  return namespace === undefined || ref.namespace === namespace ? ref : { ...ref, namespace };
}

export function roleKeyOf(kind: string, namespace: string | undefined, name: string): string {
  return kind === 'Role' ? `Role/${namespace ?? ''}/${name}` : `${kind}/${name}`;
}

/** A Role or ClusterRole as the index keeps it; effective rules start as the written ones. */
export function readRole(
  object: KubeObject,
  item: ScanObject | undefined,
  bootstrap: boolean,
): RoleDef | undefined {
  const kind = rbacKindOf(object);
  if (kind !== 'Role' && kind !== 'ClusterRole') return undefined;
  const namespace = kind === 'Role' ? namespaceOf(object) : undefined;
  const ref = refWithNamespace(item?.ref ?? refOf(object), namespace);
  const ownRules = readRules(object);
  const aggregation = isRecord(object.aggregationRule) ? object.aggregationRule : undefined;
  const selectors =
    aggregation === undefined
      ? undefined
      : Array.isArray(aggregation.clusterRoleSelectors)
        ? aggregation.clusterRoleSelectors
        : [];
  const origins = ownRules.map((_, ruleIndex) => ({ role: ref, ruleIndex }));
  return {
    key: roleKeyOf(kind, namespace, ref.name),
    kind,
    name: ref.name,
    ...(namespace === undefined ? {} : { namespace }),
    ref,
    labels: labelsOf(object),
    rules: ownRules,
    origins,
    ownRules,
    ...(kind === 'ClusterRole' && selectors !== undefined
      ? { aggregationSelectors: selectors }
      : {}),
    ...(item === undefined ? {} : { item }),
    bootstrap,
  };
}

export function readBinding(
  object: KubeObject,
  item: ScanObject | undefined,
  bootstrap: boolean,
): BindingDef | undefined {
  const kind = rbacKindOf(object);
  if (kind !== 'RoleBinding' && kind !== 'ClusterRoleBinding') return undefined;
  const namespace = kind === 'RoleBinding' ? namespaceOf(object) : undefined;
  const ref = refWithNamespace(item?.ref ?? refOf(object), namespace);
  const roleRef = readRoleRef(object);
  // A ClusterRoleBinding can only refer to a ClusterRole; anything else resolves to nothing.
  const roleKey =
    kind === 'ClusterRoleBinding' && roleRef.kind !== 'ClusterRole'
      ? `Invalid/${roleRef.kind}/${roleRef.name}`
      : roleKeyOf(roleRef.kind, namespace, roleRef.name);
  return {
    kind,
    name: ref.name,
    ...(namespace === undefined ? {} : { namespace }),
    ref,
    roleRef,
    roleKey,
    subjects: Array.isArray(object.subjects) ? object.subjects.map(readSubject) : [],
    ...(item === undefined ? {} : { item }),
    bootstrap,
    order: 0,
  };
}
