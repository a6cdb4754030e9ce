import type { ContainerRef } from './containers.ts';
import type { Rec } from './values.ts';
import { asRecord } from './values.ts';

const CAP_PREFIX = /^CAP_/;

/** `cap_net_raw`, `CAP_NET_RAW` and `NET_RAW` name the same capability (runtimes add the prefix). */
export function normalizeCapability(name: string): string {
  return name.trim().toUpperCase().replace(CAP_PREFIX, '');
}

export function capabilitiesOf(container: ContainerRef): Rec | undefined {
  return asRecord(container.securityContext?.capabilities);
}
