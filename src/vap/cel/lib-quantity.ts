import type { Environment } from '@marcbachmann/cel-js';

/** A resource.Quantity as an exact rational number. */
export class Quantity {
  readonly num: bigint;
  readonly den: bigint;
  constructor(num: bigint, den: bigint) {
    const g = gcd(num < 0n ? -num : num, den);
    this.num = g > 1n ? num / g : num;
    this.den = g > 1n ? den / g : den;
  }
  compare(other: Quantity): number {
    const a = this.num * other.den;
    const b = other.num * this.den;
    return a < b ? -1 : a > b ? 1 : 0;
  }
  plus(other: Quantity, sign: bigint): Quantity {
    return new Quantity(this.num * other.den + sign * other.num * this.den, this.den * other.den);
  }
}

const PATTERN = /^([+-]?)(\d*)(?:\.(\d*))?(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?\d+)?$/;
const MESSAGE =
  "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
const DECIMAL: Readonly<Record<string, number>> = {
  n: -9,
  u: -6,
  m: -3,
  k: 3,
  M: 6,
  G: 9,
  T: 12,
  P: 15,
  E: 18,
};
const BINARY: Readonly<Record<string, bigint>> = {
  Ki: 10n,
  Mi: 20n,
  Gi: 30n,
  Ti: 40n,
  Pi: 50n,
  Ei: 60n,
};
const INT64_MAX = 2n ** 63n - 1n;
const INT64_MIN = -(2n ** 63n);

/** resource.ParseQuantity, exactly; undefined when the text is not a quantity. */
export function parseQuantity(text: string): Quantity | undefined {
  const m = PATTERN.exec(text);
  if (m === null) return undefined;
  const [, sign = '', whole = '', fraction = '', suffix = ''] = m;
  if (whole === '' && fraction === '') return undefined;
  if (text.length > 512) return undefined;
  let num = BigInt(`${whole}${fraction}` || '0');
  let den = 10n ** BigInt(fraction.length);
  if (sign === '-') num = -num;
  let exponent = 0;
  const binary = BINARY[suffix];
  const decimal = DECIMAL[suffix];
  if (binary !== undefined) num *= 2n ** binary;
  else if (decimal !== undefined) exponent = decimal;
  else if (suffix !== '') exponent = Number(suffix.slice(1));
  if (Math.abs(exponent) > 1000) return undefined;
  if (exponent > 0) num *= 10n ** BigInt(exponent);
  else if (exponent < 0) den *= 10n ** BigInt(-exponent);
  return new Quantity(num, den);
}

/** Kubernetes' quantity library (k8s.io/apiserver/pkg/cel/library/quantity.go). */
export function registerQuantity(env: Environment): void {
  env.registerType('Quantity', Quantity);
  env.registerFunction('quantity(string): Quantity', (text: string) => {
    const q = parseQuantity(text);
    if (q === undefined) throw new Error(MESSAGE);
    return q;
  });
  env.registerFunction(
    'isQuantity(string): bool',
    (text: string) => parseQuantity(text) !== undefined,
  );
  env.registerFunction('Quantity.sign(): int', (q: Quantity) => BigInt(q.compare(ZERO)));
  env.registerFunction('Quantity.isInteger(): bool', (q: Quantity) => asInteger(q) !== undefined);
  env.registerFunction('Quantity.asInteger(): int', (q: Quantity) => {
    const value = asInteger(q);
    if (value === undefined) throw new Error('cannot convert value to integer');
    return value;
  });
  env.registerFunction(
    'Quantity.asApproximateFloat(): double',
    (q: Quantity) => Number(q.num) / Number(q.den),
  );
  env.registerFunction('Quantity.add(Quantity): Quantity', (a: Quantity, b: Quantity) =>
    a.plus(b, 1n),
  );
  env.registerFunction('Quantity.add(int): Quantity', (a: Quantity, b: bigint) =>
    a.plus(new Quantity(b, 1n), 1n),
  );
  env.registerFunction('Quantity.sub(Quantity): Quantity', (a: Quantity, b: Quantity) =>
    a.plus(b, -1n),
  );
  env.registerFunction('Quantity.sub(int): Quantity', (a: Quantity, b: bigint) =>
    a.plus(new Quantity(b, 1n), -1n),
  );
  env.registerFunction(
    'Quantity.isGreaterThan(Quantity): bool',
    (a: Quantity, b: Quantity) => a.compare(b) > 0,
  );
  env.registerFunction(
    'Quantity.isLessThan(Quantity): bool',
    (a: Quantity, b: Quantity) => a.compare(b) < 0,
  );
  env.registerFunction('Quantity.compareTo(Quantity): int', (a: Quantity, b: Quantity) =>
    BigInt(a.compare(b)),
  );
  env.registerOperator('Quantity == Quantity', (a: Quantity, b: Quantity) => a.compare(b) === 0);
}

const ZERO = new Quantity(0n, 1n);

function asInteger(q: Quantity): bigint | undefined {
  if (q.num % q.den !== 0n) return undefined;
  const value = q.num / q.den;
  return value > INT64_MAX || value < INT64_MIN ? undefined : value;
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}
