import { Environment } from '@marcbachmann/cel-js';
import { activeBudget } from './budget.ts';
import { INTERCEPTED } from './intercept.ts';
import { registerAuthz } from './lib-authz.ts';
import { formatDouble, registerConversions } from './lib-conversions.ts';
import { registerFormat } from './lib-format.ts';
import { registerIP } from './lib-ip.ts';
import { listIndexOf, registerLists } from './lib-lists.ts';
import { registerOptional } from './lib-optional.ts';
import { registerQuantity } from './lib-quantity.ts';
import { registerRegex } from './lib-regex.ts';
import { registerSemver } from './lib-semver.ts';
import { registerSets } from './lib-sets.ts';
import { registerStrings } from './lib-strings.ts';
import { registerURL } from './lib-url.ts';

/** The variables a ValidatingAdmissionPolicy expression sees. */
export const POLICY_VARIABLES = [
  'object',
  'oldObject',
  'request',
  'params',
  'namespaceObject',
  'variables',
] as const;

// The parts of cel-js's (untyped) evaluator and AST nodes that metering touches.
interface Node {
  op: string;
  args: unknown;
  evaluate: (ev: Evaluator, ast: Node, ctx: unknown) => unknown;
}
interface Evaluator {
  run(ast: Node, ctx: unknown): unknown;
}

/**
 * The Kubernetes CEL environment on cel-js: optional types, homogeneous aggregate literals, the
 * Kubernetes extension libraries, and a metered evaluator (see budget.ts): every AST node
 * evaluated is charged to the active budget, intermediate strings and lists are size-checked,
 * and the methods in intercept.ts are routed to their cel-go-exact versions.
 */
function createEnvironment(): { env: Environment; meter: (root: Node) => void } {
  const env = new Environment({
    enableOptionalTypes: true,
    // Checked in program.ts instead, with cel-go's exemption for format's arguments.
    homogeneousAggregateLiterals: false,
    limits: { maxAstNodes: 10_000, maxDepth: 100, maxListElements: 10_000, maxMapEntries: 10_000 },
  });
  for (const name of POLICY_VARIABLES) env.registerVariable(name, 'dyn');
  registerOptional(env);
  registerStrings(env);
  registerLists(env);
  env.registerFunction('list.indexOf(dyn): int', listIndexOf);
  registerSets(env);
  registerRegex(env);
  registerURL(env);
  registerQuantity(env);
  registerIP(env);
  registerFormat(env);
  registerSemver(env);
  registerAuthz(env);
  registerConversions(env);
  env.registerVariable('authorizer', 'Authorizer');

  // cel-js calls function handlers with its evaluator as `this`: a probe function catches it.
  const found: Evaluator[] = [];
  env.registerFunction('__kubewardProbe(): bool', function (this: Evaluator) {
    found.push(this);
    return true;
  });
  env.evaluate('__kubewardProbe()', {});
  const evaluator = found[0];
  if (evaluator === undefined) throw new Error('cel-js evaluator not found: metering impossible');
  const run = evaluator.run.bind(evaluator);
  const step = (ev: Evaluator, ast: Node, ctx: unknown, inner: () => unknown): unknown => {
    const budget = activeBudget();
    budget?.charge();
    let result: unknown;
    const method = ast.op === 'rcall' ? intercepted(ast) : undefined;
    const toString = ast.op === 'call' ? stringOfNumber(ast) : undefined;
    if (method !== undefined) {
      const [, receiver, args] = ast.args as [string, Node, Node[]];
      result = method(
        ev.run(receiver, ctx),
        args.map((arg) => ev.run(arg, ctx)),
      );
    } else if (toString !== undefined) {
      // string(double) as cel-go writes it; other values as cel-js does (re-evaluated if rare).
      const value = ev.run(toString, ctx);
      if (typeof value === 'number') result = formatDouble(value);
      else if (typeof value === 'string') result = value;
      else if (typeof value === 'bigint' || typeof value === 'boolean') result = String(value);
      else result = inner();
    } else result = inner();
    budget?.checkSize(result);
    return result;
  };
  evaluator.run = (ast: Node, ctx: unknown) => step(evaluator, ast, ctx, () => run(ast, ctx));
  // The root node is evaluated directly, not through `run`: give it the same treatment.
  const meter = (root: Node) => {
    let inner = root.evaluate;
    Object.defineProperty(root, 'evaluate', {
      configurable: true,
      get: () => (ev: Evaluator, ast: Node, ctx: unknown) =>
        step(ev, ast, ctx, () => inner.call(root, ev, ast, ctx)),
      set: (fn: Node['evaluate']) => {
        inner = fn;
      },
    });
  };
  return { env, meter };
}

/** The argument of `string(x)` when x is (or may be, as dyn) a double. */
function stringOfNumber(ast: Node): Node | undefined {
  const [name, args] = ast.args as [string, (Node & { checkedType?: { name?: string } })[]];
  if (name !== 'string' || args.length !== 1) return undefined;
  const type = args[0]?.checkedType?.name;
  return type === 'double' || type === 'dyn' ? args[0] : undefined;
}

function intercepted(ast: Node) {
  const [name] = ast.args as [string];
  return INTERCEPTED.get(name);
}

const created = createEnvironment();

/** The shared environment (create-once: building one registers a few hundred overloads). */
export const celEnvironment: Environment = created.env;

/** Routes the root of a parsed expression through the metered evaluator. */
export const meterRoot: (root: object) => void = created.meter as (root: object) => void;
