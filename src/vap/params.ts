import { compileSelector } from '../netpol/label-selector.ts';
import type { KubeObject } from '../model/kube-object.ts';
import { labelsOf } from '../model/kube-object.ts';
import type { ParamRef } from './types.ts';

/** Where param objects come from: the scan's inventory offline, a cache in the webhook. */
export interface ParamSource {
  /** Whether objects of the kind are namespaced. */
  namespaced(paramKind: { apiVersion: string; kind: string }): boolean;
  /** Objects of the kind (any version of its group), in one namespace or cluster-wide (`undefined`). */
  list(
    paramKind: { apiVersion: string; kind: string },
    namespace: string | undefined,
  ): readonly KubeObject[];
}

export type ParamsOutcome = { params: (KubeObject | null)[] } | { error: string };

/**
 * generic.CollectParams (policy/generic/policy_dispatcher.go): the params a binding evaluates
 * its policy with. `[null]` when the policy has no paramKind or the binding no paramRef; `[]`
 * when none were found and parameterNotFoundAction is Allow (the binding is then skipped).
 */
export function collectParams(
  paramKind: { apiVersion: string; kind: string } | undefined,
  paramRef: ParamRef | undefined,
  requestNamespace: string,
  source: ParamSource,
): ParamsOutcome {
  if (paramKind === undefined || paramRef === undefined) return { params: [null] };
  const namespaced = source.namespaced(paramKind);
  let namespace: string | undefined;
  if (namespaced) {
    namespace = paramRef.namespace ?? requestNamespace;
    if (namespace === '') {
      return {
        error:
          'cannot use namespaced paramRef in policy binding that matches cluster-scoped resources',
      };
    }
  } else if (paramRef.namespace !== undefined) {
    return { error: 'paramRef.namespace must not be provided for a cluster-scoped `paramKind`' };
  }
  const candidates = source.list(paramKind, namespace);
  let params: KubeObject[];
  if (paramRef.name !== undefined) {
    params = candidates.filter((o) => o.metadata?.name === paramRef.name).slice(0, 1);
  } else {
    const selector = compileSelector(paramRef.selector ?? {});
    if (selector.problems.length > 0) return { error: selector.problems.join('; ') };
    params = candidates.filter((o) => selector.matches(labelsOf(o)));
  }
  if (params.length === 0 && paramRef.parameterNotFoundAction === 'Deny') {
    return { error: 'no params found for policy binding with `Deny` parameterNotFoundAction' };
  }
  return { params };
}
