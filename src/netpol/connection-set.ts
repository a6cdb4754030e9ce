import type { PortSet } from './port-set.ts';
import {
  ALL_PORTS,
  NO_PORTS,
  containsPort,
  formatPorts,
  intersectPorts,
  isAllPorts,
  isEmptyPorts,
  portRanges,
  portsEqual,
  subtractPorts,
  unionPorts,
} from './port-set.ts';

/** The protocols a NetworkPolicy port can name, sorted as the golden CONN format sorts them. */
export const PROTOCOLS = ['SCTP', 'TCP', 'UDP'] as const;
export type Protocol = (typeof PROTOCOLS)[number];

export function isProtocol(value: unknown): value is Protocol {
  return typeof value === 'string' && (PROTOCOLS as readonly string[]).includes(value);
}

/**
 * Allowed traffic between two peers: one port set per protocol. Immutable; `ALL_CONNECTIONS` and
 * `NO_CONNECTIONS` are shared so that the matrix can short-circuit on identity.
 */
export interface ConnectionSet {
  readonly SCTP: PortSet;
  readonly TCP: PortSet;
  readonly UDP: PortSet;
}

export const NO_CONNECTIONS: ConnectionSet = Object.freeze({
  SCTP: NO_PORTS,
  TCP: NO_PORTS,
  UDP: NO_PORTS,
});

export const ALL_CONNECTIONS: ConnectionSet = Object.freeze({
  SCTP: ALL_PORTS,
  TCP: ALL_PORTS,
  UDP: ALL_PORTS,
});

export function connectionsOf(protocol: Protocol, ports: PortSet): ConnectionSet {
  if (isEmptyPorts(ports)) return NO_CONNECTIONS;
  return { ...NO_CONNECTIONS, [protocol]: ports };
}

export function isEmptyConnections(c: ConnectionSet): boolean {
  return c === NO_CONNECTIONS || (c.SCTP.length === 0 && c.TCP.length === 0 && c.UDP.length === 0);
}

export function isAllConnections(c: ConnectionSet): boolean {
  return c === ALL_CONNECTIONS || (isAllPorts(c.SCTP) && isAllPorts(c.TCP) && isAllPorts(c.UDP));
}

export function connectionsEqual(a: ConnectionSet, b: ConnectionSet): boolean {
  return (
    a === b || (portsEqual(a.SCTP, b.SCTP) && portsEqual(a.TCP, b.TCP) && portsEqual(a.UDP, b.UDP))
  );
}

export function unionConnections(a: ConnectionSet, b: ConnectionSet): ConnectionSet {
  if (a === NO_CONNECTIONS || b === ALL_CONNECTIONS || a === b) return b;
  if (b === NO_CONNECTIONS || a === ALL_CONNECTIONS) return a;
  return canonical({
    SCTP: unionPorts(a.SCTP, b.SCTP),
    TCP: unionPorts(a.TCP, b.TCP),
    UDP: unionPorts(a.UDP, b.UDP),
  });
}

export function intersectConnections(a: ConnectionSet, b: ConnectionSet): ConnectionSet {
  if (a === NO_CONNECTIONS || b === ALL_CONNECTIONS || a === b) return a;
  if (b === NO_CONNECTIONS || a === ALL_CONNECTIONS) return b;
  return canonical({
    SCTP: intersectPorts(a.SCTP, b.SCTP),
    TCP: intersectPorts(a.TCP, b.TCP),
    UDP: intersectPorts(a.UDP, b.UDP),
  });
}

export function subtractConnections(a: ConnectionSet, b: ConnectionSet): ConnectionSet {
  return canonical({
    SCTP: subtractPorts(a.SCTP, b.SCTP),
    TCP: subtractPorts(a.TCP, b.TCP),
    UDP: subtractPorts(a.UDP, b.UDP),
  });
}

export function allowsPort(c: ConnectionSet, protocol: Protocol, port: number): boolean {
  return containsPort(c[protocol], port);
}

/**
 * The golden CONN string: `All Connections` exactly when every protocol allows every port,
 * otherwise `PROTO RANGES` for each non-empty protocol in SCTP, TCP, UDP order
 * (`TCP 8080,9090,UDP 8080`). The empty set prints as `No Connections`.
 */
export function formatConnections(c: ConnectionSet): string {
  if (isAllConnections(c)) return 'All Connections';
  const parts: string[] = [];
  for (const protocol of PROTOCOLS) {
    if (c[protocol].length > 0) parts.push(`${protocol} ${formatPorts(c[protocol])}`);
  }
  return parts.length === 0 ? 'No Connections' : parts.join(',');
}

/** `{ TCP: [[80, 80]], … }` with only non-empty protocols, for JSON output. */
export function connectionsToJson(c: ConnectionSet): Partial<Record<Protocol, [number, number][]>> {
  const out: Partial<Record<Protocol, [number, number][]>> = {};
  for (const protocol of PROTOCOLS)
    if (c[protocol].length > 0) out[protocol] = portRanges(c[protocol]);
  return out;
}

function canonical(c: ConnectionSet): ConnectionSet {
  if (c.SCTP.length === 0 && c.TCP.length === 0 && c.UDP.length === 0) return NO_CONNECTIONS;
  if (isAllPorts(c.SCTP) && isAllPorts(c.TCP) && isAllPorts(c.UDP)) return ALL_CONNECTIONS;
  return c;
}
