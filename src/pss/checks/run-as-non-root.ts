import type { PssCheckDefinition, PssCheckOutcome, PssField } from '../check.ts';
import { upstreamSource } from '../check.ts';
import { containerField, specField } from '../internal/fields.ts';
import { containersPhrase } from '../internal/format.ts';
import type { ContainerView, PodView } from '../internal/pod-view.ts';

/** runAsNonRoot must be true on the pod, or on every container that does not inherit it. */
function runAsNonRoot1Dot0(pod: PodView): PssCheckOutcome | undefined {
  const setters: string[] = [];
  const fields: PssField[] = [];
  const podValue = pod.securityContext?.runAsNonRoot;
  if (podValue === false) {
    setters.push('pod');
    fields.push(specField('securityContext', 'runAsNonRoot'));
  }
  const explicit: string[] = [];
  const implicit: ContainerView[] = [];
  for (const c of pod.containers) {
    const value = c.securityContext?.runAsNonRoot;
    if (value === false) {
      explicit.push(c.name);
      fields.push(containerField(c, 'securityContext', 'runAsNonRoot'));
    } else if (value !== true && podValue !== true) {
      implicit.push(c);
    }
  }
  if (explicit.length > 0) setters.push(containersPhrase(explicit));
  if (setters.length > 0) {
    return {
      reason: 'runAsNonRoot != true',
      detail: `${setters.join(' and ')} must not set securityContext.runAsNonRoot=false`,
      fields,
    };
  }
  if (implicit.length === 0) return undefined;
  return {
    reason: 'runAsNonRoot != true',
    detail: `pod or ${containersPhrase(implicit.map((c) => c.name))} must set securityContext.runAsNonRoot=true`,
    fields: implicit.map((c) => containerField(c, 'securityContext', 'runAsNonRoot')),
  };
}

/**
 * From policy v1.35 a user-namespace pod (`hostUsers: false`) is exempt: root in the pod is
 * unprivileged on the host (KEP-127). Earlier versions never relax (the gate that did was alpha,
 * off by default, and removed in 1.35).
 */
function runAsNonRoot1Dot35(pod: PodView): PssCheckOutcome | undefined {
  return pod.userNamespace ? undefined : runAsNonRoot1Dot0(pod);
}

// Mirrors check_runAsNonRoot.go.
export const runAsNonRootCheck: PssCheckDefinition = {
  id: 'runAsNonRoot',
  level: 'restricted',
  source: upstreamSource('check_runAsNonRoot.go'),
  versions: [
    { minVersion: 0, check: runAsNonRoot1Dot0 },
    { minVersion: 35, check: runAsNonRoot1Dot35 },
  ],
};
