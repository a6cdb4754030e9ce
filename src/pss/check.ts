import type { PssCheckLevel } from './level.ts';
import type { PodView } from './internal/pod-view.ts';

/** A field a check objects to, relative to the pod spec or to the pod's metadata. */
export interface PssField {
  in: 'spec' | 'metadata';
  /** e.g. `['containers', 0, 'securityContext', 'privileged']`; for a missing field, its path. */
  path: readonly (string | number)[];
}

/** One failed check, with the reason and detail strings the API server prints. */
export interface PssCheckFailure {
  checkId: string;
  level: PssCheckLevel;
  forbiddenReason: string;
  forbiddenDetail: string;
  fields: readonly PssField[];
}

/** What a check function returns when it forbids the pod (undefined when it allows it). */
export interface PssCheckOutcome {
  reason: string;
  detail: string;
  fields: PssField[];
}

export type PssCheckFn = (pod: PodView) => PssCheckOutcome | undefined;

/** One revision of a check, in force from `minVersion` (a v1 minor) until the next revision. */
export interface PssCheckVersion {
  minVersion: number;
  check: PssCheckFn;
  /** Baseline check ids this restricted revision replaces when the level is restricted. */
  overrides?: readonly string[];
}

/** A check of the catalogue, with its revisions in increasing `minVersion` order. */
export interface PssCheckDefinition {
  /** Upstream check id, e.g. `capabilities_restricted`. */
  id: string;
  level: PssCheckLevel;
  /** Link to the upstream source this check mirrors. */
  source: string;
  versions: readonly PssCheckVersion[];
}

const UPSTREAM =
  'https://github.com/kubernetes/kubernetes/blob/master/staging/src/k8s.io/pod-security-admission/policy/';

/** GitHub address of an upstream policy file. */
export function upstreamSource(file: string): string {
  return `${UPSTREAM}${file}`;
}
