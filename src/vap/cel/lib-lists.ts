import type { Environment } from '@marcbachmann/cel-js';
import { charge } from './budget.ts';
import { celCompare, celEquals } from './compare.ts';

/**
 * Kubernetes' list library (k8s.io/apiserver/pkg/cel/library/lists.go): isSorted, sum, min, max,
 * indexOf, lastIndexOf; plus cel-go's ext.Lists functions (slice, flatten, distinct, reverse,
 * sort, lists.range), which the API server's base environment does not (yet) declare.
 */
export function registerLists(env: Environment): void {
  env.registerFunction('list.isSorted(): bool', (list: unknown[]) => {
    charge(list.length);
    return list.every((item, i) => i === 0 || celCompare(list[i - 1], item) <= 0);
  });
  env.registerFunction('list.sum(): dyn', (list: unknown[]) => {
    charge(list.length);
    if (list.length === 0) return 0n;
    return list.reduce((total, item) => add(total, item));
  });
  env.registerFunction('list.min(): dyn', (list: unknown[]) => extreme(list, 'min', -1));
  env.registerFunction('list.max(): dyn', (list: unknown[]) => extreme(list, 'max', 1));
  env.registerFunction('list.lastIndexOf(dyn): int', (list: unknown[], value: unknown) => {
    charge(list.length);
    for (let i = list.length - 1; i >= 0; i--) if (celEquals(list[i], value)) return BigInt(i);
    return -1n;
  });
  env.registerFunction(
    'list.slice(int, int): list',
    (list: unknown[], start: bigint, end: bigint) => {
      if (start < 0n || end < 0n)
        throw new Error(`cannot slice(${start}, ${end}), negative indexes not supported`);
      if (start > end)
        throw new Error(
          `cannot slice(${start}, ${end}), start index must be less than or equal to end index`,
        );
      if (end > BigInt(list.length))
        throw new Error(`cannot slice(${start}, ${end}), list is length ${list.length}`);
      charge(Number(end - start));
      return list.slice(Number(start), Number(end));
    },
  );
  env.registerFunction('list.flatten(): list', (list: unknown[]) => flatten(list, 1));
  env.registerFunction('list.flatten(int): list', (list: unknown[], depth: bigint) => {
    if (depth < 0n) throw new Error('level must be non-negative');
    return flatten(list, Number(depth));
  });
  env.registerFunction('list.distinct(): list', (list: unknown[]) => {
    charge(list.length * list.length);
    const out: unknown[] = [];
    for (const item of list) if (!out.some((seen) => celEquals(seen, item))) out.push(item);
    return out;
  });
  env.registerFunction('list.reverse(): list', (list: unknown[]) => {
    charge(list.length);
    return [...list].reverse();
  });
  env.registerFunction('list.sort(): list', (list: unknown[]) => {
    charge(list.length * Math.log2(list.length + 2));
    return [...list].sort(celCompare);
  });
}

/** `list.indexOf(value)`, handled by the interceptor because cel-js owns `string.indexOf`. */
export function listIndexOf(list: readonly unknown[], value: unknown): bigint {
  charge(list.length);
  const index = list.findIndex((item) => celEquals(item, value));
  return BigInt(index);
}

function extreme(list: unknown[], name: string, sign: number): unknown {
  if (list.length === 0) throw new Error(`${name} called on empty list`);
  charge(list.length);
  return list.reduce((best, item) => (celCompare(item, best) * sign > 0 ? item : best));
}

function add(a: unknown, b: unknown): unknown {
  if (typeof a === 'bigint' && typeof b === 'bigint') return a + b;
  if (typeof a === 'number' && typeof b === 'number') return a + b;
  throw new Error('no such overload: sum() needs a list of int, uint or double');
}

function flatten(list: readonly unknown[], depth: number): unknown[] {
  const out: unknown[] = [];
  for (const item of list) {
    charge(1);
    if (Array.isArray(item) && depth > 0) out.push(...flatten(item, depth - 1));
    else out.push(item);
  }
  return out;
}
