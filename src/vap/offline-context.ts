import type { Inventory } from '../model/inventory.ts';
import type { KubeObject } from '../model/kube-object.ts';
import { groupOf } from '../model/kube-object.ts';
import { effectiveNamespace } from '../model/scope.ts';
import type { ParamSource } from './params.ts';
import { ResourceResolver, gvkOf } from './resources.ts';

/**
 * A namespace as an offline scan sees it: the Namespace object of the input, or else one that
 * exists with only the label the API server puts on every namespace
 * (`kubernetes.io/metadata.name`): manifests are usually applied to namespaces made elsewhere.
 */
export function offlineNamespace(inventory: Inventory, name: string): KubeObject {
  const found = inventory.namespace(name)?.object;
  if (found !== undefined) return found;
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name, labels: { 'kubernetes.io/metadata.name': name } },
  };
}

/** Params from the scanned objects plus extra objects (from `--policy` paths). */
export function inventoryParams(inventory: Inventory, extra: readonly KubeObject[]): ParamSource {
  const resolver = new ResourceResolver(inventory);
  const all = [...extra, ...inventory.objects.map((item) => item.object)];
  const gvk = (paramKind: { apiVersion: string; kind: string }) =>
    gvkOf({ apiVersion: paramKind.apiVersion, kind: paramKind.kind });
  return {
    namespaced: (paramKind) => resolver.namespaced(gvk(paramKind)),
    list(paramKind, namespace) {
      const group = groupOf(paramKind.apiVersion);
      return all.filter(
        (o) =>
          o.kind === paramKind.kind &&
          groupOf(o.apiVersion) === group &&
          (namespace === undefined || effectiveNamespace(o) === namespace),
      );
    },
  };
}
