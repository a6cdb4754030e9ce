// metav1.LabelSelector semantics, as LabelSelectorAsSelector builds them in
// https://github.com/kubernetes/apimachinery/blob/v0.37.2/pkg/apis/meta/v1/helpers.go:
// matchLabels and matchExpressions are ANDed, an empty selector matches everything.
import { isRecord } from '../../model/kube-object.ts';

export type LabelPredicate = (labels: Readonly<Record<string, string>>) => boolean;

/** A predicate for a label selector, or undefined when the selector is invalid (as the API server would refuse it). */
export function compileLabelSelector(selector: unknown): LabelPredicate | undefined {
  if (selector === null || selector === undefined) return () => false;
  if (!isRecord(selector)) return undefined;
  const checks: LabelPredicate[] = [];
  const matchLabels = selector.matchLabels;
  if (matchLabels !== undefined && matchLabels !== null) {
    if (!isRecord(matchLabels)) return undefined;
    for (const [key, value] of Object.entries(matchLabels)) {
      if (typeof value !== 'string') return undefined;
      checks.push((labels) => labels[key] === value);
    }
  }
  const expressions = selector.matchExpressions;
  if (expressions !== undefined && expressions !== null) {
    if (!Array.isArray(expressions)) return undefined;
    for (const expression of expressions) {
      const check = compileExpression(expression);
      if (check === undefined) return undefined;
      checks.push(check);
    }
  }
  return (labels) => checks.every((check) => check(labels));
}

function compileExpression(expression: unknown): LabelPredicate | undefined {
  if (!isRecord(expression) || typeof expression.key !== 'string') return undefined;
  const key = expression.key;
  const values: unknown[] = Array.isArray(expression.values) ? expression.values : [];
  const strings = values.filter((v): v is string => typeof v === 'string');
  if (strings.length !== values.length) return undefined;
  const set = new Set(strings);
  const has = (labels: Readonly<Record<string, string>>) => Object.hasOwn(labels, key);
  switch (expression.operator) {
    case 'In':
      return set.size === 0 ? undefined : (labels) => has(labels) && set.has(labels[key] ?? '');
    case 'NotIn':
      return set.size === 0 ? undefined : (labels) => !has(labels) || !set.has(labels[key] ?? '');
    case 'Exists':
      return set.size !== 0 ? undefined : has;
    case 'DoesNotExist':
      return set.size !== 0 ? undefined : (labels) => !has(labels);
    default:
      return undefined;
  }
}
