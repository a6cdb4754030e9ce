import type { KubeObject, ScanObject } from './kube-object.ts';
import { labelsOf } from './kube-object.ts';
import { groupKindOf } from './kinds.ts';
import { effectiveNamespace } from './scope.ts';

/**
 * Every object of one scan, indexed once by group/kind, namespace and name, and shared by all
 * analyzers. Cross-object analyses cache their derived indexes here through `memo`.
 */
export class Inventory {
  readonly objects: readonly ScanObject[];
  readonly #byKind = new Map<string, ScanObject[]>();
  readonly #byNamespace = new Map<string, ScanObject[]>();
  readonly #byKey = new Map<string, ScanObject>();
  readonly #memo = new Map<unknown, unknown>();

  constructor(objects: readonly ScanObject[]) {
    this.objects = objects;
    for (const item of objects) {
      const groupKind = groupKindOf(item.object);
      push(this.#byKind, groupKind, item);
      const ns = effectiveNamespace(item.object);
      if (ns !== undefined) push(this.#byNamespace, ns, item);
      this.#byKey.set(key(groupKind, ns, item.ref.name), item);
    }
  }

  /** Objects of one group/kind (`Pod`, `apps/Deployment`, `rbac.authorization.k8s.io/Role`). */
  ofKind(groupKind: string): readonly ScanObject[] {
    return this.#byKind.get(groupKind) ?? [];
  }

  /** Namespaced objects in one namespace (objects without a namespace count as `default`). */
  inNamespace(namespace: string): readonly ScanObject[] {
    return this.#byNamespace.get(namespace) ?? [];
  }

  get(groupKind: string, namespace: string | undefined, name: string): ScanObject | undefined {
    return this.#byKey.get(key(groupKind, namespace, name));
  }

  /** The Namespace object of that name, when the input has one. */
  namespace(name: string): ScanObject | undefined {
    return this.get('Namespace', undefined, name);
  }

  /** Every namespace the input mentions: Namespace objects and namespaces of namespaced objects. */
  namespaceNames(): string[] {
    const names = new Set(this.#byNamespace.keys());
    for (const ns of this.ofKind('Namespace')) names.add(ns.ref.name);
    return [...names].sort();
  }

  /** Objects of a kind in a namespace whose labels satisfy `matches`. */
  select(
    groupKind: string,
    namespace: string | undefined,
    matches: (labels: Record<string, string>) => boolean,
  ): ScanObject[] {
    return this.ofKind(groupKind).filter(
      (item) =>
        (namespace === undefined || effectiveNamespace(item.object) === namespace) &&
        matches(labelsOf(item.object)),
    );
  }

  /** Computes a derived index once per inventory (per key) and returns the cached value after. */
  memo<T>(memoKey: object | symbol | string, compute: (inventory: Inventory) => T): T {
    if (this.#memo.has(memoKey)) return this.#memo.get(memoKey) as T;
    const value = compute(this);
    this.#memo.set(memoKey, value);
    return value;
  }
}

function key(groupKind: string, namespace: string | undefined, name: string): string {
  return `${groupKind}\u0000${namespace ?? ''}\u0000${name}`;
}

function push<K, V>(map: Map<K, V[]>, k: K, v: V): void {
  const list = map.get(k);
  if (list === undefined) map.set(k, [v]);
  else list.push(v);
}

/** Builds scan objects for objects that did not come from files (cluster, admission, tests). */
export function objectsFrom(
  objects: readonly KubeObject[],
  origin: ScanObject['origin'],
  refOf: (o: KubeObject) => ScanObject['ref'],
): ScanObject[] {
  return objects.map((object, seq) => ({ object, ref: refOf(object), origin, seq }));
}
