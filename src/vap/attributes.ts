import type { KubeObject } from '../model/kube-object.ts';
import { effectiveNamespace } from '../model/scope.ts';
import type { GroupVersionKind, GroupVersionResource, ResourceResolver } from './resources.ts';
import { gvkOf } from './resources.ts';
import type { Operation } from './types.ts';

export interface UserInfo {
  username: string;
  uid?: string;
  groups?: readonly string[];
  extra?: Readonly<Record<string, readonly string[]>>;
}

/** What admission knows about a request (admission.Attributes), as the policy plugin reads it. */
export interface AdmissionAttributes {
  operation: Operation;
  kind: GroupVersionKind;
  resource: GroupVersionResource;
  /** `''` for the main resource. */
  subResource: string;
  name: string;
  /** `''` for cluster-scoped objects; a Namespace's own name for Namespace requests. */
  namespace: string;
  object: KubeObject | null;
  oldObject: KubeObject | null;
  userInfo: UserInfo;
  dryRun: boolean;
  /** CreateOptions / UpdateOptions / DeleteOptions, as sent. */
  options?: unknown;
  uid?: string;
}

/** The user an offline scan pretends to be (documented in docs/policies.md). */
export const OFFLINE_USER: UserInfo = {
  username: 'kubeward:offline',
  groups: ['system:authenticated'],
};

/**
 * The request an offline scan synthesises for an object: a CREATE by `userInfo`, no old object,
 * the object's own namespace (`default` when it has none, as `kubectl apply` would use).
 */
export function createAttributes(
  object: KubeObject,
  resolver: ResourceResolver,
  userInfo: UserInfo = OFFLINE_USER,
): AdmissionAttributes {
  const kind = gvkOf(object);
  const name = object.metadata?.name ?? '';
  const namespaced = resolver.namespaced(kind);
  let namespace = namespaced ? (effectiveNamespace(object) ?? 'default') : '';
  // The API server sets a Namespace request's namespace to the namespace's own name.
  if (kind.group === '' && kind.kind === 'Namespace') namespace = name;
  return {
    operation: 'CREATE',
    kind,
    resource: resolver.resourceOf(kind),
    subResource: '',
    name,
    namespace,
    object,
    oldObject: null,
    userInfo,
    dryRun: false,
    options: { apiVersion: 'meta.k8s.io/v1', kind: 'CreateOptions' },
  };
}

/**
 * The `request` variable: cel.CreateAdmissionRequest converted to unstructured JSON, so empty
 * optional fields are absent as they are on the API server (object and oldObject are never set).
 */
export function requestVariable(
  attributes: AdmissionAttributes,
  matched: { kind: GroupVersionKind; resource: GroupVersionResource },
): Record<string, unknown> {
  const request: Record<string, unknown> = {
    uid: attributes.uid ?? '',
    kind: { ...matched.kind },
    resource: { ...matched.resource },
    requestKind: { ...attributes.kind },
    requestResource: { ...attributes.resource },
    operation: attributes.operation,
    userInfo: userInfoJson(attributes.userInfo),
    dryRun: attributes.dryRun,
  };
  if (attributes.subResource !== '') {
    request.subResource = attributes.subResource;
    request.requestSubResource = attributes.subResource;
  }
  if (attributes.name !== '') request.name = attributes.name;
  if (attributes.namespace !== '') request.namespace = attributes.namespace;
  if (attributes.options !== undefined) request.options = attributes.options;
  return request;
}

function userInfoJson(user: UserInfo): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (user.username !== '') out.username = user.username;
  if (user.uid !== undefined && user.uid !== '') out.uid = user.uid;
  if (user.groups !== undefined && user.groups.length > 0) out.groups = [...user.groups];
  if (user.extra !== undefined && Object.keys(user.extra).length > 0) out.extra = user.extra;
  return out;
}
