import type { AdmissionRequest } from '../admission/review.ts';
import type { AdmissionAttributes } from './attributes.ts';
import type { ResourceResolver } from './resources.ts';

/**
 * The attributes of a live AdmissionReview request, for evaluating policies in the webhook: the
 * request's own kind, resource, namespace, user and objects (the resource is resolved from the
 * kind when the review leaves it out).
 */
export function requestAttributes(
  request: AdmissionRequest,
  resolver: ResourceResolver,
): AdmissionAttributes {
  const object = request.object ?? null;
  const oldObject = request.oldObject ?? null;
  const name = request.name ?? object?.metadata?.name ?? oldObject?.metadata?.name ?? '';
  const attributes: AdmissionAttributes = {
    operation: request.operation,
    kind: { ...request.kind },
    resource:
      request.resource === undefined ? resolver.resourceOf(request.kind) : { ...request.resource },
    subResource: request.subResource ?? '',
    name,
    namespace: request.namespace ?? '',
    object,
    oldObject,
    userInfo: {
      username: request.userInfo?.username ?? '',
      ...(request.userInfo?.groups === undefined ? {} : { groups: request.userInfo.groups }),
    },
    dryRun: request.dryRun ?? false,
    uid: request.uid,
  };
  return attributes;
}
