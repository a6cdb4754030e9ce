import { describe, expect, test } from 'vitest';
import { Budget, DEFAULT_CEL_LIMITS } from './budget.ts';
import { compileCel, evaluateCel } from './program.ts';

const ACTIVATION = {
  object: { big: 'x'.repeat(600_000) },
  oldObject: null,
  request: {},
  params: null,
  namespaceObject: null,
  variables: {},
};
const LIST = `[${Array.from({ length: 1000 }, (_, i) => i).join(',')}]`;

function errorOf(outcome: ReturnType<typeof run>): string {
  return outcome.ok ? '' : outcome.error;
}

function run(expression: string, budget = new Budget()) {
  return evaluateCel(compileCel(expression), ACTIVATION, budget);
}

// These measure nothing: they show that a hostile expression ends with a limit error instead of
// running for minutes. Each would take about 10^9 steps without the budget.
describe('hostile expressions are stopped', () => {
  test('nested comprehensions hit the per-expression step limit', () => {
    const outcome = run(`${LIST}.map(x, ${LIST}.map(y, ${LIST}.map(z, x + y + z)))`);
    // Whichever comes first: the step limit or the clock.
    expect(outcome).toMatchObject({ ok: false, costExceeded: true });
    expect(errorOf(outcome)).toMatch(/actual cost limit exceeded|took longer than/);
  });

  test('a short-circuiting operator does not hide the limit', () => {
    const outcome = run(`${LIST}.exists(x, ${LIST}.exists(y, ${LIST}.exists(z, false))) || true`);
    expect(outcome.ok).toBe(false);
  });

  test('strings may not grow past the size limit', () => {
    const outcome = run('[1, 2].map(i, object.big + object.big).size()');
    expect(outcome).toMatchObject({ ok: false, costExceeded: true });
    expect(errorOf(outcome)).toMatch(/string of 1200000 characters exceeds the limit/);
  });

  test('lists may not grow past the size limit', () => {
    const limits = { ...DEFAULT_CEL_LIMITS, maxListLength: 1500 };
    const outcome = run(`${LIST} + ${LIST}`, new Budget(limits));
    expect(outcome).toMatchObject({ ok: false, costExceeded: true });
  });

  test('the clock stops an evaluation that is slow but under the step limit', () => {
    const limits = { ...DEFAULT_CEL_LIMITS, timeMs: 0, perExpressionSteps: 1e9, totalSteps: 1e9 };
    const outcome = run(`${LIST}.map(x, ${LIST}.map(y, x + y))`, new Budget(limits));
    expect(outcome).toMatchObject({ ok: false, costExceeded: true });
    expect(errorOf(outcome)).toMatch(/took longer than 0 ms/);
  });

  test('the policy-wide budget is shared by expressions', () => {
    // One such expression takes about 4,000 steps: the second one runs out.
    const budget = new Budget({ ...DEFAULT_CEL_LIMITS, totalSteps: 6000 });
    expect(run(`${LIST}.all(x, true)`, budget).ok).toBe(true);
    const second = run(`${LIST}.all(x, true)`, budget);
    expect(errorOf(second)).toMatch(/running out of cost budget/);
  });

  test('a catastrophic regex is refused rather than run', () => {
    const outcome = run(`"${'a'.repeat(40)}!".matches("^(a+)+$")`);
    expect(errorOf(outcome)).toMatch(/nests unbounded repetitions/);
  });

  test('an ordinary evaluation is untouched', () => {
    expect(run(`${LIST}.map(x, x * 2).sum()`)).toEqual({ ok: true, value: 999000n });
  });
});
