import { describe, expect, it } from 'vitest';
import { compileLabelSelector } from './label-selector.ts';

describe('compileLabelSelector (metav1.LabelSelector semantics)', () => {
  const labels = { a: '1', b: '2' };
  it('ANDs matchLabels and matchExpressions; an empty selector matches everything, a null one nothing', () => {
    expect(compileLabelSelector({})?.(labels)).toBe(true);
    expect(compileLabelSelector(null)?.(labels)).toBe(false);
    expect(
      compileLabelSelector({
        matchLabels: { a: '1' },
        matchExpressions: [{ key: 'b', operator: 'In', values: ['2', '3'] }],
      })?.(labels),
    ).toBe(true);
    expect(compileLabelSelector({ matchLabels: { a: '2' } })?.(labels)).toBe(false);
  });
  it('NotIn and DoesNotExist match a missing key; Exists does not', () => {
    expect(
      compileLabelSelector({
        matchExpressions: [{ key: 'c', operator: 'NotIn', values: ['x'] }],
      })?.(labels),
    ).toBe(true);
    expect(
      compileLabelSelector({ matchExpressions: [{ key: 'c', operator: 'DoesNotExist' }] })?.(
        labels,
      ),
    ).toBe(true);
    expect(
      compileLabelSelector({ matchExpressions: [{ key: 'c', operator: 'Exists' }] })?.(labels),
    ).toBe(false);
  });
  it('is undefined for selectors the API server rejects', () => {
    expect(
      compileLabelSelector({ matchExpressions: [{ key: 'a', operator: 'In', values: [] }] }),
    ).toBeUndefined();
    expect(
      compileLabelSelector({ matchExpressions: [{ key: 'a', operator: 'Exists', values: ['1'] }] }),
    ).toBeUndefined();
    expect(
      compileLabelSelector({ matchExpressions: [{ key: 'a', operator: 'Like' }] }),
    ).toBeUndefined();
    expect(compileLabelSelector({ matchLabels: { a: 1 } })).toBeUndefined();
    expect(compileLabelSelector('a=1')).toBeUndefined();
  });
});
