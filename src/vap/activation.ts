import type { KubeObject } from '../model/kube-object.ts';
import { compileCel, errorText, evaluateNested } from './cel/program.ts';
import { toCelCached } from './cel/values.ts';
import { CelAuthorizer } from './cel/lib-authz.ts';
import type { AuthorizeFn } from './cel/lib-authz.ts';
import type { AdmissionAttributes } from './attributes.ts';
import { requestVariable } from './attributes.ts';
import type { GroupVersionKind, GroupVersionResource } from './resources.ts';
import type { NamedExpression } from './types.ts';

export interface ActivationInput {
  attributes: AdmissionAttributes;
  matched: { kind: GroupVersionKind; resource: GroupVersionResource };
  param: KubeObject | null;
  namespace: KubeObject | undefined;
  variables: readonly NamedExpression[];
  authorize?: AuthorizeFn;
}

/**
 * The CEL variables of one validation run: object, oldObject, request, params, namespaceObject,
 * authorizer, and `variables`, each computed lazily on first use and then reused (as Kubernetes
 * composes them), an error included.
 */
export function buildActivation(input: ActivationInput): Record<string, unknown> {
  const { attributes } = input;
  const activation: Record<string, unknown> = {
    object: attributes.object === null ? null : toCelCached(attributes.object),
    oldObject: attributes.oldObject === null ? null : toCelCached(attributes.oldObject),
    request: toCelCached(requestVariable(attributes, input.matched)),
    params: input.param === null ? null : toCelCached(input.param),
    namespaceObject:
      input.namespace === undefined ? null : toCelCached(namespaceView(input.namespace)),
    authorizer: new CelAuthorizer(
      attributes.userInfo.username,
      attributes.userInfo.groups ?? [],
      input.authorize,
      {
        apiGroup: attributes.resource.group,
        resource: attributes.resource.resource,
        subresource: attributes.subResource,
        namespace: attributes.namespace,
        name: attributes.name,
      },
    ),
  };
  const variables: Record<string, unknown> = {};
  for (const variable of input.variables) {
    let state: { value: unknown } | { error: string } | undefined;
    Object.defineProperty(variables, variable.name, {
      enumerable: true,
      get() {
        if (state === undefined) {
          try {
            state = { value: evaluateNested(compileCel(variable.expression), activation) };
          } catch (error) {
            state = {
              error: `composited variable "${variable.name}" fails to evaluate: ${errorText(error)}`,
            };
          }
        }
        if ('error' in state) throw new Error(state.error);
        return state.value;
      },
    });
  }
  activation.variables = variables;
  return activation;
}

/** cel.CreateNamespaceObject: the namespace's spec, status and a subset of its metadata. */
function namespaceView(namespace: KubeObject): KubeObject {
  const meta = namespace.metadata ?? {};
  const keep = [
    'name',
    'generateName',
    'namespace',
    'uid',
    'resourceVersion',
    'generation',
    'creationTimestamp',
    'deletionTimestamp',
    'deletionGracePeriodSeconds',
    'labels',
    'annotations',
  ] as const;
  const metadata: Record<string, unknown> = {};
  for (const key of keep) if (meta[key] !== undefined) metadata[key] = meta[key];
  const view: Record<string, unknown> = { metadata };
  if (namespace.spec !== undefined) view.spec = namespace.spec;
  if (namespace.status !== undefined) view.status = namespace.status;
  return view as KubeObject;
}
