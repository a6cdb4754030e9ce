import { isRecord } from '../model/kube-object.ts';

/** Label maps as the analyzer sees them: string values only. */
export type Labels = Readonly<Record<string, string>>;

/** A compiled `metav1.LabelSelector`. */
export interface LabelSelector {
  matches(labels: Labels): boolean;
  /** True for `{}` (no requirement at all): it selects everything. */
  readonly matchesAll: boolean;
  /** Why the API server would reject this selector; non-empty means the selector is invalid. */
  readonly problems: readonly string[];
  /** `app=web,tier in (a,b)`: the requirements as text, for explanations. */
  readonly text: string;
  /** Equal for selectors with the same requirements (order aside): a cache key. */
  readonly key: string;
}

type Requirement = (labels: Labels) => boolean;

const OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'] as const;

/**
 * Compiles a LabelSelector exactly as `metav1.LabelSelectorAsSelector` evaluates it: every
 * `matchLabels` pair and every `matchExpressions` requirement must hold; `NotIn` and
 * `DoesNotExist` also match objects without the key; an empty selector matches everything.
 * Callers handle a *missing* selector themselves, because its meaning depends on the field
 * (https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/label-selector/).
 */
export function compileSelector(raw: unknown): LabelSelector {
  const problems: string[] = [];
  const requirements: Requirement[] = [];
  const text: string[] = [];
  const keys: string[] = [];
  const selector = isRecord(raw) ? raw : {};
  const matchLabels = selector.matchLabels;
  if (isRecord(matchLabels)) {
    for (const key of Object.keys(matchLabels).sort()) {
      const value = labelValue(matchLabels[key]);
      requirements.push((labels) => Object.hasOwn(labels, key) && labels[key] === value);
      text.push(`${key}=${value}`);
      keys.push(JSON.stringify([key, '=', value]));
    }
  } else if (matchLabels !== undefined && matchLabels !== null) {
    problems.push('matchLabels is not a map');
  }
  const expressions = selector.matchExpressions;
  if (Array.isArray(expressions)) {
    expressions.forEach((expression: unknown, i) => {
      const compiled = compileExpression(expression, i, problems);
      if (compiled === undefined) return;
      requirements.push(compiled.test);
      text.push(compiled.text);
      keys.push(compiled.key);
    });
  } else if (expressions !== undefined && expressions !== null) {
    problems.push('matchExpressions is not a list');
  }
  return {
    matches: (labels) => requirements.every((r) => r(labels)),
    matchesAll: requirements.length === 0 && problems.length === 0,
    problems,
    text: text.length === 0 ? '{}' : text.join(','),
    key: keys.sort().join(','),
  };
}

function compileExpression(
  expression: unknown,
  index: number,
  problems: string[],
): { test: Requirement; text: string; key: string } | undefined {
  const where = `matchExpressions[${index}]`;
  if (!isRecord(expression) || typeof expression.key !== 'string' || expression.key === '') {
    problems.push(`${where} has no key`);
    return undefined;
  }
  const name = expression.key;
  const operator = expression.operator;
  const values = Array.isArray(expression.values) ? expression.values.map(labelValue) : [];
  if (!(OPERATORS as readonly unknown[]).includes(operator)) {
    problems.push(`${where} has unknown operator ${JSON.stringify(operator)}`);
    return undefined;
  }
  const set = new Set(values);
  const key = JSON.stringify([expression.key, operator, [...set].sort()]);
  switch (operator as (typeof OPERATORS)[number]) {
    case 'In':
    case 'NotIn': {
      // ValidateLabelSelectorRequirement: In and NotIn need at least one value.
      if (values.length === 0) problems.push(`${where}: operator ${String(operator)} needs values`);
      const inSet: Requirement = (l) => set.has(l[name] ?? '') && Object.hasOwn(l, name);
      const list = `(${[...set].sort().join(',')})`;
      return operator === 'In'
        ? { test: inSet, text: `${name} in ${list}`, key }
        : { test: (l) => !inSet(l), text: `${name} notin ${list}`, key };
    }
    case 'Exists':
    case 'DoesNotExist':
      if (values.length > 0)
        problems.push(`${where}: operator ${String(operator)} takes no values`);
      return operator === 'Exists'
        ? { test: (l) => Object.hasOwn(l, name), text: name, key }
        : { test: (l) => !Object.hasOwn(l, name), text: `!${name}`, key };
  }
}

/** Label values are strings on the wire; a YAML scalar such as `1` or `true` is read as its text. */
export function labelValue(value: unknown): string {
  if (typeof value === 'string') return value;
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
}

/** Normalises a `metadata.labels` map into string values (undefined or malformed → `{}`). */
export function normaliseLabels(raw: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isRecord(raw)) return out;
  for (const [key, value] of Object.entries(raw)) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      out[key] = labelValue(value);
    }
  }
  return out;
}
