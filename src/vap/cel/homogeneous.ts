/** The parts of a type-checked cel-js AST node this check reads. */
interface Node {
  op: string;
  args: unknown;
  checkedType?: { name?: string; isEmpty?: () => boolean };
}

const isNode = (v: unknown): v is Node =>
  typeof v === 'object' && v !== null && typeof (v as { op?: unknown }).op === 'string';

/** The type an element adds to the literal's, or an error when it is another one (cel-js's rule). */
function join(expected: Node['checkedType'], el: unknown, what: string): Node['checkedType'] {
  const type = isNode(el) ? el.checkedType : undefined;
  if (expected === undefined || expected.isEmpty?.() === true) return type;
  if (type === undefined || type.name === expected.name || type.isEmpty?.() === true)
    return expected;
  throw new Error(
    `${what} must have the same type, expected type '${expected.name ?? ''}' but found '${type.name ?? ''}'`,
  );
}

function visit(value: unknown): void {
  if (Array.isArray(value)) {
    for (const item of value) visit(item);
    return;
  }
  if (!isNode(value)) {
    if (typeof value === 'object' && value !== null) for (const v of Object.values(value)) visit(v);
    return;
  }
  const { op, args } = value;
  if (op === 'list' && Array.isArray(args)) {
    args.reduce<Node['checkedType']>((t, el) => join(t, el, 'List elements'), undefined);
  } else if (op === 'map' && Array.isArray(args)) {
    const entries = args as [unknown, unknown][];
    entries.reduce<Node['checkedType']>((t, [k]) => join(t, k, 'Map keys'), undefined);
    entries.reduce<Node['checkedType']>((t, [, v]) => join(t, v, 'Map values'), undefined);
  }
  if (op === 'rcall' && Array.isArray(args) && args[0] === 'format') {
    visit(args[1]); // ext.Strings exempts format's argument list from the rule
    return;
  }
  visit(args);
}

/**
 * cel-go's HomogeneousAggregateLiterals validator, which the Kubernetes environment enables:
 * the elements of a list literal (keys and values of a map literal) must all have one type,
 * except inside the arguments of `format`, which ext.Strings exempts (`'%s: %d'.format([s, 1])`).
 * Returns the error, or undefined.
 */
export function heterogeneousLiteral(root: object): string | undefined {
  try {
    visit(root);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
