import { describe, expect, it } from 'vitest';
import { decodeBase64, decodeBase64Text, decodeBase64Url } from './base64.ts';
import { parseJwt } from './jwt.ts';
import { FAKE } from './__fixtures__/fake-tokens.ts';

describe('base64', () => {
  it('decodes valid base64 text, whitespace ignored', () => {
    expect(decodeBase64Text('aGVsbG8gd29ybGQ=')).toBe('hello world');
    expect(decodeBase64Text('aGVsbG8g\nd29ybGQ=')).toBe('hello world');
  });

  it('rejects bad alphabet, bad length and binary', () => {
    expect(decodeBase64('not base64!')).toBeUndefined();
    expect(decodeBase64('abc')).toBeUndefined();
    expect(decodeBase64Text(Buffer.from([0, 1, 2, 255]).toString('base64'))).toBeUndefined();
  });

  it('refuses values over the size bound', () => {
    expect(decodeBase64('A'.repeat(4000), 100)).toBeUndefined();
    expect(decodeBase64Url('A'.repeat(4000), 100)).toBeUndefined();
  });
});

describe('parseJwt', () => {
  it('accepts three base64url parts with a JSON header carrying alg', () => {
    expect(parseJwt(FAKE.jwt)).toEqual({ kubernetesServiceAccount: false });
    expect(parseJwt(FAKE.serviceAccountToken)).toEqual({ kubernetesServiceAccount: true });
  });

  it('rejects other dotted strings', () => {
    const noAlg = `${Buffer.from('{"typ":"JWT"}').toString('base64url')}.e30.sig`;
    expect(parseJwt(noAlg)).toBeUndefined();
    expect(parseJwt('eyJhbGciOi.broken.sig')).toBeUndefined();
    expect(parseJwt('a.b')).toBeUndefined();
    expect(parseJwt('app.kubernetes.io')).toBeUndefined();
  });
});
