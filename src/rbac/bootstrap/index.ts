// The default roles and bindings the API server creates at startup (the RBAC post-start hook),
// as data: upstream's bootstrap-policy testdata of one Kubernetes version, converted to JSON so
// that it loads in a millisecond and `tsc` copies it to dist/. See README.md for provenance.
import data from './v1.37.2.json' with { type: 'json' };
import type { KubeObject, ScanObject } from '../../model/kube-object.ts';
import { isKubeObject, refOf } from '../../model/kube-object.ts';

/** Kubernetes version whose default RBAC policy is shipped. */
export const BOOTSTRAP_VERSION: string = data.kubernetesVersion;

const objects: readonly KubeObject[] = Object.freeze(
  (data.objects as unknown[]).filter(isKubeObject).map((o) => Object.freeze(o)),
);
const identities = new WeakSet<object>(objects);

/** The default ClusterRoles, ClusterRoleBindings, Roles and RoleBindings (frozen). */
export function bootstrapObjects(): readonly KubeObject[] {
  return objects;
}

/**
 * Bootstrap objects as scan objects (origin `cluster`: every cluster has them), numbered after
 * `firstSeq`, leaving out any the input already defines (the input wins).
 */
export function bootstrapScanObjects(
  existing: readonly ScanObject[],
  firstSeq: number,
): ScanObject[] {
  const taken = new Set(existing.map((o) => identity(o.object)));
  return objects
    .filter((o) => !taken.has(identity(o)))
    .map((object, i) => ({
      object,
      ref: refOf(object),
      origin: { source: 'cluster' },
      seq: firstSeq + i,
    }));
}

/** True for the shipped bootstrap objects themselves (rules do not report on them). */
export function isBootstrapObject(object: object): boolean {
  return identities.has(object);
}

function identity(object: KubeObject): string {
  const ns = object.metadata?.namespace ?? '';
  return `${object.kind}/${ns}/${object.metadata?.name ?? ''}`;
}
