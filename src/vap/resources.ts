import type { Inventory } from '../model/inventory.ts';
import type { KubeObject } from '../model/kube-object.ts';
import { groupOf, isRecord } from '../model/kube-object.ts';
import { isClusterScoped } from '../model/scope.ts';

export interface GroupVersionKind {
  group: string;
  version: string;
  kind: string;
}

export interface GroupVersionResource {
  group: string;
  version: string;
  resource: string;
}

/** Built-in kinds whose plural is not what `meta.UnsafeGuessKindToResource` guesses. */
const IRREGULAR: Readonly<Record<string, string>> = { Endpoints: 'endpoints' };

/** `meta.UnsafeGuessKindToResource`: lowercase, then `s`, `es` after s, `ies` for a final y. */
export function guessResource(kind: string): string {
  const lower = kind.toLowerCase();
  if (lower === '') return '';
  if (lower.endsWith('s')) return `${lower}es`;
  if (lower.endsWith('y')) return `${lower.slice(0, -1)}ies`;
  return `${lower}s`;
}

export function gvkOf(object: KubeObject): GroupVersionKind {
  const slash = object.apiVersion.indexOf('/');
  return {
    group: groupOf(object.apiVersion),
    version: slash === -1 ? object.apiVersion : object.apiVersion.slice(slash + 1),
    kind: object.kind,
  };
}

interface CrdNames {
  plural: string;
  namespaced: boolean;
}

/** CustomResourceDefinitions of the inventory by `group/Kind`. */
function crdIndex(inventory: Inventory): ReadonlyMap<string, CrdNames> {
  return inventory.memo('vap:crd-names', (inv) => {
    const index = new Map<string, CrdNames>();
    for (const item of inv.ofKind('apiextensions.k8s.io/CustomResourceDefinition')) {
      const spec = item.object.spec;
      if (!isRecord(spec) || !isRecord(spec.names)) continue;
      const { kind, plural } = spec.names;
      if (typeof spec.group !== 'string' || typeof kind !== 'string' || typeof plural !== 'string')
        continue;
      index.set(`${spec.group}/${kind}`, { plural, namespaced: spec.scope !== 'Cluster' });
    }
    return index;
  });
}

/** Resolves kinds to resources and scopes: built-in table, then CRDs in the inventory, then a guess. */
export class ResourceResolver {
  readonly #crds: ReadonlyMap<string, CrdNames>;

  constructor(inventory?: Inventory) {
    this.#crds = inventory === undefined ? new Map() : crdIndex(inventory);
  }

  resourceOf(gvk: GroupVersionKind): GroupVersionResource {
    const crd = this.#crds.get(`${gvk.group}/${gvk.kind}`);
    const resource = crd?.plural ?? IRREGULAR[gvk.kind] ?? guessResource(gvk.kind);
    return { group: gvk.group, version: gvk.version, resource };
  }

  /** True when objects of this kind are namespaced. */
  namespaced(gvk: GroupVersionKind): boolean {
    const crd = this.#crds.get(`${gvk.group}/${gvk.kind}`);
    if (crd !== undefined) return crd.namespaced;
    const apiVersion = gvk.group === '' ? gvk.version : `${gvk.group}/${gvk.version}`;
    return !isClusterScoped({ apiVersion, kind: gvk.kind });
  }
}

/**
 * Resources the API server serves under several group/versions (what `matchPolicy: Equivalent`
 * matches across); versions of one group/resource are equivalent as well.
 */
const EQUIVALENT_GROUPS: readonly (readonly string[])[] = [
  ['apps/deployments', 'extensions/deployments'],
  ['apps/daemonsets', 'extensions/daemonsets'],
  ['apps/replicasets', 'extensions/replicasets'],
  ['networking.k8s.io/networkpolicies', 'extensions/networkpolicies'],
  ['networking.k8s.io/ingresses', 'extensions/ingresses'],
  ['events.k8s.io/events', '/events'],
];

/** Other group/resources the same objects are served as (versions excluded). */
export function equivalentGroupResources(gvr: GroupVersionResource): string[] {
  const key = `${gvr.group}/${gvr.resource}`;
  const group = EQUIVALENT_GROUPS.find((g) => g.includes(key));
  return group === undefined ? [] : group.filter((k) => k !== key);
}
