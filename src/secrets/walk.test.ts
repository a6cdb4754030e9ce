import { describe, expect, it } from 'vitest';
import { collectStrings } from './walk.ts';

describe('collectStrings', () => {
  it('returns strings with their key, env-style name/value pairs under the name', () => {
    const doc = {
      kind: 'Deployment',
      spec: { env: [{ name: 'DB_PASSWORD', value: 'x' }], args: ['--flag'] },
    };
    expect(collectStrings(doc)).toEqual([
      { path: ['kind'], name: 'kind', value: 'Deployment' },
      { path: ['spec', 'env', 0, 'name'], name: 'name', value: 'DB_PASSWORD' },
      { path: ['spec', 'env', 0, 'value'], name: 'DB_PASSWORD', value: 'x' },
      { path: ['spec', 'args', 0], name: 'args', value: '--flag' },
    ]);
  });

  it('stops at depth 64', () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 100; i++) deep = { next: deep };
    expect(collectStrings(deep)).toEqual([]);
  });
});
