import { describe, expect, it } from 'vitest';
import { compareGo, goQuote, joinQuote, pluralize, sortedSet } from './format.ts';

describe('format helpers', () => {
  it('joins and quotes like upstream joinQuote', () => {
    expect(joinQuote([])).toBe('');
    expect(joinQuote(['a'])).toBe('"a"');
    expect(joinQuote(['a', 'b'])).toBe('"a", "b"');
    expect(pluralize('container', 'containers', 0)).toBe('containers');
  });

  it('quotes like Go %q', () => {
    expect(goQuote('unconfined')).toBe('"unconfined"');
    expect(goQuote('a"b\\c\n\t')).toBe('"a\\"b\\\\c\\n\\t"');
    expect(goQuote('\u0001\u007f')).toBe('"\\x01\\x7f"');
    expect(goQuote('é日本\u00a0\u200b')).toBe('"é日本\\u00a0\\u200b"');
    expect(goQuote('😀')).toBe('"😀"');
    expect(goQuote('\ud800')).toBe('"\ufffd"');
  });

  it('sorts as Go sorts strings (by code point, not UTF-16 unit)', () => {
    expect(['b', 'B', 'a', '10', '9'].sort(compareGo)).toEqual(['10', '9', 'B', 'a', 'b']);
    expect(['😀', '\uffff'].sort(compareGo)).toEqual(['\uffff', '😀']);
    expect(sortedSet(['b', 'a', 'b'])).toEqual(['a', 'b']);
  });
});
