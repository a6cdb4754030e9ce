import { formatConnections } from '../connection-set.ts';
import type { Connection } from '../connections.ts';

/** The golden connlist format: one `SRC => DST : CONN` line per connection, LF-terminated. */
export function connectionsText(connections: readonly Connection[]): string {
  return connections
    .map((c) => `${c.srcName} => ${c.dstName} : ${formatConnections(c.conns)}\n`)
    .join('');
}
