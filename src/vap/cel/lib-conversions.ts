import type { Environment } from '@marcbachmann/cel-js';

/** The parts of cel-js's Duration that a conversion reads. */
interface CelDuration {
  seconds: bigint;
  nanos: number;
}

/** Shortest round-trip digits of a finite non-zero |v| and its decimal exponent. */
function decimal(v: number): { digits: string; exp: number } {
  const [mantissa = '', exponent = '0'] = Math.abs(v).toExponential().split('e');
  return { digits: mantissa.replace('.', ''), exp: Number(exponent) };
}

/** The digits written out without an exponent (Go's %f with the shortest precision). */
function fixed(digits: string, exp: number): string {
  if (exp < 0) return `0.${'0'.repeat(-exp - 1)}${digits}`;
  if (digits.length <= exp + 1) return digits + '0'.repeat(exp + 1 - digits.length);
  return `${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
}

/**
 * `string(double)` as cel-go writes it: strconv.FormatFloat(v, 'g', -1, 64), i.e. the shortest
 * digits, with an exponent (at least two digits) below 1e-4 and from 1e6 up: `1.234567e+06`.
 */
export function formatDouble(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? '+Inf' : '-Inf';
  if (v === 0) return Object.is(v, -0) ? '-0' : '0';
  const sign = v < 0 ? '-' : '';
  const { digits, exp } = decimal(v);
  if (exp >= -4 && exp < 6) return sign + fixed(digits, exp);
  const mantissa = digits.length > 1 ? `${digits[0] ?? ''}.${digits.slice(1)}` : digits;
  const e = Math.abs(exp).toString().padStart(2, '0');
  return `${sign}${mantissa}e${exp < 0 ? '-' : '+'}${e}`;
}

/** `string(duration)` as cel-go writes it: the seconds, shortest, without exponent, then `s`. */
export function formatDuration(d: CelDuration): string {
  const total = Number(d.seconds) + d.nanos / 1e9;
  if (total === 0) return '0s';
  const { digits, exp } = decimal(total);
  return `${total < 0 ? '-' : ''}${fixed(digits, exp)}s`;
}

/**
 * `string(timestamp)` as cel-go writes it: RFC 3339 with the fraction's trailing zeros dropped.
 * cel-js keeps milliseconds and no zone, so the time is written in UTC.
 */
export function formatTimestamp(t: Date): string {
  return t.toISOString().replace(/\.(\d*?)0*Z$/, (_m, f: string) => (f === '' ? 'Z' : `.${f}Z`));
}

/** The conversions cel-js lacks (duration and timestamp to string). */
export function registerConversions(env: Environment): void {
  env.registerFunction('string(google.protobuf.Duration): string', formatDuration);
  env.registerFunction('string(google.protobuf.Timestamp): string', formatTimestamp);
}
