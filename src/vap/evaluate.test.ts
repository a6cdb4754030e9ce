import { describe, expect, test } from 'vitest';
import { parseAllDocuments } from 'yaml';
import type { KubeObject } from '../model/kube-object.ts';
import { Inventory, objectsFrom } from '../model/inventory.ts';
import { refOf } from '../model/kube-object.ts';
import { createAttributes } from './attributes.ts';
import { evaluateVap } from './evaluate.ts';
import { inventoryParams, offlineNamespace } from './offline-context.ts';
import { readBinding, readPolicy } from './read-policy.ts';
import { ResourceResolver } from './resources.ts';

const POLICY = `
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicy
metadata: { name: replicas }
spec:
  failurePolicy: FAILURE
  paramKind: { apiVersion: v1, kind: ConfigMap }
  matchConstraints:
    resourceRules:
      - { apiGroups: [apps], apiVersions: [v1], operations: [CREATE], resources: [deployments] }
  matchConditions: MATCH
  variables:
    - { name: max, expression: "int(params.data.max)" }
    - { name: broken, expression: "object.spec.nothing.here" }
  validations: VALIDATIONS
  auditAnnotations: ANNOTATIONS
`;

interface Options {
  failurePolicy?: string;
  validations?: unknown[];
  matchConditions?: unknown[];
  auditAnnotations?: unknown[];
  binding?: Record<string, unknown>;
  replicas?: number;
  params?: KubeObject[];
}

const CONFIG: KubeObject = {
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name: 'limits', namespace: 'team', labels: { use: 'replicas' } },
  data: { max: '3' },
};

function run(options: Options = {}) {
  const text = POLICY.replace('FAILURE', options.failurePolicy ?? 'Fail')
    .replace('MATCH', JSON.stringify(options.matchConditions ?? []))
    .replace(
      'VALIDATIONS',
      JSON.stringify(
        options.validations ?? [
          {
            expression: 'object.spec.replicas <= variables.max',
            messageExpression: "'too many replicas: ' + string(object.spec.replicas)",
          },
        ],
      ),
    )
    .replace('ANNOTATIONS', JSON.stringify(options.auditAnnotations ?? []));
  const policy = readPolicy(parseAllDocuments(text)[0]?.toJS() as KubeObject);
  const binding = readBinding({
    apiVersion: 'admissionregistration.k8s.io/v1',
    kind: 'ValidatingAdmissionPolicyBinding',
    metadata: { name: 'replicas-binding' },
    spec: {
      policyName: 'replicas',
      validationActions: ['Deny'],
      paramRef: { name: 'limits', parameterNotFoundAction: 'Deny' },
      ...options.binding,
    },
  });
  const deployment: KubeObject = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'team' },
    spec: { replicas: options.replicas ?? 5 },
  };
  const objects = [deployment, ...(options.params ?? [CONFIG])];
  const inventory = new Inventory(objectsFrom(objects, { source: 'cluster' }, refOf));
  const context = {
    namespace: (n: string) => offlineNamespace(inventory, n),
    params: inventoryParams(inventory, []),
  };
  return evaluateVap(
    policy,
    binding,
    createAttributes(deployment, new ResourceResolver(inventory)),
    context,
  );
}

describe('validations and messages', () => {
  test('a failed validation denies with its messageExpression', () => {
    expect(run().decisions).toEqual([
      {
        action: 'Deny',
        message: 'too many replicas: 5',
        reason: 'Invalid',
        kind: 'violation',
        validationIndex: 0,
        param: { namespace: 'team', name: 'limits' },
      },
    ]);
    expect(run({ replicas: 2 }).decisions).toEqual([]);
  });

  test('messages fall back from messageExpression to message to the expression', () => {
    const v = (extra: object) =>
      run({ validations: [{ expression: 'false', ...extra }] }).decisions[0]?.message;
    expect(v({ message: ' static ', messageExpression: '42' })).toBe('static');
    expect(v({ message: 'static', messageExpression: "'line\\nbreak'" })).toBe('static');
    expect(v({ messageExpression: "'  '" })).toBe('failed expression: false');
    expect(v({ messageExpression: 'object.nope' })).toBe('failed expression: false');
    expect(v({})).toBe('failed expression: false');
  });

  test('reason is kept', () => {
    expect(
      run({ validations: [{ expression: 'false', reason: 'Forbidden' }] }).decisions[0]?.reason,
    ).toBe('Forbidden');
  });
});

describe('validationActions', () => {
  test('each action of the binding yields a decision', () => {
    const result = run({ binding: { validationActions: ['Warn', 'Audit'] } });
    expect(result.decisions.map((d) => d.action)).toEqual(['Warn', 'Audit']);
    expect(
      JSON.parse(
        result.auditAnnotations['validation.policy.admission.k8s.io/validation_failure'] ?? '',
      ),
    ).toEqual([
      {
        message: 'too many replicas: 5',
        policy: 'replicas',
        binding: 'replicas-binding',
        expressionIndex: 0,
        validationActions: ['Warn', 'Audit'],
      },
    ]);
  });
});

describe('failurePolicy', () => {
  const erroring = [{ expression: 'variables.broken == 1' }];

  test('Fail turns an evaluation error into a denial', () => {
    const [decision] = run({ validations: erroring }).decisions;
    expect(decision).toMatchObject({ action: 'Deny', kind: 'error' });
    expect(decision?.message).toMatch(
      /^expression 'variables.broken == 1' resulted in error: composited variable "broken" fails to evaluate: no such key: nothing/,
    );
  });

  test('Ignore admits and keeps the error for diagnostics', () => {
    const result = run({ validations: erroring, failurePolicy: 'Ignore' });
    expect(result.decisions).toEqual([]);
    expect(result.errors).toHaveLength(1);
  });

  test('a compile error fails only its own validation', () => {
    const result = run({
      validations: [{ expression: 'object.spec.replicas <' }, { expression: 'true' }],
    });
    expect(result.decisions).toHaveLength(1);
    expect(result.decisions[0]?.message).toMatch(/^compilation error: /);
  });
});

describe('matchConditions', () => {
  test('a false condition skips the policy, an error follows failurePolicy', () => {
    expect(run({ matchConditions: [{ name: 'never', expression: 'false' }] }).decisions).toEqual(
      [],
    );
    const errored = run({ matchConditions: [{ name: 'bad', expression: 'object.nope' }] });
    expect(errored.decisions[0]).toMatchObject({ action: 'Deny', kind: 'error' });
    const falseWins = run({
      matchConditions: [
        { name: 'bad', expression: 'object.nope' },
        { name: 'never', expression: 'false' },
      ],
    });
    expect(falseWins.decisions).toEqual([]);
  });
});

describe('params', () => {
  test('a missing param with Deny is a configuration error; with Allow the binding is skipped', () => {
    expect(run({ params: [] }).decisions[0]).toMatchObject({
      kind: 'config',
      message:
        'failed to configure binding: no params found for policy binding with `Deny` parameterNotFoundAction',
    });
    expect(
      run({
        params: [],
        binding: { paramRef: { name: 'limits', parameterNotFoundAction: 'Allow' } },
      }).decisions,
    ).toEqual([]);
  });

  test('a selector evaluates once per selected param', () => {
    const second: KubeObject = {
      ...CONFIG,
      metadata: { name: 'strict', namespace: 'team', labels: { use: 'replicas' } },
      data: { max: '1' },
    };
    const result = run({
      params: [CONFIG, second],
      replicas: 2,
      binding: {
        paramRef: {
          selector: { matchLabels: { use: 'replicas' } },
          parameterNotFoundAction: 'Deny',
        },
      },
    });
    expect(result.decisions.map((d) => d.param?.name)).toEqual(['strict']);
  });

  test('params are looked up in the request namespace unless paramRef names one', () => {
    const other = { ...CONFIG, metadata: { name: 'limits', namespace: 'other' } };
    expect(run({ params: [other] }).decisions[0]?.kind).toBe('config');
    expect(
      run({
        params: [other],
        binding: {
          paramRef: { name: 'limits', namespace: 'other', parameterNotFoundAction: 'Deny' },
        },
      }).decisions[0]?.kind,
    ).toBe('violation');
  });
});

describe('auditAnnotations', () => {
  test('string values are published under <policy>/<key>; null and empty are left out', () => {
    const result = run({
      replicas: 1,
      auditAnnotations: [
        { key: 'replicas', valueExpression: "'replicas=' + string(object.spec.replicas)" },
        { key: 'none', valueExpression: 'null' },
        { key: 'empty', valueExpression: "'  '" },
      ],
    });
    expect(result.auditAnnotations).toEqual({ 'replicas/replicas': 'replicas=1' });
  });

  test('a value of another type is an error that denies under Fail', () => {
    const result = run({ replicas: 1, auditAnnotations: [{ key: 'n', valueExpression: '1' }] });
    expect(result.decisions[0]?.message).toBe(
      "valueExpression '1' resulted in unsupported return type: int. Return type must be either string or null.",
    );
  });
});
