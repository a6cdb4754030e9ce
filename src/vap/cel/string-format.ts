import { isRecord } from '../../model/kube-object.ts';

/**
 * cel-go's `string.format(list)` (ext.Strings): `%s`, `%d`, `%f`/`%.Nf`, `%e`, `%x`, `%X`, `%o`,
 * `%b` and `%%`, with the errors cel-go raises for a bad verb or a missing argument.
 */
export function formatString(template: string, args: readonly unknown[]): string {
  let next = 0;
  return template.replace(
    /%(?:\.(\d+))?([a-zA-Z%])?/g,
    (_match, precision?: string, verb?: string) => {
      if (verb === '%') return '%';
      if (verb === undefined) throw new Error('unexpected end of format string');
      if (next >= args.length) throw new Error(`index ${next} out of range`);
      const arg = args[next++];
      const digits = precision === undefined ? undefined : Number(precision);
      switch (verb) {
        case 's':
          return asString(arg);
        case 'd':
          return integer(arg, 'd').toString();
        case 'f':
          return fixed(arg, digits ?? 6);
        case 'e':
          return exponent(arg, digits ?? 6);
        case 'x':
        case 'X': {
          const text =
            typeof arg === 'string'
              ? Buffer.from(arg).toString('hex')
              : integer(arg, verb).toString(16);
          return verb === 'X' ? text.toUpperCase() : text;
        }
        case 'o':
          return integer(arg, 'o').toString(8);
        case 'b':
          return typeof arg === 'boolean' ? String(arg) : integer(arg, 'b').toString(2);
        default:
          throw new Error(
            `could not parse formatting clause: unrecognized formatting clause "${verb}"`,
          );
      }
    },
  );
}

function asString(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(asString).join(', ')}]`;
  if (isRecord(value)) {
    const entries = Object.keys(value)
      .sort()
      .map((key) => `${key}: ${asString(value[key])}`);
    return `{${entries.join(', ')}}`;
  }
  return typeof value === 'object' ? value.constructor.name : typeof value;
}

function integer(value: unknown, verb: string): bigint {
  if (typeof value === 'bigint') return value;
  if (
    typeof value === 'object' &&
    value !== null &&
    'value' in value &&
    typeof value.value === 'bigint'
  ) {
    return value.value;
  }
  throw new Error(
    `error during formatting: integer clause can only be used on integers, was given ${typeof value} (%${verb})`,
  );
}

function toNumber(value: unknown, verb: string): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  throw new Error(
    `error during formatting: fixed-point clause can only be used on doubles, was given ${typeof value} (%${verb})`,
  );
}

function fixed(value: unknown, digits: number): string {
  const n = toNumber(value, 'f');
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? 'Infinity' : '-Infinity';
  return n.toFixed(Math.min(digits, 100));
}

function exponent(value: unknown, digits: number): string {
  const n = toNumber(value, 'e');
  // Go writes at least two exponent digits: 1.000000e+03.
  return n.toExponential(Math.min(digits, 100)).replace(/e([+-])(\d)$/, 'e$10$2');
}
