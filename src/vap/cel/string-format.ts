import { isRecord } from '../../model/kube-object.ts';
import { formatDouble, formatDuration, formatTimestamp } from './lib-conversions.ts';

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
          return exponent(arg);
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

/**
 * `%s` as cel-go writes it: a double in its `string()` form at the top level, and inside lists
 * and maps as `%f` without grouping; strings quoted inside lists and maps; maps sorted by key,
 * written `{"k":v, …}`.
 */
function asString(value: unknown, nested = false): string {
  if (typeof value === 'string') return nested ? goQuote(value) : value;
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number') return nested ? fixedDigits(value, 6) : formatDouble(value);
  if (typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  if (value instanceof Uint8Array) return new TextDecoder().decode(value);
  if (value instanceof Date) return formatTimestamp(value);
  if (isDuration(value)) return formatDuration(value);
  if (hasBigintValue(value)) return String(value.value);
  if (Array.isArray(value)) return `[${value.map((v) => asString(v, true)).join(', ')}]`;
  const entries: [unknown, unknown][] =
    value instanceof Map
      ? [...(value as Map<unknown, unknown>).entries()]
      : isRecord(value)
        ? Object.entries(value)
        : [];
  if (value instanceof Map || (isRecord(value) && value.constructor === Object)) {
    const written = entries.map(([k, v]) => [asString(k, true), asString(v, true)] as const);
    written.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${written.map(([k, v]) => `${k}:${v}`).join(', ')}}`;
  }
  const text = (value as { toString?: () => string }).toString?.();
  return typeof text === 'string' && !text.startsWith('[object') ? text : typeof value;
}

const isDuration = (v: unknown): v is { seconds: bigint; nanos: number } =>
  typeof v === 'object' && v !== null && v.constructor.name === 'Duration';

const hasBigintValue = (v: unknown): v is { value: bigint } =>
  typeof v === 'object' && v !== null && 'value' in v && typeof v.value === 'bigint';

/** Go's strconv.Quote for the strings JSON and Go escape alike, plus Go's own escapes. */
function goQuote(text: string): string {
  return JSON.stringify(text)
    .replace(/\\u0007/g, '\\a')
    .replace(/\\u000b/g, '\\v')
    .replace(/\\u00([01][0-9a-f])/g, '\\x$1')
    .replace(/\x7f/g, '\\x7f');
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

/**
 * `n` with `digits` decimals, ties to even as Go rounds (JavaScript's toFixed rounds them up).
 */
function fixedDigits(n: number, digits: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? 'Infinity' : '-Infinity';
  const d = Math.min(digits, 70);
  if (Math.abs(n) >= 1e21) return `${BigInt(n).toString()}${d > 0 ? `.${'0'.repeat(d)}` : ''}`;
  // A tie has an exact expansion ending in 5 right after the kept digits (toFixed is exact).
  const long = Math.abs(n).toFixed(d + 30);
  const point = long.indexOf('.');
  if (!/^50{29}$/.test(long.slice(point + 1 + d))) return n.toFixed(d);
  const kept = long.slice(0, point + 1 + d).replace('.', '');
  const last = Number(kept.at(-1));
  const rounded = BigInt(kept) + (last % 2 === 0 ? 0n : 1n);
  const text = rounded.toString().padStart(d + 1, '0');
  const whole = d === 0 ? text : `${text.slice(0, -d)}.${text.slice(-d)}`;
  return n < 0 ? `-${whole}` : whole;
}

/** `%f` as the API server writes it: grouped thousands (`1,234.500000`). */
function fixed(value: unknown, digits: number): string {
  const text = fixedDigits(toNumber(value, 'f'), digits);
  return text.replace(
    /^(-?)(\d+)/,
    (_m, sign: string, whole: string) => sign + whole.replace(/\B(?=(\d{3})+$)/g, ','),
  );
}

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/**
 * `%e` as the API server writes it: six decimals whatever the precision, and the exponent as a
 * power of ten in superscript digits (`1.234567×10⁰⁶`, `1.230000×10⁻⁰⁴`).
 */
function exponent(value: unknown): string {
  const n = toNumber(value, 'e');
  if (!Number.isFinite(n)) return fixedDigits(n, 6);
  const [mantissa = '', exp = '0'] = n.toExponential(6).split('e');
  const power = Math.abs(Number(exp)).toString().padStart(2, '0');
  const digits = Array.from(power, (c) => SUPERSCRIPT[Number(c)] ?? c).join('');
  return `${mantissa}×10${Number(exp) < 0 ? '⁻' : ''}${digits}`;
}
