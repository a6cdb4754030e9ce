import { describe, expect, it } from 'vitest';
import { PSS_CHECKS } from '../../../pss/index.ts';
import { pssRuleIdByCheck, pssRules } from '../index.ts';

describe('pss-* rules', () => {
  it('has exactly one rule per upstream check, sorted by id', () => {
    expect([...pssRuleIdByCheck.keys()].sort()).toEqual(PSS_CHECKS.map((c) => c.id).sort());
    expect(pssRules.map((r) => r.id)).toEqual(pssRules.map((r) => r.id).sort());
    for (const rule of pssRules) expect(rule.id).toMatch(/^pss-[a-z-]+$/);
  });

  it('declares every rule exact, pod-security and workload-only', () => {
    for (const rule of pssRules) {
      expect(rule.meta).toMatchObject({
        exact: true,
        category: 'pod-security',
        workloadsOnly: true,
      });
      expect(Object.keys(rule.meta.messages)).toEqual(['forbidden']);
    }
  });
});
