import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shannonEntropy } from './entropy.ts';
import { redact } from './redact.ts';

describe('redact', () => {
  it('keeps at most the first 4 characters', () => {
    expect(redact('AKIA' + 'Z7QF3XW2LMN5PRT8')).toBe('AKIA****');
    expect(redact('root')).toBe('r****');
    expect(redact('abc')).toBe('****');
    expect(redact('')).toBe('****');
  });

  it('never reveals more than a quarter of a value, nor more than 4 characters', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200, unit: 'grapheme' }), (value) => {
        const kept = redact(value).slice(0, -4);
        const chars = Array.from(kept).length;
        expect(value.startsWith(kept)).toBe(true);
        expect(chars).toBeLessThanOrEqual(Math.min(4, Array.from(value).length / 4));
      }),
    );
  });
});

describe('shannonEntropy', () => {
  it('is 0 for empty and repeated strings, log2(n) for n distinct characters', () => {
    expect(shannonEntropy('')).toBe(0);
    expect(shannonEntropy('aaaa')).toBe(0);
    expect(shannonEntropy('abcd')).toBe(2);
    expect(shannonEntropy('0123456789abcdef')).toBe(4);
  });
});
