import { Budget } from './cel/budget.ts';
import type { CelLimits } from './cel/budget.ts';
import type { CelOutcome } from './cel/program.ts';
import { compileCel, evaluateCel } from './cel/program.ts';
import { celTypeName } from './cel/values.ts';
import type { VapPolicy } from './types.ts';

/** validating.PolicyDecision: what one validation (or the whole run, on error) decided. */
export interface PolicyDecision {
  action: 'admit' | 'deny';
  evaluation: 'admit' | 'deny' | 'error';
  message: string;
  reason?: string;
  index?: number;
}

export interface AnnotationResult {
  key: string;
  action: 'publish' | 'exclude' | 'error';
  value?: string;
  error?: string;
}

export interface ValidateResult {
  decisions: PolicyDecision[];
  auditAnnotations: AnnotationResult[];
  /** Errors that failurePolicy Ignore turned into admits, for diagnostics. */
  ignoredErrors: string[];
}

const MAX_MESSAGE = 5 * 1024;

/**
 * validator.Validate (policy/validating/validator.go) for one policy, binding and param:
 * matchConditions, then validations with messages, then audit annotations.
 */
export function validate(
  policy: VapPolicy,
  activation: Record<string, unknown>,
  limits?: CelLimits,
): ValidateResult {
  const onError = policy.failurePolicy === 'Ignore' ? 'admit' : 'deny';
  const result: ValidateResult = { decisions: [], auditAnnotations: [], ignoredErrors: [] };
  const fail = (message: string): ValidateResult => {
    result.decisions = [{ action: onError, evaluation: 'error', message }];
    if (onError === 'admit') result.ignoredErrors.push(message);
    return result;
  };
  const budget = new Budget(limits);
  const run = (expression: string): CelOutcome =>
    evaluateCel(compileCel(expression), activation, budget);

  const conditionErrors: string[] = [];
  for (const condition of policy.matchConditions) {
    const outcome = run(condition.expression);
    if (outcome.ok && outcome.value === false) return result;
    if (!outcome.ok) conditionErrors.push(expressionError(condition.expression, outcome.error));
    else if (typeof outcome.value !== 'boolean') {
      conditionErrors.push(`matchCondition '${condition.name}' must evaluate to bool`);
    }
  }
  if (conditionErrors.length > 0) return fail(aggregate(conditionErrors));

  const outcomes = policy.validations.map((v) => run(v.expression));
  if (outOfBudget(budget)) return fail(budget.exceeded ?? '');
  policy.validations.forEach((validation, index) => {
    const outcome = outcomes[index] ?? { ok: false, error: 'not evaluated', costExceeded: false };
    if (!outcome.ok) {
      const message = expressionError(validation.expression, outcome.error);
      result.decisions.push({ action: onError, evaluation: 'error', message, index });
      if (onError === 'admit') result.ignoredErrors.push(message);
      return;
    }
    if (outcome.value === true) {
      result.decisions.push({ action: 'admit', evaluation: 'admit', message: '', index });
      return;
    }
    let message = '';
    if (validation.messageExpression !== undefined) {
      const m = run(validation.messageExpression);
      if (outOfBudget(budget)) {
        result.decisions.push({
          action: onError,
          evaluation: 'error',
          message: `failed messageExpression: ${budget.exceeded ?? ''}`,
          index,
        });
        return;
      }
      if (m.ok && typeof m.value === 'string') {
        message = m.value.trim();
        if (message.length > MAX_MESSAGE || message.includes('\n')) message = '';
      }
    }
    if (message === '' && validation.message !== undefined) message = validation.message.trim();
    if (message === '') message = `failed expression: ${validation.expression.trim()}`;
    result.decisions.push({
      action: 'deny',
      evaluation: 'deny',
      message,
      reason: validation.reason ?? 'Invalid',
      index,
    });
  });

  // Audit annotations run with a fresh budget, as upstream passes the full budget again.
  const annotationBudget = new Budget(limits);
  for (const annotation of policy.auditAnnotations) {
    const outcome = evaluateCel(
      compileCel(annotation.valueExpression),
      activation,
      annotationBudget,
    );
    result.auditAnnotations.push(annotationResult(annotation, outcome, onError));
  }
  return result;
}

function annotationResult(
  annotation: { key: string; valueExpression: string },
  outcome: CelOutcome,
  onError: 'admit' | 'deny',
): AnnotationResult {
  const { key } = annotation;
  if (!outcome.ok) {
    const error = expressionError(annotation.valueExpression, outcome.error);
    return onError === 'admit'
      ? { key, action: 'exclude', error }
      : { key, action: 'error', error };
  }
  if (outcome.value === null) return { key, action: 'exclude' };
  if (typeof outcome.value === 'string') {
    const value = outcome.value.trim();
    return value === '' ? { key, action: 'exclude' } : { key, action: 'publish', value };
  }
  return {
    key,
    action: 'error',
    error: `valueExpression '${annotation.valueExpression}' resulted in unsupported return type: ${celTypeName(outcome.value)}. Return type must be either string or null.`,
  };
}

function outOfBudget(budget: Budget): boolean {
  return (
    budget.exceeded?.startsWith('validation failed due to running out of cost budget') === true
  );
}

function expressionError(expression: string, error: string): string {
  return error.startsWith('compilation failed')
    ? `compilation error: ${error}`
    : `expression '${expression}' resulted in error: ${error}`;
}

/** utilerrors.NewAggregate's text. */
function aggregate(errors: readonly string[]): string {
  return errors.length === 1 ? (errors[0] ?? '') : `[${errors.join(', ')}]`;
}
