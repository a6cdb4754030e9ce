import type { Rec } from './values.ts';
import { asArray, asRecord, stringOrEmpty } from './values.ts';

export type ContainerKind = 'initContainers' | 'containers' | 'ephemeralContainers';

/** A container as every check sees it, with where it sits in the pod spec. */
export interface ContainerView {
  readonly kind: ContainerKind;
  readonly index: number;
  /** Go zero value ("") when missing or not a string, as upstream would print it. */
  readonly name: string;
  readonly value: Rec;
  readonly securityContext: Rec | undefined;
}

/** The pod digested once per evaluation and shared by every check. */
export interface PodView {
  readonly spec: Rec;
  readonly annotations: Rec | undefined;
  readonly securityContext: Rec | undefined;
  /** Init, regular, then ephemeral containers: upstream visitContainers order. */
  readonly containers: readonly ContainerView[];
  /** `spec.os.name: windows`; restricted checks exempt such pods from policy v1.25. */
  readonly windows: boolean;
  /** `spec.hostUsers: false`: the pod runs in a user namespace (KEP-127). */
  readonly userNamespace: boolean;
  /**
   * False for a Pod as the API server admits it, true for a workload's pod template: only Pods
   * get the Pod-level defaulting and create-time preparation that run before admission.
   */
  readonly template: boolean;
}

const KINDS: readonly ContainerKind[] = ['initContainers', 'containers', 'ephemeralContainers'];

/**
 * Builds the view. Entries that are not objects are skipped (the API server would not decode
 * them), but indexes stay those of the input so that field paths point at the right item.
 */
export function podView(metadata: unknown, spec: unknown, template = false): PodView {
  const specRec = asRecord(spec) ?? {};
  const containers: ContainerView[] = [];
  for (const kind of KINDS) {
    const list = asArray(specRec[kind]);
    for (let index = 0; index < list.length; index++) {
      const value = asRecord(list[index]);
      if (value === undefined) continue;
      containers.push({
        kind,
        index,
        name: stringOrEmpty(value.name),
        value,
        securityContext: asRecord(value.securityContext),
      });
    }
  }
  return {
    spec: specRec,
    annotations: asRecord(asRecord(metadata)?.annotations),
    securityContext: asRecord(specRec.securityContext),
    containers,
    windows: asRecord(specRec.os)?.name === 'windows',
    userNamespace: specRec.hostUsers === false,
    template,
  };
}
