import { describe, expect, it } from 'vitest';
import { LATEST_MINOR, effectiveMinor, formatVersion, parseVersion } from './version.ts';
import { PSS_CHECKS } from './catalogue.ts';

describe('parseVersion', () => {
  it.each([
    ['latest', 'latest'],
    ['v1.0', { major: 1, minor: 0 }],
    ['v1.25', { major: 1, minor: 25 }],
    ['v1.999', { major: 1, minor: 999 }],
  ])('accepts %s', (text, expected) => {
    expect(parseVersion(text)).toEqual(expected);
  });

  it.each([
    '',
    'v1',
    'v1.',
    '1.25',
    'v1.025',
    'v2.0',
    'v1.-1',
    ' v1.25',
    'Latest',
    'v1.1e3',
    'v1.99999999999999999999',
  ])('rejects %j as upstream ParseVersion does', (text) => {
    expect(parseVersion(text)).toBeUndefined();
  });
});

describe('formatVersion and effectiveMinor', () => {
  it('prints versions as the API server does', () => {
    expect(formatVersion('latest')).toBe('latest');
    expect(formatVersion({ major: 1, minor: 25 })).toBe('v1.25');
  });

  it('clamps latest and future versions to the newest check revision', () => {
    const newest = Math.max(...PSS_CHECKS.flatMap((c) => c.versions.map((v) => v.minVersion)));
    expect(LATEST_MINOR).toBe(newest);
    expect(effectiveMinor('latest')).toBe(LATEST_MINOR);
    expect(effectiveMinor({ major: 1, minor: 99 })).toBe(LATEST_MINOR);
    expect(effectiveMinor({ major: 1, minor: 3 })).toBe(3);
  });
});
