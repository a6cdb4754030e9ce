import type { PssField } from '../check.ts';
import type { ContainerView } from './pod-view.ts';

/** A field of the pod spec. */
export function specField(...path: (string | number)[]): PssField {
  return { in: 'spec', path };
}

/** A field of one container, e.g. `containerField(c, 'securityContext', 'privileged')`. */
export function containerField(container: ContainerView, ...path: (string | number)[]): PssField {
  return { in: 'spec', path: [container.kind, container.index, ...path] };
}

/** An annotation of the pod metadata. */
export function annotationField(key: string): PssField {
  return { in: 'metadata', path: ['annotations', key] };
}
