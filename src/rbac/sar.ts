// SubjectAccessReview shapes (authorization.k8s.io/v1), so that answers can be compared with a
// real API server's: https://kubernetes.io/docs/reference/kubernetes-api/authorization-resources/subject-access-review-v1/
import type { AccessAttributes } from './types.ts';

export interface SubjectAccessReviewSpec {
  user: string;
  groups: string[];
  resourceAttributes?: {
    namespace?: string;
    verb: string;
    group?: string;
    resource?: string;
    subresource?: string;
    name?: string;
  };
  nonResourceAttributes?: { path: string; verb: string };
}

export function toSubjectAccessReviewSpec(attributes: AccessAttributes): SubjectAccessReviewSpec {
  const spec: SubjectAccessReviewSpec = { user: attributes.user, groups: [...attributes.groups] };
  if (attributes.path !== undefined) {
    spec.nonResourceAttributes = { path: attributes.path, verb: attributes.verb };
    return spec;
  }
  const r: NonNullable<SubjectAccessReviewSpec['resourceAttributes']> = { verb: attributes.verb };
  if (attributes.namespace !== undefined && attributes.namespace !== '')
    r.namespace = attributes.namespace;
  if (attributes.apiGroup !== undefined && attributes.apiGroup !== '')
    r.group = attributes.apiGroup;
  if (attributes.resource !== undefined) r.resource = attributes.resource;
  if (attributes.subresource !== undefined && attributes.subresource !== '')
    r.subresource = attributes.subresource;
  if (attributes.name !== undefined && attributes.name !== '') r.name = attributes.name;
  spec.resourceAttributes = r;
  return spec;
}

export function fromSubjectAccessReviewSpec(spec: SubjectAccessReviewSpec): AccessAttributes {
  const base = { user: spec.user, groups: spec.groups };
  if (spec.nonResourceAttributes !== undefined)
    return {
      ...base,
      verb: spec.nonResourceAttributes.verb,
      path: spec.nonResourceAttributes.path,
    };
  const r = spec.resourceAttributes ?? { verb: '' };
  return {
    ...base,
    verb: r.verb,
    apiGroup: r.group ?? '',
    resource: r.resource ?? '',
    subresource: r.subresource ?? '',
    namespace: r.namespace ?? '',
    name: r.name ?? '',
  };
}
