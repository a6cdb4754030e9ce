import type { Inventory } from '../model/inventory.ts';
import type { Labels } from './label-selector.ts';
import { normaliseLabels } from './label-selector.ts';

/** Set by the API server on every namespace since Kubernetes 1.21 (NamespaceDefaultLabelName). */
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

/**
 * Namespace labels as `namespaceSelector` sees them: the Namespace object's labels, or none when
 * the input has no such object, plus `kubernetes.io/metadata.name`, which the API server always
 * sets to the name (overriding any value a manifest gives).
 */
export class NamespaceLabels {
  readonly #declared = new Map<string, Record<string, string>>();
  readonly #cache = new Map<string, Labels>();

  constructor(inventory: Inventory) {
    for (const item of inventory.ofKind('Namespace')) {
      this.#declared.set(item.ref.name, normaliseLabels(item.object.metadata?.labels));
    }
  }

  of(namespace: string): Labels {
    let labels = this.#cache.get(namespace);
    if (labels === undefined) {
      labels = { ...this.#declared.get(namespace), [NAMESPACE_NAME_LABEL]: namespace };
      this.#cache.set(namespace, labels);
    }
    return labels;
  }

  /** True when the input declares a Namespace object of that name. */
  declared(namespace: string): boolean {
    return this.#declared.has(namespace);
  }
}
