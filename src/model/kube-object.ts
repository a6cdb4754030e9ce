import type { ObjectMeta } from 'kubernetes-types/meta/v1.js';
import type { ObjectPath, ObjectRef } from '../engine/finding.ts';

/** Any Kubernetes object as it appears on the wire: apiVersion and kind are present, the rest unchecked. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata?: ObjectMeta;
  [field: string]: unknown;
}

/** Where an object came from; a finding's location depends on this and on nothing else. */
export type Origin =
  | {
      source: 'file';
      file: string;
      /** Index of the YAML document in its file (0-based). */
      documentIndex: number;
      /** Path of this object inside the document: `[]`, or `['items', i]` for a List item. */
      pathPrefix: ObjectPath;
    }
  | { source: 'cluster' }
  | { source: 'admission' };

/** One object of a scan: the object, its identity and where it came from. */
export interface ScanObject {
  object: KubeObject;
  ref: ObjectRef;
  origin: Origin;
  /** Sequence number in the scan, for stable ordering. */
  seq: number;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isKubeObject(value: unknown): value is KubeObject {
  return (
    isRecord(value) &&
    typeof value.apiVersion === 'string' &&
    value.apiVersion !== '' &&
    typeof value.kind === 'string' &&
    value.kind !== ''
  );
}

/** The API group of an apiVersion: `apps/v1` → `apps`, `v1` → `` (core). */
export function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash === -1 ? '' : apiVersion.slice(0, slash);
}

export function refOf(object: KubeObject): ObjectRef {
  const meta = object.metadata;
  const name =
    typeof meta?.name === 'string' && meta.name !== ''
      ? meta.name
      : typeof meta?.generateName === 'string'
        ? meta.generateName
        : '';
  const ref: ObjectRef = { apiVersion: object.apiVersion, kind: object.kind, name };
  if (typeof meta?.namespace === 'string' && meta.namespace !== '') ref.namespace = meta.namespace;
  return ref;
}

/** `Kind/namespace/name` or `Kind/name`, for messages and cluster locations. */
export function describeRef(ref: ObjectRef): string {
  return ref.namespace === undefined
    ? `${ref.kind}/${ref.name}`
    : `${ref.kind}/${ref.namespace}/${ref.name}`;
}

export function labelsOf(object: KubeObject): Record<string, string> {
  const labels = object.metadata?.labels;
  return isRecord(labels) ? labels : {};
}

export function annotationsOf(object: KubeObject): Record<string, string> {
  const annotations = object.metadata?.annotations;
  return isRecord(annotations) ? annotations : {};
}
