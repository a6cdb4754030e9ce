import { describe, expect, test } from 'vitest';
import { compileRegex, regexTest } from './regex.ts';

describe('RE2 syntax on RegExp', () => {
  test.each([
    ['(?i)^abc$', 'ABC', true],
    ['(?s)a.b', 'a\nb', true],
    ['a.b', 'a\nb', false],
    ['(?P<word>\\w+)', 'hi', true],
    ['\\Aab\\z', 'ab', true],
    ['\\Aab\\z', 'ab\n', false],
    ['^[[:alpha:]]+$', 'abC', true],
    ['^[[:digit:][:space:]]+$', '1 2', true],
    ['^\\pL+$', 'héllo', true],
    ['^\\p{Greek}+$', 'αβγ', true],
    ['^a\\s$', 'a\u00a0', false],
    ['^a\\-b\\@c$', 'a-b@c', true],
    ['^x{2,3}$', 'xxx', true],
    ['^([a-z0-9]+\\.)*[a-z]+$', 'www.example.com', true],
    ['^[a-z0-9]([-a-z0-9]*[a-z0-9])?$', 'my-name', true],
    ['a/b', 'a/b', true],
  ])('%s on %j → %s', (pattern, text, expected) => {
    expect(regexTest(pattern, text)).toBe(expected);
  });

  test.each([
    ['(?=a)', /lookaround/],
    ['(?<!a)b', /lookaround/],
    ['(a)\\1', /backreference/],
    ['a(?i)b', /flags not at the start/],
    ['(?U)a+', /\(\?U\)/],
    ['x{1001}', /invalid repeat count/],
    ['(a', /missing closing \)/],
    ['[a', /missing closing \]/],
    ['a\\', /trailing backslash/],
    ['(a+)+$', /nests unbounded repetitions/],
    ['(a|aa)*b', /nests unbounded repetitions/],
    ['(\\w+\\s?)*$', /nests unbounded repetitions/],
  ])('refuses %s', (pattern, message) => {
    expect(() => compileRegex(pattern)).toThrow(message);
  });
});
