import type { Environment } from '@marcbachmann/cel-js';
import { charge } from './budget.ts';
import { formatString } from './string-format.ts';

/** The receiver of `strings.…()` functions (cel-js tells types apart by class). */
class StringsNamespace {
  readonly namespace = 'strings';
}

/**
 * cel-go ext.Strings version 2, as Kubernetes declares it: charAt, indexOf, lastIndexOf,
 * lowerAscii, upperAscii, replace, split, substring, trim, join, strings.quote, format. cel-js
 * already has split, trim, join and (with UTF-16 instead of code-point indexes, and Unicode case
 * mapping) indexOf, lastIndexOf, substring, lowerAscii, upperAscii: the interceptor routes those
 * to the functions below, which follow cel-go exactly.
 */
export function registerStrings(env: Environment): void {
  env.registerType('StringsNamespace', StringsNamespace);
  env.registerConstant('strings', 'StringsNamespace', new StringsNamespace());
  env.registerFunction('string.charAt(int): string', (s: string, index: bigint) => {
    const chars = codePoints(s);
    if (index < 0n || index > BigInt(chars.length)) throw outOfRange(index);
    return chars[Number(index)] ?? '';
  });
  env.registerFunction(
    'string.replace(string, string): string',
    (s: string, from: string, to: string) => replace(s, from, to, -1n),
  );
  env.registerFunction('string.replace(string, string, int): string', replace);
  env.registerFunction('StringsNamespace.quote(string): string', (_: unknown, s: string) =>
    quote(s),
  );
  env.registerFunction('string.format(list): string', (s: string, args: unknown[]) => {
    charge(s.length + args.length);
    return formatString(s, args);
  });
}

/** Code points of a string (cel-go indexes strings by code point, not UTF-16 unit). */
export function codePoints(s: string): string[] {
  charge(s.length);
  // Code points, not graphemes: cel-go indexes runes.
  return /[\uD800-\uDFFF]/.test(s) ? Array.from(s) : s.split('');
}

export function indexOf(s: string, sub: string, offset?: bigint): bigint {
  if (sub === '') return offset ?? 0n;
  const chars = codePoints(s);
  const from = offset ?? 0n;
  if (offset !== undefined && (from < 0n || from >= BigInt(chars.length))) throw outOfRange(from);
  const needle = codePoints(sub);
  for (let i = Number(from); i + needle.length <= chars.length; i++) {
    if (runesAt(chars, needle, i)) return BigInt(i);
  }
  return -1n;
}

export function lastIndexOf(s: string, sub: string, offset?: bigint): bigint {
  const chars = codePoints(s);
  if (sub === '') return offset ?? BigInt(chars.length);
  if (offset !== undefined && (offset < 0n || offset >= BigInt(chars.length))) {
    throw outOfRange(offset);
  }
  const needle = codePoints(sub);
  const last = chars.length - needle.length;
  for (let i = Math.min(Number(offset ?? BigInt(last)), last); i >= 0; i--) {
    if (runesAt(chars, needle, i)) return BigInt(i);
  }
  return -1n;
}

function runesAt(chars: readonly string[], needle: readonly string[], at: number): boolean {
  for (let j = 0; j < needle.length; j++) if (chars[at + j] !== needle[j]) return false;
  return true;
}

export function substring(s: string, start: bigint, end?: bigint): string {
  const chars = codePoints(s);
  const stop = end ?? BigInt(chars.length);
  if (start < 0n || start > BigInt(chars.length)) throw outOfRange(start);
  if (stop < 0n || stop > BigInt(chars.length)) throw outOfRange(stop);
  if (start > stop) throw new Error(`invalid substring range. start: ${start}, end: ${stop}`);
  return chars.slice(Number(start), Number(stop)).join('');
}

/** Go's ASCII-only case mapping (`"Ä".lowerAscii()` stays `"Ä"`). */
export function lowerAscii(s: string): string {
  charge(s.length);
  return s.replace(/[A-Z]+/g, (m) => m.toLowerCase());
}

export function upperAscii(s: string): string {
  charge(s.length);
  return s.replace(/[a-z]+/g, (m) => m.toUpperCase());
}

function replace(s: string, from: string, to: string, limit: bigint): string {
  charge(s.length + to.length);
  if (limit === 0n) return s;
  if (limit < 0n)
    return from === '' ? codePoints(s).join(to).replace(/^/, to) + to : s.split(from).join(to);
  let out = s;
  let pos = 0;
  for (let n = 0n; n < limit; n++) {
    const at = out.indexOf(from, pos);
    if (at === -1) break;
    out = out.slice(0, at) + to + out.slice(at + from.length);
    pos = at + to.length + (from === '' ? 1 : 0);
  }
  return out;
}

const QUOTE_ESCAPES: Readonly<Record<string, string>> = {
  '\u0007': '\\a',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\v': '\\v',
  '\\': '\\\\',
  '"': '\\"',
};

/** strings.quote: a double-quoted string literal with Go/CEL escapes. */
function quote(s: string): string {
  charge(s.length);
  let out = '"';
  for (const c of s) out += QUOTE_ESCAPES[c] ?? c;
  return `${out}"`;
}

function outOfRange(index: bigint): Error {
  return new Error(`index out of range: ${index}`);
}
