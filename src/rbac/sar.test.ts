import { describe, expect, it } from 'vitest';
import { fromSubjectAccessReviewSpec, toSubjectAccessReviewSpec } from './sar.ts';
import { serviceAccountUser, splitServiceAccountUser, userGroups } from './subjects.ts';

describe('SubjectAccessReview shapes', () => {
  it('round-trips resource and non-resource requests', () => {
    const resource = {
      user: 'u',
      groups: ['g'],
      verb: 'get',
      apiGroup: 'apps',
      resource: 'deployments',
      subresource: 'scale',
      namespace: 'ns',
      name: 'web',
    };
    expect(toSubjectAccessReviewSpec(resource)).toEqual({
      user: 'u',
      groups: ['g'],
      resourceAttributes: {
        verb: 'get',
        group: 'apps',
        resource: 'deployments',
        subresource: 'scale',
        namespace: 'ns',
        name: 'web',
      },
    });
    expect(fromSubjectAccessReviewSpec(toSubjectAccessReviewSpec(resource))).toEqual(resource);
    expect(
      toSubjectAccessReviewSpec({ user: 'u', groups: [], verb: 'get', path: '/healthz' }),
    ).toEqual({
      user: 'u',
      groups: [],
      nonResourceAttributes: { path: '/healthz', verb: 'get' },
    });
  });
});

describe('the groups the API server adds', () => {
  it('gives service accounts their groups and everyone but anonymous system:authenticated', () => {
    const sa = serviceAccountUser('ci', 'runner');
    expect(sa).toBe('system:serviceaccount:ci:runner');
    expect(splitServiceAccountUser(sa)).toEqual({ namespace: 'ci', name: 'runner' });
    expect(splitServiceAccountUser('system:serviceaccount:a:b:c')).toBeUndefined();
    expect(userGroups(sa)).toEqual([
      'system:serviceaccounts',
      'system:serviceaccounts:ci',
      'system:authenticated',
    ]);
    expect(userGroups('alice', ['devs'])).toEqual(['devs', 'system:authenticated']);
    expect(userGroups('system:anonymous')).toEqual(['system:unauthenticated']);
    expect(userGroups('alice', ['system:unauthenticated'])).toEqual(['system:unauthenticated']);
  });
});
