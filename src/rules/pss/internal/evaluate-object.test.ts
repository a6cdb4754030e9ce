import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../engine/settings.ts';
import { Inventory, objectsFrom } from '../../../model/inventory.ts';
import type { KubeObject } from '../../../model/kube-object.ts';
import { refOf } from '../../../model/kube-object.ts';
import { evaluateObject, policyFor } from './evaluate-object.ts';

const deployment = (namespace?: string): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', ...(namespace === undefined ? {} : { namespace }) },
  spec: { template: { spec: { hostPID: true, containers: [{ name: 'web', image: 'nginx' }] } } },
});

const namespace = (name: string, labels: Record<string, string>): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Namespace',
  metadata: { name, labels },
});

const inventoryOf = (...objects: KubeObject[]) =>
  new Inventory(objectsFrom(objects, { source: 'cluster' }, refOf));

describe('policyFor', () => {
  it('uses the labels of the namespace when the input has it', () => {
    const object = deployment('apps');
    const inventory = inventoryOf(
      namespace('apps', { 'pod-security.kubernetes.io/enforce': 'baseline' }),
      object,
    );
    expect(policyFor({ object, inventory, settings: defaultSettings() })).toEqual({
      level: 'baseline',
      version: 'latest',
      errors: [],
    });
  });

  it('falls back to the scan settings, and objects without a namespace live in default', () => {
    const object = deployment();
    const settings = defaultSettings({ pss: { level: 'baseline', version: 'v1.25' } });
    expect(policyFor({ object, inventory: inventoryOf(object), settings })).toEqual({
      level: 'baseline',
      version: { major: 1, minor: 25 },
      errors: [],
    });
    const labelled = inventoryOf(
      namespace('default', { 'pod-security.kubernetes.io/enforce': 'privileged' }),
      object,
    );
    expect(policyFor({ object, inventory: labelled, settings }).level).toBe('privileged');
  });
});

describe('evaluateObject', () => {
  it('evaluates once per object and scan', () => {
    const object = deployment();
    const inventory = inventoryOf(object);
    const settings = defaultSettings();
    const first = evaluateObject({ object, inventory, settings });
    expect(first?.failures.map((f) => f.checkId)).toEqual([
      'hostNamespaces',
      'allowPrivilegeEscalation',
      'capabilities_restricted',
      'runAsNonRoot',
      'seccompProfile_restricted',
    ]);
    expect(first?.pod.path).toEqual(['spec', 'template', 'spec']);
    expect(evaluateObject({ object, inventory, settings })).toBe(first);
    const other = evaluateObject({
      object,
      inventory,
      settings: defaultSettings({ pss: { level: 'baseline', version: 'latest' } }),
    });
    expect(other).not.toBe(first);
    expect(other?.failures.map((f) => f.checkId)).toEqual(['hostNamespaces']);
  });

  it('returns undefined for objects that run no pods', () => {
    const object = namespace('x', {});
    expect(
      evaluateObject({ object, inventory: inventoryOf(object), settings: defaultSettings() }),
    ).toBeUndefined();
  });
});
