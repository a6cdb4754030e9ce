import { describe, expect, it } from 'vitest';
import type { KubeObject } from './kube-object.ts';
import { podSpecOf } from './pod-spec.ts';

function deployment(): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web' },
    spec: { template: { metadata: { labels: { app: 'web' } }, spec: { containers: [] } } },
  };
}

describe('podSpecOf', () => {
  it('finds the pod template of each workload kind, and nothing in other kinds', () => {
    expect(podSpecOf(deployment())?.path).toEqual(['spec', 'template', 'spec']);
    const cronJob = {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'c' },
      spec: { jobTemplate: { spec: { template: { spec: { containers: [] } } } } },
    } as KubeObject;
    expect(podSpecOf(cronJob)?.metadataPath).toEqual([
      'spec',
      'jobTemplate',
      'spec',
      'template',
      'metadata',
    ]);
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: {} } as KubeObject;
    expect(podSpecOf(pod)?.path).toEqual(['spec']);
    expect(podSpecOf({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's' } })).toBe(
      undefined,
    );
  });

  it('gives the same answer again, and a new one once the object changed in place', () => {
    const object = deployment();
    const first = podSpecOf(object);
    expect(podSpecOf(object)).toBe(first);
    const template = (object as unknown as { spec: { template: Record<string, unknown> } }).spec
      .template;
    template.spec = { containers: [{ name: 'app' }] };
    expect(podSpecOf(object)?.spec).toEqual({ containers: [{ name: 'app' }] });
    delete template.metadata;
    expect(podSpecOf(object)?.metadata).toEqual({});
    delete template.spec;
    expect(podSpecOf(object)).toBe(undefined);
  });
});
