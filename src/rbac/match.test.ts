// Cases from upstream's TestRuleMatches (plugin/pkg/auth/authorizer/rbac/rbac_test.go) and the
// subresource cases of TestAuthorizer, plus the corner cases of evaluation_helpers.go.
import { describe, expect, it } from 'vitest';
import { nonResourceURLMatches, resourceMatches, ruleAllows } from './match.ts';
import type { AccessAttributes, PolicyRule } from './types.ts';

function rule(partial: Partial<PolicyRule>): PolicyRule {
  return {
    verbs: [],
    apiGroups: [],
    resources: [],
    resourceNames: [],
    nonResourceURLs: [],
    ...partial,
  };
}

function req(
  verb: string,
  apiGroup: string,
  resource: string,
  subresource = '',
  name = '',
): AccessAttributes {
  return { user: 'u', groups: [], verb, apiGroup, resource, subresource, name };
}

function url(verb: string, path: string): AccessAttributes {
  return { user: 'u', groups: [], verb, path };
}

describe('ruleAllows (upstream TestRuleMatches)', () => {
  it('star verb, exact match other', () => {
    const r = rule({ verbs: ['*'], apiGroups: ['group1'], resources: ['resource1'] });
    expect(ruleAllows(r, req('verb1', 'group1', 'resource1'))).toBe(true);
    expect(ruleAllows(r, req('verb1', 'group2', 'resource1'))).toBe(false);
    expect(ruleAllows(r, req('verb1', 'group1', 'resource2'))).toBe(false);
    expect(ruleAllows(r, req('verb2', 'group1', 'resource1'))).toBe(true);
  });

  it('star group, exact match other', () => {
    const r = rule({ verbs: ['verb1'], apiGroups: ['*'], resources: ['resource1'] });
    expect(ruleAllows(r, req('verb1', 'group1', 'resource1'))).toBe(true);
    expect(ruleAllows(r, req('verb1', 'group2', 'resource1'))).toBe(true);
    expect(ruleAllows(r, req('verb1', 'group1', 'resource2'))).toBe(false);
    expect(ruleAllows(r, req('verb2', 'group1', 'resource1'))).toBe(false);
  });

  it('star resource, exact match other', () => {
    const r = rule({ verbs: ['verb1'], apiGroups: ['group1'], resources: ['*'] });
    expect(ruleAllows(r, req('verb1', 'group1', 'resource1'))).toBe(true);
    expect(ruleAllows(r, req('verb1', 'group1', 'resource2'))).toBe(true);
    expect(ruleAllows(r, req('verb1', 'group2', 'resource1'))).toBe(false);
    expect(ruleAllows(r, req('verb2', 'group1', 'resource1'))).toBe(false);
  });

  it('tuple expansion', () => {
    const r = rule({
      verbs: ['verb1', 'verb2'],
      apiGroups: ['group1', 'group2'],
      resources: ['resource1', 'resource2'],
    });
    for (const v of ['verb1', 'verb2'])
      for (const g of ['group1', 'group2'])
        for (const res of ['resource1', 'resource2'])
          expect(ruleAllows(r, req(v, g, res))).toBe(true);
  });

  it('subresource expansion', () => {
    const r = rule({ verbs: ['*'], apiGroups: ['*'], resources: ['resource1/subresource1'] });
    expect(ruleAllows(r, req('verb1', 'group1', 'resource1', 'subresource1'))).toBe(true);
    expect(ruleAllows(r, req('verb1', 'group2', 'resource1', 'subresource2'))).toBe(false);
    expect(ruleAllows(r, req('verb1', 'group1', 'resource2', 'subresource1'))).toBe(false);
    expect(ruleAllows(r, req('verb1', 'group1', 'resource1'))).toBe(false);
  });

  it('star nonresource, exact match other', () => {
    const r = rule({ verbs: ['verb1'], nonResourceURLs: ['*'] });
    for (const p of ['/foo', '/foo/bar', '/foo/baz/one']) {
      expect(ruleAllows(r, url('verb1', p))).toBe(true);
      expect(ruleAllows(r, url('verb2', p))).toBe(false);
    }
  });

  it('star nonresource subpath', () => {
    const r = rule({ verbs: ['verb1'], nonResourceURLs: ['/foo/*'] });
    expect(ruleAllows(r, url('verb1', '/foo'))).toBe(false);
    expect(ruleAllows(r, url('verb1', '/foo/bar'))).toBe(true);
    expect(ruleAllows(r, url('verb1', '/foo/bar/one'))).toBe(true);
    expect(ruleAllows(r, url('verb1', '/notfoo/bar'))).toBe(false);
  });

  it('star verb, exact nonresource', () => {
    const r = rule({ verbs: ['*'], nonResourceURLs: ['/foo', '/foo/bar/one'] });
    expect(ruleAllows(r, url('verb1', '/foo'))).toBe(true);
    expect(ruleAllows(r, url('verb1', '/foo/bar'))).toBe(false);
    expect(ruleAllows(r, url('verb2', '/foo/bar/one'))).toBe(true);
  });
});

describe('corner cases of evaluation_helpers.go', () => {
  it('a rule on a resource does not cover its subresources, and */sub covers every resource', () => {
    const pods = rule({ verbs: ['*'], apiGroups: ['*'], resources: ['pods'] });
    expect(ruleAllows(pods, req('get', '', 'pods', 'status'))).toBe(false);
    const scale = rule({ verbs: ['*'], apiGroups: ['*'], resources: ['pods/status', '*/scale'] });
    expect(ruleAllows(scale, req('get', '', 'pods', 'status'))).toBe(true);
    expect(ruleAllows(scale, req('get', 'apps', 'deployments', 'scale'))).toBe(true);
    expect(ruleAllows(scale, req('get', '', 'anything', 'scale'))).toBe(true);
    expect(ruleAllows(scale, req('get', '', 'pods'))).toBe(false);
  });

  it('pods/* is not a wildcard and */scale does not match a longer subresource', () => {
    expect(resourceMatches(rule({ resources: ['pods/*'] }), 'pods/exec', 'exec')).toBe(false);
    expect(resourceMatches(rule({ resources: ['*/scale'] }), 'x/rescale', 'rescale')).toBe(false);
    expect(resourceMatches(rule({ resources: ['*/scale'] }), 'scale', '')).toBe(false);
  });

  it('is case-sensitive', () => {
    const r = rule({ verbs: ['get'], apiGroups: [''], resources: ['pods'] });
    expect(ruleAllows(r, req('GET', '', 'pods'))).toBe(false);
    expect(ruleAllows(r, req('get', '', 'Pods'))).toBe(false);
  });

  it('the core group is the empty string, and a rule without apiGroups matches no resource', () => {
    expect(
      ruleAllows(
        rule({ verbs: ['get'], apiGroups: [''], resources: ['pods'] }),
        req('get', 'apps', 'pods'),
      ),
    ).toBe(false);
    expect(ruleAllows(rule({ verbs: ['get'], resources: ['pods'] }), req('get', '', 'pods'))).toBe(
      false,
    );
  });

  it('resourceNames restrict by name; requests without a name (list, create) do not match', () => {
    const r = rule({
      verbs: ['get', 'list', 'create'],
      apiGroups: [''],
      resources: ['secrets'],
      resourceNames: ['a'],
    });
    expect(ruleAllows(r, req('get', '', 'secrets', '', 'a'))).toBe(true);
    expect(ruleAllows(r, req('get', '', 'secrets', '', 'b'))).toBe(false);
    expect(ruleAllows(r, req('list', '', 'secrets'))).toBe(false);
    expect(ruleAllows(r, req('create', '', 'secrets'))).toBe(false);
  });

  it('a verb `*` in a request matches only rules with verb `*`', () => {
    expect(
      ruleAllows(
        rule({ verbs: ['get'], apiGroups: ['*'], resources: ['*'] }),
        req('*', '', 'pods'),
      ),
    ).toBe(false);
    expect(
      ruleAllows(rule({ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }), req('*', '', 'pods')),
    ).toBe(true);
  });

  it('non-resource rules ignore resources and resource rules ignore URLs', () => {
    const both = rule({
      verbs: ['get'],
      apiGroups: ['*'],
      resources: ['*'],
      nonResourceURLs: ['/healthz'],
    });
    expect(ruleAllows(both, url('get', '/healthz'))).toBe(true);
    expect(ruleAllows(both, url('get', '/metrics'))).toBe(false);
    expect(
      ruleAllows(rule({ verbs: ['get'], nonResourceURLs: ['*'] }), req('get', '', 'pods')),
    ).toBe(false);
  });

  it('trailing stars are trimmed before the prefix test', () => {
    expect(nonResourceURLMatches(rule({ nonResourceURLs: ['/api**'] }), '/apis')).toBe(true);
    expect(nonResourceURLMatches(rule({ nonResourceURLs: ['/healthz*'] }), '/healthz')).toBe(true);
    expect(nonResourceURLMatches(rule({ nonResourceURLs: ['/a/*/b'] }), '/a/x/b')).toBe(false);
  });
});
