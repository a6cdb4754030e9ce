import type { PssCheckDefinition, PssCheckOutcome, PssField } from '../check.ts';
import { upstreamSource } from '../check.ts';
import { specField } from '../internal/fields.ts';
import type { PodView } from '../internal/pod-view.ts';
import { asArray, asRecord } from '../internal/values.ts';

// The "safe" sysctls: namespaced per pod and isolated from other pods on the node.
const ALLOWED_1_0 = [
  'kernel.shm_rmid_forced',
  'net.ipv4.ip_local_port_range',
  'net.ipv4.tcp_syncookies',
  'net.ipv4.ping_group_range',
  'net.ipv4.ip_unprivileged_port_start',
];
const ALLOWED_1_27 = [...ALLOWED_1_0, 'net.ipv4.ip_local_reserved_ports'];
const ALLOWED_1_29 = [
  ...ALLOWED_1_27,
  'net.ipv4.tcp_keepalive_time',
  'net.ipv4.tcp_fin_timeout',
  'net.ipv4.tcp_keepalive_intvl',
  'net.ipv4.tcp_keepalive_probes',
];
const ALLOWED_1_32 = [...ALLOWED_1_29, 'net.ipv4.tcp_rmem', 'net.ipv4.tcp_wmem'];
const ALLOWED_1_37 = [
  ...ALLOWED_1_32,
  'net.ipv4.tcp_slow_start_after_idle',
  'net.ipv4.tcp_notsent_lowat',
];

/** Sysctls exist only at pod level; every name must be in the version's safe set. */
function sysctls(allowed: readonly string[]) {
  const safe: ReadonlySet<string> = new Set(allowed);
  return (pod: PodView): PssCheckOutcome | undefined => {
    const names: string[] = [];
    const fields: PssField[] = [];
    const list = asArray(pod.securityContext?.sysctls);
    for (let i = 0; i < list.length; i++) {
      const name = asRecord(list[i])?.name;
      if (typeof name !== 'string' || safe.has(name)) continue;
      names.push(name);
      fields.push(specField('securityContext', 'sysctls', i, 'name'));
    }
    if (names.length === 0) return undefined;
    // Upstream lists them in spec order, duplicates included.
    return { reason: 'forbidden sysctls', detail: names.join(', '), fields };
  };
}

// Mirrors check_sysctls.go.
export const sysctlsCheck: PssCheckDefinition = {
  id: 'sysctls',
  level: 'baseline',
  source: upstreamSource('check_sysctls.go'),
  versions: [
    { minVersion: 0, check: sysctls(ALLOWED_1_0) },
    { minVersion: 27, check: sysctls(ALLOWED_1_27) },
    { minVersion: 29, check: sysctls(ALLOWED_1_29) },
    { minVersion: 32, check: sysctls(ALLOWED_1_32) },
    { minVersion: 37, check: sysctls(ALLOWED_1_37) },
  ],
};
