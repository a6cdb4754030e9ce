import type { PssCheckDefinition, PssCheckOutcome, PssField } from '../check.ts';
import { upstreamSource } from '../check.ts';
import { annotationField } from '../internal/fields.ts';
import { goQuote, pluralize, sortedSet } from '../internal/format.ts';
import type { PodView } from '../internal/pod-view.ts';
import { badSeccompSetters } from './seccomp-common.ts';

export const SECCOMP_POD_ANNOTATION = 'seccomp.security.alpha.kubernetes.io/pod';
export const SECCOMP_CONTAINER_ANNOTATION_PREFIX =
  'container.seccomp.security.alpha.kubernetes.io/';

function validAnnotation(value: string): boolean {
  return (
    value === 'runtime/default' || value === 'docker/default' || value.startsWith('localhost/')
  );
}

/** Policy v1.0–v1.18 read the alpha seccomp annotations, not the field. */
function seccompProfileBaseline1Dot0(pod: PodView): PssCheckOutcome | undefined {
  const forbidden: string[] = [];
  const fields: PssField[] = [];
  const seen = new Set<string>();
  const inspect = (key: string) => {
    const value = pod.annotations?.[key];
    if (typeof value !== 'string' || validAnnotation(value) || seen.has(key)) return;
    seen.add(key);
    forbidden.push(`${key}=${goQuote(value)}`);
    fields.push(annotationField(key));
  };
  inspect(SECCOMP_POD_ANNOTATION);
  for (const c of pod.containers) inspect(SECCOMP_CONTAINER_ANNOTATION_PREFIX + c.name);
  if (forbidden.length === 0) return undefined;
  const list = sortedSet(forbidden);
  return {
    reason: 'seccompProfile',
    detail: `forbidden ${pluralize('annotation', 'annotations', list.length)} ${list.join(', ')}`,
    fields,
  };
}

/** From v1.19 the field: if set, its type must be RuntimeDefault or Localhost. */
function seccompProfileBaseline1Dot19(pod: PodView): PssCheckOutcome | undefined {
  const found = badSeccompSetters(pod);
  if (found === undefined) return undefined;
  return { reason: 'seccompProfile', detail: found.detail, fields: found.fields };
}

// Mirrors check_seccompProfile_baseline.go.
export const seccompProfileBaselineCheck: PssCheckDefinition = {
  id: 'seccompProfile_baseline',
  level: 'baseline',
  source: upstreamSource('check_seccompProfile_baseline.go'),
  versions: [
    { minVersion: 0, check: seccompProfileBaseline1Dot0 },
    { minVersion: 19, check: seccompProfileBaseline1Dot19 },
  ],
};
