import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { withRuleIndex } from './rule-index.ts';

describe('README', () => {
  it('carries the current rule index (run `npm run docs`)', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    expect(withRuleIndex(readme)).toBe(readme);
  });
});
