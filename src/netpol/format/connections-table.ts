import { formatConnections } from '../connection-set.ts';
import type { Connection } from '../connections.ts';
import { csv, markdownTable } from './table.ts';

const HEADER = ['src', 'dst', 'conn'];

function rows(connections: readonly Connection[]): string[][] {
  return connections.map((c) => [c.srcName, c.dstName, formatConnections(c.conns)]);
}

/** The connection list as CSV with a `src,dst,conn` header. */
export function connectionsCsv(connections: readonly Connection[]): string {
  return csv([HEADER, ...rows(connections)]);
}

/** The connection list as a Markdown table. */
export function connectionsMarkdown(connections: readonly Connection[]): string {
  return markdownTable(HEADER, rows(connections));
}
