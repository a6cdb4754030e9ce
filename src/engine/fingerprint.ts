import { createHash } from 'node:crypto';
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
  return createHash('sha256').update(identity.join('\u0000')).digest('hex').slice(0, 32);
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
