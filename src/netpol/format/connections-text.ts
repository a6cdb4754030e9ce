import type { ConnectionSet } from '../connection-set.ts';
import { formatConnections } from '../connection-set.ts';
import type { Connection } from '../connections.ts';

/** The golden connlist format: one `SRC => DST : CONN` line per connection, LF-terminated. */
export function connectionsText(connections: readonly Connection[]): string {
  // Connections share ConnectionSet objects (one per class pair): each is formatted once.
  const formatted = new Map<ConnectionSet, string>();
  const conn = (c: ConnectionSet) => {
    let text = formatted.get(c);
    if (text === undefined) {
      text = formatConnections(c);
      formatted.set(c, text);
    }
    return text;
  };
  return connections.map((c) => `${c.srcName} => ${c.dstName} : ${conn(c.conns)}\n`).join('');
}
