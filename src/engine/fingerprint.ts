import type { ObjectPath, ObjectRef } from './finding.ts';

/** Stable finding identity across runs: rule id, object identity, path and an optional discriminator. */
export function fingerprintOf(
  ruleId: string,
  ref: ObjectRef,
  path: ObjectPath,
  discriminator = '',
): string {
  const group = ref.apiVersion.includes('/') ? ref.apiVersion.split('/')[0] : '';
  const identity = [
    ruleId,
    group,
    ref.kind,
    ref.namespace ?? '',
    ref.name,
    formatPath(path),
    discriminator,
  ];
  return hash128(identity.join('\u0000'));
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
  return [fmix(h1 ^ h3), fmix(h2 ^ h4), fmix(h3 + h1), fmix(h4 + h2 + text.length)]
    .map((h) => (h >>> 0).toString(16).padStart(8, '0'))
    .join('');
}

function fmix(value: number): number {
  let h = value;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** `spec.containers[0].securityContext` for display and fingerprints. */
export function formatPath(path: ObjectPath): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}
