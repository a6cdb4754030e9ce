import { describe, expect, it } from 'vitest';
import { parseRequestArgs } from './request-arg.ts';

describe('parseRequestArgs', () => {
  it('resolves built-in short, singular and plural names to their group', () => {
    expect(parseRequestArgs(['get', 'deploy'])).toEqual({
      verb: 'get',
      resource: 'deployments',
      apiGroup: 'apps',
      subresource: '',
      name: '',
    });
    expect(parseRequestArgs(['get', 'networkpolicy'])).toMatchObject({
      resource: 'networkpolicies',
      apiGroup: 'networking.k8s.io',
    });
    expect(parseRequestArgs(['create', 'pods/exec', 'web-0'])).toEqual({
      verb: 'create',
      resource: 'pods',
      apiGroup: '',
      subresource: 'exec',
      name: 'web-0',
    });
    expect(parseRequestArgs(['list', 'events'])).toMatchObject({
      resource: 'events',
      apiGroup: '',
    });
  });

  it('takes RESOURCE.GROUP literally for custom resources, and `*` as kubectl does', () => {
    expect(parseRequestArgs(['get', 'applications.argoproj.io'])).toMatchObject({
      resource: 'applications',
      apiGroup: 'argoproj.io',
    });
    expect(
      parseRequestArgs(['update', 'certificatesigningrequests.certificates.k8s.io/approval']),
    ).toMatchObject({
      resource: 'certificatesigningrequests',
      apiGroup: 'certificates.k8s.io',
      subresource: 'approval',
    });
    expect(parseRequestArgs(['*', '*'])).toMatchObject({ resource: '*', apiGroup: '' });
    expect(parseRequestArgs(['*', '*.*'])).toMatchObject({ resource: '*', apiGroup: '*' });
    expect(parseRequestArgs(['get', 'widgets'])).toMatchObject({
      resource: 'widgets',
      apiGroup: '',
    });
  });

  it('reads non-resource URLs and rejects malformed requests', () => {
    expect(parseRequestArgs(['get', '/healthz'])).toEqual({ verb: 'get', path: '/healthz' });
    expect(parseRequestArgs(['get'])).toBe('expected VERB and RESOURCE (or a non-resource URL)');
    expect(parseRequestArgs(['get', '/healthz', 'x'])).toBe('a non-resource URL takes no NAME');
    expect(parseRequestArgs(['get', 'pods', 'a', 'b'])).toBe('unexpected argument "b"');
    expect(parseRequestArgs(['get', '.apps'])).toBe('no resource in ".apps"');
  });
});
