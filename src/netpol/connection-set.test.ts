import { describe, expect, it } from 'vitest';
import {
  ALL_CONNECTIONS,
  NO_CONNECTIONS,
  connectionsOf,
  formatConnections,
  intersectConnections,
  unionConnections,
} from './connection-set.ts';
import { ALL_PORTS, portRange } from './port-set.ts';

describe('connection sets', () => {
  it('print the golden CONN format', () => {
    const c = [
      connectionsOf('TCP', portRange(8080, 8080)),
      connectionsOf('TCP', portRange(9090, 9090)),
      connectionsOf('UDP', portRange(8080, 8080)),
    ].reduce(unionConnections);
    expect(formatConnections(c)).toBe('TCP 8080,9090,UDP 8080');
    expect(formatConnections(connectionsOf('SCTP', ALL_PORTS))).toBe('SCTP 1-65535');
    expect(formatConnections(ALL_CONNECTIONS)).toBe('All Connections');
    expect(formatConnections(NO_CONNECTIONS)).toBe('No Connections');
  });

  it('All Connections means every port of all three protocols', () => {
    const tcpUdp = unionConnections(
      connectionsOf('TCP', ALL_PORTS),
      connectionsOf('UDP', ALL_PORTS),
    );
    expect(formatConnections(tcpUdp)).toBe('TCP 1-65535,UDP 1-65535');
    expect(unionConnections(tcpUdp, connectionsOf('SCTP', ALL_PORTS))).toBe(ALL_CONNECTIONS);
  });

  it('intersects per protocol', () => {
    const a = unionConnections(
      connectionsOf('TCP', portRange(1, 100)),
      connectionsOf('UDP', portRange(53, 53)),
    );
    const b = connectionsOf('TCP', portRange(80, 443));
    expect(formatConnections(intersectConnections(a, b))).toBe('TCP 80-100');
    expect(intersectConnections(b, connectionsOf('UDP', ALL_PORTS))).toBe(NO_CONNECTIONS);
  });
});
