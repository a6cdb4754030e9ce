import { describe, expect, it } from 'vitest';
import { compileSelector, normaliseLabels } from './label-selector.ts';

describe('compileSelector', () => {
  const labels = { app: 'web', tier: 'front' };

  it('an empty selector matches everything, including no labels', () => {
    for (const raw of [{}, { matchLabels: {} }, { matchExpressions: [] }, undefined, null]) {
      const s = compileSelector(raw);
      expect(s.matchesAll).toBe(true);
      expect(s.matches({})).toBe(true);
    }
  });

  it('matchLabels needs every pair', () => {
    expect(compileSelector({ matchLabels: { app: 'web' } }).matches(labels)).toBe(true);
    expect(compileSelector({ matchLabels: { app: 'web', tier: 'back' } }).matches(labels)).toBe(
      false,
    );
  });

  it('In, NotIn, Exists and DoesNotExist as LabelSelectorAsSelector evaluates them', () => {
    const m = (operator: string, values?: string[]) =>
      compileSelector({ matchExpressions: [{ key: 'tier', operator, values }] });
    expect(m('In', ['front', 'back']).matches(labels)).toBe(true);
    expect(m('In', ['back']).matches(labels)).toBe(false);
    expect(m('In', ['front']).matches({})).toBe(false);
    expect(m('NotIn', ['back']).matches(labels)).toBe(true);
    expect(m('NotIn', ['front']).matches(labels)).toBe(false);
    expect(m('NotIn', ['front']).matches({})).toBe(true); // a missing key is "not in"
    expect(m('Exists').matches(labels)).toBe(true);
    expect(m('Exists').matches({})).toBe(false);
    expect(m('DoesNotExist').matches({})).toBe(true);
    expect(m('DoesNotExist').matches(labels)).toBe(false);
  });

  it('matchLabels and matchExpressions are ANDed', () => {
    const s = compileSelector({
      matchLabels: { app: 'web' },
      matchExpressions: [{ key: 'tier', operator: 'In', values: ['back'] }],
    });
    expect(s.matches(labels)).toBe(false);
    expect(s.text).toBe('app=web,tier in (back)');
  });

  it('reports what the API server rejects', () => {
    expect(
      compileSelector({ matchExpressions: [{ key: 'a', operator: 'In', values: [] }] }).problems,
    ).toHaveLength(1);
    expect(
      compileSelector({ matchExpressions: [{ key: 'a', operator: 'Exists', values: ['x'] }] })
        .problems,
    ).toHaveLength(1);
    expect(
      compileSelector({ matchExpressions: [{ key: 'a', operator: 'Equals' }] }).problems,
    ).toHaveLength(1);
    expect(compileSelector({ matchExpressions: [{ operator: 'Exists' }] }).problems).toHaveLength(
      1,
    );
    expect(
      compileSelector({ matchExpressions: [{ key: 'a', operator: 'Exists' }] }).matchesAll,
    ).toBe(false);
  });

  it('does not mistake inherited properties for labels', () => {
    const s = compileSelector({ matchExpressions: [{ key: 'constructor', operator: 'Exists' }] });
    expect(s.matches({})).toBe(false);
    expect(compileSelector({ matchLabels: { toString: 'x' } }).matches({})).toBe(false);
  });

  it('reads YAML scalars as their text', () => {
    expect(normaliseLabels({ version: 1, canary: true, skip: { nested: 1 } })).toEqual({
      version: '1',
      canary: 'true',
    });
    expect(compileSelector({ matchLabels: { version: 1 } }).matches({ version: '1' })).toBe(true);
  });
});
