import { posix } from 'node:path';
import type { ObjectPath } from '../../../engine/finding.ts';
import type { PodSpecRef } from '../../../model/pod-spec.ts';
import type { Rec } from './values.ts';
import { asArray, asRecord } from './values.ts';

/** A hostPath volume of a pod spec. */
export interface HostPathVolume {
  /** The volume's name (containers mount it by name). */
  name: string | undefined;
  /** The host path as written. */
  raw: string;
  /** Normalised: `..` and `//` resolved, no trailing slash. */
  path: string;
  /** Path of `hostPath.path` inside the object. */
  fieldPath: ObjectPath;
}

const cache = new WeakMap<object, readonly HostPathVolume[]>();

/** The hostPath volumes of a pod spec (computed once per spec and shared by the rules). */
export function hostPathVolumes(pod: PodSpecRef): readonly HostPathVolume[] {
  const cached = cache.get(pod.spec);
  if (cached !== undefined) return cached;
  const volumes = asArray((pod.spec as unknown as Rec).volumes);
  const found: HostPathVolume[] = [];
  for (let i = 0; i < volumes.length; i++) {
    const volume = asRecord(volumes[i]);
    const raw = asRecord(volume?.hostPath)?.path;
    if (typeof raw !== 'string' || raw === '') continue;
    found.push({
      name: typeof volume?.name === 'string' ? volume.name : undefined,
      raw,
      path: normalizeHostPath(raw),
      fieldPath: [...pod.path, 'volumes', i, 'hostPath', 'path'],
    });
  }
  cache.set(pod.spec, found);
  return found;
}

export function normalizeHostPath(raw: string): string {
  const normalized = posix.normalize(raw);
  return normalized.length > 1 && normalized.endsWith('/') ? normalized.slice(0, -1) : normalized;
}

/** `path` is `base` or lies under it. */
export function isWithin(path: string, base: string): boolean {
  return path === base || base === '/' || path.startsWith(`${base}/`);
}
