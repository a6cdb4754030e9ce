/** Lowest and highest port a NetworkPolicy can name (`NetworkPolicyPort.port`, `endPort`). */
export const MIN_PORT = 1;
export const MAX_PORT = 65535;

/** An inclusive port range. */
export type PortRange = readonly [start: number, end: number];

/**
 * A set of ports as sorted, disjoint, non-adjacent inclusive ranges. Values are immutable: every
 * operation returns a new set or one of its inputs, so `ALL_PORTS`/`NO_PORTS` identity checks are
 * cheap fast paths.
 */
export type PortSet = readonly PortRange[];

export const NO_PORTS: PortSet = Object.freeze([]);
export const ALL_PORTS: PortSet = Object.freeze([Object.freeze([MIN_PORT, MAX_PORT] as const)]);

export function portRange(start: number, end: number): PortSet {
  const lo = Math.max(MIN_PORT, start);
  const hi = Math.min(MAX_PORT, end);
  if (lo > hi) return NO_PORTS;
  return lo === MIN_PORT && hi === MAX_PORT ? ALL_PORTS : [[lo, hi]];
}

export function isEmptyPorts(set: PortSet): boolean {
  return set.length === 0;
}

export function isAllPorts(set: PortSet): boolean {
  const only = set[0];
  return set === ALL_PORTS || (set.length === 1 && only?.[0] === MIN_PORT && only[1] === MAX_PORT);
}

export function portsEqual(a: PortSet, b: PortSet): boolean {
  if (a === b) return true;
  return (
    a.length === b.length &&
    a.every(([s, e], i) => {
      const other = b[i];
      return other?.[0] === s && other[1] === e;
    })
  );
}

export function containsPort(set: PortSet, port: number): boolean {
  for (const [start, end] of set) {
    if (port < start) return false;
    if (port <= end) return true;
  }
  return false;
}

export function unionPorts(a: PortSet, b: PortSet): PortSet {
  if (a.length === 0 || isAllPorts(b)) return b;
  if (b.length === 0 || isAllPorts(a) || portsEqual(a, b)) return a;
  // Linear merge of two sorted lists; adjacent ranges merge too (80 and 81 become 80-81): the
  // golden format wants maximal ranges.
  const out: [number, number][] = [];
  let i = 0;
  let j = 0;
  for (let x = a[0], y = b[0]; x !== undefined || y !== undefined; x = a[i], y = b[j]) {
    const fromA = x !== undefined && (y === undefined || x[0] <= y[0]);
    const next = fromA ? x : y;
    if (next === undefined) break;
    if (fromA) i++;
    else j++;
    const last = out[out.length - 1];
    if (last !== undefined && next[0] <= last[1] + 1) {
      if (next[1] > last[1]) last[1] = next[1];
    } else {
      out.push([next[0], next[1]]);
    }
  }
  return normalise(out);
}

export function intersectPorts(a: PortSet, b: PortSet): PortSet {
  if (a.length === 0 || isAllPorts(b)) return a;
  if (b.length === 0 || isAllPorts(a)) return b;
  const out: [number, number][] = [];
  let i = 0;
  let j = 0;
  for (let x = a[i], y = b[j]; x !== undefined && y !== undefined; x = a[i], y = b[j]) {
    const start = Math.max(x[0], y[0]);
    const end = Math.min(x[1], y[1]);
    if (start <= end) out.push([start, end]);
    if (x[1] < y[1]) i++;
    else j++;
  }
  return normalise(out);
}

export function subtractPorts(a: PortSet, b: PortSet): PortSet {
  if (a.length === 0 || b.length === 0) return a;
  if (isAllPorts(b)) return NO_PORTS;
  const complement: [number, number][] = [];
  let next = MIN_PORT;
  for (const [start, end] of b) {
    if (start > next) complement.push([next, start - 1]);
    next = end + 1;
  }
  if (next <= MAX_PORT) complement.push([next, MAX_PORT]);
  return intersectPorts(a, complement);
}

/** `80`, `80-81`, `53,8080-8090`: ascending maximal ranges, comma-separated. */
export function formatPorts(set: PortSet): string {
  return set.map(([start, end]) => (start === end ? String(start) : `${start}-${end}`)).join(',');
}

/** The ranges as `[start, end]` pairs, for JSON output. */
export function portRanges(set: PortSet): [number, number][] {
  return set.map(([start, end]) => [start, end]);
}

function normalise(out: [number, number][]): PortSet {
  if (out.length === 0) return NO_PORTS;
  return isAllPorts(out) ? ALL_PORTS : out;
}
