import type { ParseResult } from '@marcbachmann/cel-js';
import type { Budget } from './budget.ts';
import { CostLimitError, withBudget } from './budget.ts';
import { celEnvironment, meterRoot } from './environment.ts';
import { celGoMessage } from './go-errors.ts';
import { heterogeneousLiteral } from './homogeneous.ts';

/** A compiled CEL expression, or why it did not compile. */
export interface CelProgram {
  readonly source: string;
  readonly parsed?: ParseResult;
  /** Parse or type-check error, worded for a user. */
  readonly error?: string;
}

export type CelOutcome =
  | { ok: true; value: unknown }
  | { ok: false; error: string; /** A cost or time limit was hit. */ costExceeded: boolean };

const MAX_SOURCE = 64 * 1024;
const cache = new Map<string, CelProgram>();
const CACHE_LIMIT = 5_000;

/** Parses and type-checks an expression once (cached by source text). */
export function compileCel(source: string): CelProgram {
  const hit = cache.get(source);
  if (hit !== undefined) return hit;
  let program: CelProgram;
  if (source.length > MAX_SOURCE) {
    program = { source, error: `expression is ${source.length} characters, over ${MAX_SOURCE}` };
  } else {
    try {
      const parsed = celEnvironment.parse(source);
      const checked = parsed.check();
      const mixed = checked.valid ? heterogeneousLiteral(parsed.ast) : undefined;
      if (!checked.valid) {
        program = { source, error: `compilation failed: ${errorText(checked.error)}` };
      } else if (mixed !== undefined) {
        program = { source, error: `compilation failed: ${mixed}` };
      } else {
        meterRoot(parsed.ast);
        program = { source, parsed };
      }
    } catch (error) {
      program = { source, error: `compilation failed: ${errorText(error)}` };
    }
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(source, program);
  return program;
}

/**
 * Evaluates a compiled expression against an activation, charging `budget`. Never throws: errors
 * (including cost and time limits) come back as outcomes.
 */
export function evaluateCel(
  program: CelProgram,
  activation: Record<string, unknown>,
  budget: Budget,
): CelOutcome {
  if (program.parsed === undefined) {
    return { ok: false, error: program.error ?? 'not compiled', costExceeded: false };
  }
  const parsed = program.parsed;
  budget.startExpression();
  try {
    const value: unknown = withBudget(budget, () => parsed(activation) as unknown);
    if (budget.exceeded !== undefined) return limitHit(budget.exceeded);
    return { ok: true, value };
  } catch (error) {
    if (budget.exceeded !== undefined || error instanceof CostLimitError) {
      return limitHit(budget.exceeded ?? errorText(error));
    }
    return { ok: false, error: errorText(error), costExceeded: false };
  }
}

function limitHit(message: string): CelOutcome {
  return { ok: false, error: message, costExceeded: true };
}

/**
 * One-line text of an error: cel-js's summary (without its source excerpt), worded as cel-go
 * words it, or the message.
 */
export function errorText(error: unknown): string {
  if (error instanceof Error) {
    const { summary, code } = error as { summary?: unknown; code?: unknown };
    return typeof summary === 'string'
      ? celGoMessage(code, summary)
      : (error.message.split('\n')[0] ?? '');
  }
  return String(error);
}

/**
 * Evaluates an expression inside another one's evaluation (a policy variable on first use):
 * same budget and per-expression count, and errors propagate to the outer expression.
 */
export function evaluateNested(program: CelProgram, activation: Record<string, unknown>): unknown {
  if (program.parsed === undefined) throw new Error(program.error ?? 'not compiled');
  return program.parsed(activation) as unknown;
}
