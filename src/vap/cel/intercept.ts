import { listIndexOf } from './lib-lists.ts';
import { indexOf, lastIndexOf, lowerAscii, substring, upperAscii } from './lib-strings.ts';
import { regexTest } from './regex.ts';
import { celEquals } from './compare.ts';
import { charge } from './budget.ts';

/**
 * Methods cel-js implements itself but differently from cel-go (JavaScript regexes, UTF-16
 * indexes, Unicode case mapping). cel-js refuses a second overload of the same signature, so the
 * metered evaluator calls these instead when it meets such a method call; they receive the
 * already evaluated receiver and arguments.
 */
type Method = (receiver: unknown, args: readonly unknown[]) => unknown;

const str = (v: unknown): v is string => typeof v === 'string';
const int = (v: unknown): v is bigint => typeof v === 'bigint';

function noOverload(name: string): Error {
  return new Error(`found no matching overload for '${name}' applied to these arguments`);
}

export const INTERCEPTED: ReadonlyMap<string, Method> = new Map<string, Method>([
  [
    'matches',
    (r, [p]) => {
      if (str(r) && str(p)) return regexTest(p, r);
      throw noOverload('matches');
    },
  ],
  [
    'indexOf',
    (r, [a, b]) => {
      if (str(r) && str(a) && (b === undefined || int(b))) return indexOf(r, a, b);
      if (Array.isArray(r) && b === undefined) return listIndexOf(r, a);
      throw noOverload('indexOf');
    },
  ],
  [
    'lastIndexOf',
    (r, [a, b]) => {
      if (str(r) && str(a) && (b === undefined || int(b))) return lastIndexOf(r, a, b);
      if (Array.isArray(r) && b === undefined) {
        charge(r.length);
        for (let i = r.length - 1; i >= 0; i--) if (celEquals(r[i], a)) return BigInt(i);
        return -1n;
      }
      throw noOverload('lastIndexOf');
    },
  ],
  [
    'substring',
    (r, [a, b]) => {
      if (str(r) && int(a) && (b === undefined || int(b))) return substring(r, a, b);
      throw noOverload('substring');
    },
  ],
  [
    'lowerAscii',
    (r, args) => {
      if (str(r) && args.length === 0) return lowerAscii(r);
      throw noOverload('lowerAscii');
    },
  ],
  [
    'upperAscii',
    (r, args) => {
      if (str(r) && args.length === 0) return upperAscii(r);
      throw noOverload('upperAscii');
    },
  ],
]);
