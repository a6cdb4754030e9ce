import { describe, expect, test } from 'vitest';
import type { KubeObject } from '../model/kube-object.ts';
import type { AdmissionAttributes } from './attributes.ts';
import { createAttributes } from './attributes.ts';
import { matchResources } from './match.ts';
import { ResourceResolver } from './resources.ts';
import type { MatchResources, ResourceRule } from './types.ts';

const resolver = new ResourceResolver();
const pod: KubeObject = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p', namespace: 'team', labels: { app: 'web' } },
};
const namespaceObj: KubeObject = {
  apiVersion: 'v1',
  kind: 'Namespace',
  metadata: { name: 'team', labels: { env: 'prod' } },
};
const node: KubeObject = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1' } };
const deployment: KubeObject = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'd', namespace: 'team' },
};

function rule(overrides: Partial<ResourceRule> = {}): ResourceRule {
  return {
    apiGroups: [''],
    apiVersions: ['v1'],
    resources: ['pods'],
    operations: ['CREATE'],
    scope: '*',
    resourceNames: [],
    ...overrides,
  };
}

function match(overrides: Partial<MatchResources> = {}): MatchResources {
  return {
    namespaceSelector: {},
    objectSelector: {},
    resourceRules: [rule()],
    excludeResourceRules: [],
    matchPolicy: 'Equivalent',
    ...overrides,
  };
}

const labels = (name: string) =>
  name === 'team' ? { env: 'prod', 'kubernetes.io/metadata.name': 'team' } : undefined;
const matches = (
  m: MatchResources,
  attributes: AdmissionAttributes = createAttributes(pod, resolver),
) => matchResources(m, attributes, labels);

describe('resource rules', () => {
  test('group, version, resource and operation must all match', () => {
    expect(matches(match()).matches).toBe(true);
    expect(matches(match({ resourceRules: [rule({ apiGroups: ['apps'] })] })).matches).toBe(false);
    expect(matches(match({ resourceRules: [rule({ operations: ['UPDATE'] })] })).matches).toBe(
      false,
    );
    expect(matches(match({ resourceRules: [rule({ resources: ['services'] })] })).matches).toBe(
      false,
    );
    expect(
      matches(match({ resourceRules: [rule({ operations: ['*'], resources: ['*'] })] })).matches,
    ).toBe(true);
  });

  test('subresources: `*` is the main resource only, `pods/*` every subresource, `*/scale` scale only', () => {
    const scale = { ...createAttributes(deployment, resolver), subResource: 'scale' };
    const r = (resources: string[]) =>
      match({ resourceRules: [rule({ apiGroups: ['*'], resources })] });
    expect(matches(r(['*']), scale).matches).toBe(false);
    expect(matches(r(['*/scale']), scale).matches).toBe(true);
    expect(matches(r(['deployments/*']), scale).matches).toBe(true);
    expect(matches(r(['deployments/*'])).matches).toBe(false);
    expect(matches(r(['*/*'])).matches).toBe(true);
  });

  test('scope: Namespaced excludes cluster-scoped objects and Namespaces themselves', () => {
    const any = rule({ apiGroups: ['*'], resources: ['*'] });
    const ns = createAttributes(namespaceObj, resolver);
    const cluster = createAttributes(node, resolver);
    const scoped = (scope: string) => match({ resourceRules: [{ ...any, scope }] });
    expect(matches(scoped('Namespaced')).matches).toBe(true);
    expect(matches(scoped('Namespaced'), ns).matches).toBe(false);
    expect(matches(scoped('Namespaced'), cluster).matches).toBe(false);
    expect(matches(scoped('Cluster'), ns).matches).toBe(true);
    expect(matches(scoped('Cluster'), cluster).matches).toBe(true);
    expect(matches(scoped('Cluster')).matches).toBe(false);
  });

  test('resourceNames restrict by object name', () => {
    expect(matches(match({ resourceRules: [rule({ resourceNames: ['p'] })] })).matches).toBe(true);
    expect(matches(match({ resourceRules: [rule({ resourceNames: ['q'] })] })).matches).toBe(false);
  });

  test('excludeResourceRules win over resourceRules', () => {
    expect(matches(match({ excludeResourceRules: [rule()] })).matches).toBe(false);
  });

  test('Equivalent matches other versions of the resource; Exact does not', () => {
    const v1beta1 = match({
      resourceRules: [
        rule({
          apiGroups: ['apps', 'extensions'],
          apiVersions: ['v1beta1'],
          resources: ['deployments'],
        }),
      ],
    });
    const attributes = createAttributes(deployment, resolver);
    const result = matches(v1beta1, attributes);
    expect(result).toMatchObject({
      matches: true,
      resource: { group: 'apps', version: 'v1beta1', resource: 'deployments' },
    });
    expect(matches({ ...v1beta1, matchPolicy: 'Exact' }, attributes).matches).toBe(false);
  });
});

describe('selectors', () => {
  test('namespaceSelector reads the namespace labels; cluster-scoped objects always pass', () => {
    expect(matches(match({ namespaceSelector: { matchLabels: { env: 'prod' } } })).matches).toBe(
      true,
    );
    expect(matches(match({ namespaceSelector: { matchLabels: { env: 'dev' } } })).matches).toBe(
      false,
    );
    const any = match({
      resourceRules: [rule({ resources: ['*'] })],
      namespaceSelector: { matchLabels: { env: 'dev' } },
    });
    expect(matches(any, createAttributes(node, resolver)).matches).toBe(true);
  });

  test('a Namespace request is matched against its own labels', () => {
    const m = match({
      resourceRules: [rule({ resources: ['namespaces'] })],
      namespaceSelector: { matchLabels: { env: 'prod' } },
    });
    expect(matches(m, createAttributes(namespaceObj, resolver)).matches).toBe(true);
  });

  test('a missing namespace is an error once the rules match', () => {
    const elsewhere = { ...pod, metadata: { name: 'p', namespace: 'ghost' } };
    const m = match({ namespaceSelector: { matchLabels: { env: 'prod' } } });
    expect(matches(m, createAttributes(elsewhere, resolver))).toEqual({
      matches: false,
      error: 'namespaces "ghost" not found',
    });
    expect(
      matches(
        { ...m, resourceRules: [rule({ resources: ['services'] })] },
        createAttributes(elsewhere, resolver),
      ),
    ).toEqual({ matches: false });
  });

  test('objectSelector matches the object or the old object', () => {
    expect(matches(match({ objectSelector: { matchLabels: { app: 'web' } } })).matches).toBe(true);
    expect(
      matches(
        match({
          objectSelector: {
            matchExpressions: [{ key: 'app', operator: 'NotIn', values: ['web'] }],
          },
        }),
      ).matches,
    ).toBe(false);
    const update: AdmissionAttributes = {
      ...createAttributes(pod, resolver),
      operation: 'UPDATE',
      object: { ...pod, metadata: { name: 'p' } },
      oldObject: pod,
    };
    const m = match({
      resourceRules: [rule({ operations: ['UPDATE'] })],
      objectSelector: { matchLabels: { app: 'web' } },
    });
    expect(matches(m, update).matches).toBe(true);
  });
});
