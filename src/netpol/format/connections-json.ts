import { connectionsToJson, formatConnections } from '../connection-set.ts';
import type { Connection, Endpoint } from '../connections.ts';
import { formatAddress } from '../ip-set.ts';

/**
 * The connection list as JSON: an array of `{ src, dst, conn, allowed, srcPeer, dstPeer }`, where
 * `conn` is the golden CONN string and `allowed` the same as `{ PROTOCOL: [[start, end], …] }`.
 */
export function connectionsJson(connections: readonly Connection[]): string {
  const out = connections.map((c) => ({
    src: c.srcName,
    dst: c.dstName,
    conn: formatConnections(c.conns),
    allowed: connectionsToJson(c.conns),
    srcPeer: peer(c.src),
    dstPeer: peer(c.dst),
  }));
  return `${JSON.stringify(out, null, 2)}\n`;
}

function peer(endpoint: Endpoint): Record<string, string> {
  switch (endpoint.kind) {
    case 'workload':
      return {
        type: 'workload',
        namespace: endpoint.workload.namespace,
        name: endpoint.workload.name,
        kind: endpoint.workload.kind,
      };
    case 'external':
      return {
        type: 'external',
        first: formatAddress(endpoint.range.family, endpoint.range.start),
        last: formatAddress(endpoint.range.family, endpoint.range.end),
      };
    case 'ingress-controller':
      return { type: 'ingress-controller' };
  }
}
