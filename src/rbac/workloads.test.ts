import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../model/kube-object.ts';
import { scanObjects } from './internal/objects.ts';
import { buildWorkloadIndex } from './workloads.ts';

const pod = (
  name: string,
  spec: Record<string, unknown>,
  meta: Record<string, unknown> = {},
): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'apps', ...meta },
  spec: { containers: [{ name: 'c', image: 'i' }], ...spec },
});

describe('workload → service account linkage', () => {
  const index = buildWorkloadIndex(
    scanObjects([
      {
        apiVersion: 'v1',
        kind: 'ServiceAccount',
        metadata: { name: 'quiet', namespace: 'apps' },
        automountServiceAccountToken: false,
      },
      pod('defaulted', {}),
      pod('named', { serviceAccountName: 'api' }),
      pod('legacy-field', { serviceAccount: 'old' }),
      pod('opted-out', { serviceAccountName: 'api', automountServiceAccountToken: false }),
      pod('sa-opted-out', { serviceAccountName: 'quiet' }),
      pod('pod-overrides-sa', { serviceAccountName: 'quiet', automountServiceAccountToken: true }),
      pod('projected', {
        serviceAccountName: 'quiet',
        volumes: [
          { name: 't', projected: { sources: [{ serviceAccountToken: { path: 'token' } }] } },
        ],
      }),
      pod(
        'owned',
        {},
        {
          ownerReferences: [
            { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'x', uid: 'u', controller: true },
          ],
        },
      ),
      {
        apiVersion: 'v1',
        kind: 'Secret',
        type: 'kubernetes.io/service-account-token',
        metadata: {
          name: 'api-token',
          namespace: 'apps',
          annotations: { 'kubernetes.io/service-account.name': 'api' },
        },
      },
    ]),
  );
  const link = (name: string) => index.all.find((l) => l.ref.name === name);

  it('finds the account each workload runs as (default when unnamed, the deprecated field too)', () => {
    expect(link('defaulted')?.serviceAccount).toBe('default');
    expect(link('named')?.serviceAccount).toBe('api');
    expect(link('legacy-field')?.serviceAccount).toBe('old');
    expect(index.byServiceAccount.get('apps/api')?.map((l) => l.ref.name)).toEqual([
      'named',
      'opted-out',
    ]);
  });

  it('knows whether the token is mounted: pod field, then the account, then projected volumes', () => {
    expect(link('named')?.tokenMounted).toBe(true);
    expect(link('opted-out')?.tokenMounted).toBe(false);
    expect(link('sa-opted-out')?.tokenMounted).toBe(false);
    expect(link('pod-overrides-sa')?.tokenMounted).toBe(true);
    expect(link('projected')?.tokenMounted).toBe(true);
  });

  it('leaves out objects a controller owns, and indexes legacy token Secrets', () => {
    expect(link('owned')).toBeUndefined();
    expect([...(index.tokenSecrets.get('apps') ?? [])]).toEqual(['api']);
    expect(index.serviceAccounts.get('apps')?.get('quiet')).toBe(false);
  });
});
