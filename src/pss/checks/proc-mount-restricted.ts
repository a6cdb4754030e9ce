import type { PssCheckDefinition } from '../check.ts';
import { upstreamSource } from '../check.ts';
import { procMount1Dot0 } from './proc-mount.ts';

/**
 * Mirrors check_procMount_restricted.go: restricted keeps the unrelaxed procMount rule for
 * user-namespace pods too, replacing the relaxed baseline check from v1.35.
 */
export const procMountRestrictedCheck: PssCheckDefinition = {
  id: 'procMount_restricted',
  level: 'restricted',
  source: upstreamSource('check_procMount_restricted.go'),
  versions: [{ minVersion: 35, check: procMount1Dot0, overrides: ['procMount'] }],
};
