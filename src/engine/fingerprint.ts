import type { ObjectPath, ObjectRef } from './finding.ts';

/** Stable finding identity across runs: rule id, object identity, path and an optional discriminator. */
export function fingerprintOf(
  ruleId: string,
  ref: ObjectRef,
  path: ObjectPath,
  discriminator = '',
): string {
  const group = ref.apiVersion.includes('/') ? ref.apiVersion.split('/')[0] : '';
  const identity = `${ruleId}\u0000${group}\u0000${ref.kind}\u0000${ref.namespace ?? ''}\u0000${ref.name}\u0000${formatPath(path)}\u0000${discriminator}`;
  return hash128(identity);
}

/**
 * A 128-bit non-cryptographic hash (four FNV-1a-style lanes with murmur finalisers), as 32 hex
 * digits. Fingerprints only need to be stable and collision-free at scan scale; sha256 cost a
 * tenth of a full scan.
 */
function hash128(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x9e3779b9;
  let h3 = 0x85ebca6b;
  let h4 = 0xc2b2ae35;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h3 = Math.imul(h3 ^ c, 0x27d4eb2d);
    h4 = Math.imul(h4 ^ c, 0x165667b1);
  }
  return (
    hex32(fmix(h1 ^ h3)) +
    hex32(fmix(h2 ^ h4)) +
    hex32(fmix(h3 + h1)) +
    hex32(fmix(h4 + h2 + text.length))
  );
}

const HEX_BYTE = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** 8 hex digits of a 32-bit value, by table (toString + padStart per lane cost ~5 % of a scan). */
function hex32(value: number): string {
  return (
    (HEX_BYTE[(value >>> 24) & 0xff] ?? '') +
    (HEX_BYTE[(value >>> 16) & 0xff] ?? '') +
    (HEX_BYTE[(value >>> 8) & 0xff] ?? '') +
    (HEX_BYTE[value & 0xff] ?? '')
  );
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
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (PLAIN_SEGMENT.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}
