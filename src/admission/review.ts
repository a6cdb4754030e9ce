import type { KubeObject } from '../model/kube-object.ts';
import { isKubeObject, isRecord } from '../model/kube-object.ts';
import { HttpError } from './http-error.ts';

/** The parts of an `admission.k8s.io/v1` AdmissionRequest the webhook reads. */
export interface AdmissionRequest {
  uid: string;
  kind: { group: string; version: string; kind: string };
  resource?: { group: string; version: string; resource: string };
  subResource?: string;
  name?: string;
  namespace?: string;
  operation: 'CREATE' | 'UPDATE' | 'DELETE' | 'CONNECT';
  userInfo?: { username?: string; groups?: string[] };
  object?: KubeObject;
  oldObject?: KubeObject;
  dryRun?: boolean;
}

export interface JsonPatchOperation {
  op: 'add' | 'replace' | 'remove';
  path: string;
  value?: unknown;
}

export interface AdmissionResponse {
  uid: string;
  allowed: boolean;
  status?: { code: number; message: string; reason?: string };
  warnings?: string[];
  auditAnnotations?: Record<string, string>;
  patchType?: 'JSONPatch';
  patch?: string;
}

const OPERATIONS = new Set(['CREATE', 'UPDATE', 'DELETE', 'CONNECT']);

/**
 * Checks an AdmissionReview body and returns its request. Anything malformed is a 400 that says
 * what is wrong (never a 500): the API server shows it to the user.
 */
export function parseReview(body: unknown): AdmissionRequest {
  if (!isRecord(body)) throw new HttpError(400, 'body is not a JSON object');
  if (body.apiVersion !== 'admission.k8s.io/v1' || body.kind !== 'AdmissionReview') {
    throw new HttpError(400, 'expected an admission.k8s.io/v1 AdmissionReview');
  }
  const request = body.request;
  if (!isRecord(request)) throw new HttpError(400, 'AdmissionReview has no request');
  if (typeof request.uid !== 'string' || request.uid === '')
    throw new HttpError(400, 'request.uid is missing');
  if (typeof request.operation !== 'string' || !OPERATIONS.has(request.operation)) {
    throw new HttpError(400, 'request.operation must be CREATE, UPDATE, DELETE or CONNECT');
  }
  const kind = request.kind;
  if (!isRecord(kind) || typeof kind.kind !== 'string' || typeof kind.version !== 'string') {
    throw new HttpError(400, 'request.kind must be a GroupVersionKind');
  }
  const object = optionalObject(request.object, 'request.object');
  const oldObject = optionalObject(request.oldObject, 'request.oldObject');
  const parsed: AdmissionRequest = {
    uid: request.uid,
    kind: {
      group: typeof kind.group === 'string' ? kind.group : '',
      version: kind.version,
      kind: kind.kind,
    },
    operation: request.operation as AdmissionRequest['operation'],
    dryRun: request.dryRun === true,
  };
  if (typeof request.name === 'string') parsed.name = request.name;
  if (typeof request.namespace === 'string' && request.namespace !== '')
    parsed.namespace = request.namespace;
  if (typeof request.subResource === 'string' && request.subResource !== '')
    parsed.subResource = request.subResource;
  if (isRecord(request.userInfo)) {
    const user = request.userInfo;
    parsed.userInfo = {
      ...(typeof user.username === 'string' ? { username: user.username } : {}),
      ...(Array.isArray(user.groups)
        ? { groups: user.groups.filter((g): g is string => typeof g === 'string') }
        : {}),
    };
  }
  if (object !== undefined) parsed.object = withNamespace(object, parsed.namespace);
  if (oldObject !== undefined) parsed.oldObject = withNamespace(oldObject, parsed.namespace);
  return parsed;
}

function optionalObject(value: unknown, field: string): KubeObject | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isKubeObject(value))
    throw new HttpError(400, `${field} must be a Kubernetes object with apiVersion and kind`);
  return value;
}

/** Objects in a request may omit the namespace the request names (generateName, defaulting). */
function withNamespace(object: KubeObject, namespace: string | undefined): KubeObject {
  if (namespace === undefined || object.metadata?.namespace !== undefined) return object;
  return { ...object, metadata: { ...object.metadata, namespace } };
}

/** The AdmissionReview the API server expects back. */
export function reviewResponse(response: AdmissionResponse): Record<string, unknown> {
  return { apiVersion: 'admission.k8s.io/v1', kind: 'AdmissionReview', response };
}
