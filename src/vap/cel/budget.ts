/**
 * Evaluation limits for one CEL evaluation, so that a hostile expression cannot hang a scan or the
 * webhook. Kubernetes bounds CEL by a static cost estimate and a runtime cost budget
 * (`PerCallLimit` = 1,000,000 per expression, `RuntimeCELCostBudget` = 10,000,000 per policy
 * evaluation, staging/src/k8s.io/apiserver/pkg/apis/cel/config.go). cel-js has no cost tracker,
 * so we count evaluation steps (one per AST node evaluated, plus the size of the work a library
 * function does), cap the size of strings and lists an expression may build, and check the clock.
 */
export interface CelLimits {
  /** Steps one expression may take (Kubernetes' per-call cost limit). */
  perExpressionSteps: number;
  /** Steps all expressions of one policy evaluation may take together. */
  totalSteps: number;
  /** Wall-clock time one policy evaluation may take, in milliseconds. */
  timeMs: number;
  /** Longest string an expression may build, in UTF-16 code units. */
  maxStringLength: number;
  /** Longest list an expression may build. */
  maxListLength: number;
}

export const DEFAULT_CEL_LIMITS: CelLimits = {
  perExpressionSteps: 1_000_000,
  totalSteps: 10_000_000,
  timeMs: 250,
  maxStringLength: 1024 * 1024,
  maxListLength: 100_000,
};

/** Thrown when a limit is hit; the evaluator may wrap it, so the budget also remembers it. */
export class CostLimitError extends Error {
  override readonly name = 'CostLimitError';
}

const CLOCK_EVERY = 1024;

/** The running account of one policy evaluation (shared by all its expressions). */
export class Budget {
  readonly limits: CelLimits;
  readonly #deadline: number;
  #total = 0;
  #expression = 0;
  #sinceClock = 0;
  /** The first limit that was hit; once set, every further step fails at once. */
  exceeded: string | undefined;

  constructor(limits: CelLimits = DEFAULT_CEL_LIMITS, now: number = performance.now()) {
    this.limits = limits;
    this.#deadline = now + limits.timeMs;
  }

  /** Starts the per-expression count of a new expression. */
  startExpression(): void {
    this.#expression = 0;
  }

  /** Charges `n` steps; throws a CostLimitError when a limit is reached. */
  charge(n = 1): void {
    if (this.exceeded !== undefined) throw new CostLimitError(this.exceeded);
    this.#total += n;
    this.#expression += n;
    this.#sinceClock += n;
    if (this.#expression > this.limits.perExpressionSteps) {
      this.fail('operation cancelled: actual cost limit exceeded');
    }
    if (this.#total > this.limits.totalSteps) {
      this.fail(
        'validation failed due to running out of cost budget, no further validation rules will be run',
      );
    }
    if (this.#sinceClock >= CLOCK_EVERY) {
      this.#sinceClock = 0;
      if (performance.now() > this.#deadline) {
        this.fail(`operation cancelled: evaluation took longer than ${this.limits.timeMs} ms`);
      }
    }
  }

  /** Rejects values over the size limits (called on every intermediate result). */
  checkSize(value: unknown): void {
    if (typeof value === 'string') {
      if (value.length > this.limits.maxStringLength) {
        this.fail(`operation cancelled: string of ${value.length} characters exceeds the limit`);
      }
    } else if (Array.isArray(value) && value.length > this.limits.maxListLength) {
      this.fail(`operation cancelled: list of ${value.length} elements exceeds the limit`);
    }
  }

  fail(message: string): never {
    this.exceeded ??= message;
    throw new CostLimitError(this.exceeded);
  }
}

let active: Budget | undefined;

/** The budget of the evaluation under way (evaluation is synchronous, so one at a time). */
export function activeBudget(): Budget | undefined {
  return active;
}

/** Runs `fn` with `budget` as the active budget, restoring the previous one afterwards. */
export function withBudget<T>(budget: Budget, fn: () => T): T {
  const previous = active;
  active = budget;
  try {
    return fn();
  } finally {
    active = previous;
  }
}

/** Charges the active budget for `n` units of work done by a library function. */
export function charge(n: number): void {
  active?.charge(Math.max(1, Math.ceil(n)));
}
