import type { ObjectPath, ObjectRef } from './finding.ts';
import { groupOf } from '../model/kube-object.ts';

/**
 * Stable finding identity across runs: rule id, object identity, path and an optional
 * discriminator. The hash input is `rule NUL group NUL kind NUL namespace NUL name NUL path NUL
 * discriminator` (path as `formatPath` writes it). The parts are hashed one after another rather
 * than joined into one string first, since a scan makes a fingerprint for every finding.
 */
export function fingerprintOf(
  ruleId: string,
  ref: ObjectRef,
  path: ObjectPath,
  discriminator = '',
): string {
  const hash = new Hash128();
  hash.add(ruleId).separator().add(groupOf(ref.apiVersion)).separator().add(ref.kind).separator();
  hash
    .add(ref.namespace ?? '')
    .separator()
    .add(ref.name)
    .separator()
    .add(formatPath(path));
  return hash.separator().add(discriminator).digest();
}

/**
 * A 128-bit non-cryptographic hash (four FNV-1a-style lanes with murmur finalisers), as 32 hex
 * digits. Fingerprints only need to be stable and collision-free at scan scale; sha256 cost a
 * tenth of a full scan.
 */
class Hash128 {
  #h1 = 0x811c9dc5;
  #h2 = 0x01000193 ^ 0x9e3779b9;
  #h3 = 0x85ebca6b;
  #h4 = 0xc2b2ae35;
  #length = 0;

  add(text: string): this {
    let h1 = this.#h1;
    let h2 = this.#h2;
    let h3 = this.#h3;
    let h4 = this.#h4;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995);
      h3 = Math.imul(h3 ^ c, 0x27d4eb2d);
      h4 = Math.imul(h4 ^ c, 0x165667b1);
    }
    this.#h1 = h1;
    this.#h2 = h2;
    this.#h3 = h3;
    this.#h4 = h4;
    this.#length += text.length;
    return this;
  }

  separator(): this {
    return this.add('\u0000');
  }

  digest(): string {
    const h1 = this.#h1;
    const h2 = this.#h2;
    const h3 = this.#h3;
    const h4 = this.#h4;
    const digits = DIGITS;
    hex32(digits, 0, fmix(h1 ^ h3));
    hex32(digits, 8, fmix(h2 ^ h4));
    hex32(digits, 16, fmix(h3 + h1));
    hex32(digits, 24, fmix(h4 + h2 + this.#length));
    // One flat string: joining 16 two-digit pieces made a rope that every Set lookup flattened.
    return String.fromCharCode(...digits);
  }
}

const HEX = Array.from('0123456789abcdef', (c) => c.charCodeAt(0));
const DIGITS: number[] = Array.from({ length: 32 }, () => 0);

/** Writes 8 hex digits of a 32-bit value into `out` from `at`. */
function hex32(out: number[], at: number, value: number): void {
  for (let i = 7; i >= 0; i--) out[at + 7 - i] = HEX[(value >>> (i * 4)) & 0xf] ?? 0;
}

function fmix(value: number): number {
  let h = value;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

const PLAIN_SEGMENT = /^[A-Za-z_$][\w$-]*$/;

/** `spec.containers[0].securityContext` for display and fingerprints. */
export function formatPath(path: ObjectPath): string {
  let out = '';
  writePath(path, (piece) => (out += piece));
  return out;
}

/** The pieces of `formatPath(path)`, in order: fingerprints hash them without joining them. */
function writePath(path: ObjectPath, write: (piece: string) => unknown): void {
  let first = true;
  for (const segment of path) {
    if (typeof segment === 'number') write(`[${segment}]`);
    else if (PLAIN_SEGMENT.test(segment)) write(first ? segment : `.${segment}`);
    else write(`[${JSON.stringify(segment)}]`);
    first = false;
  }
}
