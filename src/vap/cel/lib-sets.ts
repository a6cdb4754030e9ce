import type { Environment } from '@marcbachmann/cel-js';
import { charge } from './budget.ts';
import { celEquals } from './compare.ts';

/** The receiver of `sets.…()` functions (cel-js tells types apart by class). */
class SetsNamespace {
  readonly namespace = 'sets';
}

/** cel-go's ext.Sets (in the Kubernetes base environment since 1.29): contains, equivalent, intersects. */
export function registerSets(env: Environment): void {
  env.registerType('SetsNamespace', SetsNamespace);
  env.registerConstant('sets', 'SetsNamespace', new SetsNamespace());
  env.registerFunction(
    'SetsNamespace.contains(list, list): bool',
    (_: unknown, a: unknown[], b: unknown[]) => containsAll(a, b),
  );
  env.registerFunction(
    'SetsNamespace.equivalent(list, list): bool',
    (_: unknown, a: unknown[], b: unknown[]) => containsAll(a, b) && containsAll(b, a),
  );
  env.registerFunction(
    'SetsNamespace.intersects(list, list): bool',
    (_: unknown, a: unknown[], b: unknown[]) => {
      charge(a.length * b.length);
      return b.some((item) => a.some((other) => celEquals(item, other)));
    },
  );
}

function containsAll(a: readonly unknown[], b: readonly unknown[]): boolean {
  charge(a.length * b.length);
  return b.every((item) => a.some((other) => celEquals(item, other)));
}
