import ipaddr from 'ipaddr.js';

export type IpFamily = 4 | 6;

/** Inclusive address range within one family; addresses are bigints so IPv4 and IPv6 share code. */
export interface IpInterval {
  readonly family: IpFamily;
  readonly start: bigint;
  readonly end: bigint;
}

/** Sorted (IPv4 before IPv6, then by start), disjoint intervals. */
export type IpSet = readonly IpInterval[];

export const MAX_ADDRESS: Readonly<Record<IpFamily, bigint>> = {
  4: 2n ** 32n - 1n,
  6: 2n ** 128n - 1n,
};

export function universe(family: IpFamily): IpInterval {
  return { family, start: 0n, end: MAX_ADDRESS[family] };
}

/**
 * An address as Go's `net.ParseIP` accepts it in API validation: IPv4 in strict dotted decimal
 * (no leading zeros, which ipaddr.js would read as octal), or any IPv6 form.
 */
export function parseAddress(text: string): { family: IpFamily; value: bigint } | undefined {
  if (ipaddr.IPv4.isValidFourPartDecimal(text) && !/(^|\.)0\d/.test(text)) {
    return { family: 4, value: toBigInt(ipaddr.IPv4.parse(text).toByteArray()) };
  }
  if (!text.includes(':') || !ipaddr.IPv6.isValid(text)) return undefined;
  return { family: 6, value: toBigInt(ipaddr.IPv6.parse(text).toByteArray()) };
}

/**
 * The range of a CIDR; host bits are masked as Go's `net.ParseCIDR` does (`10.1.2.3/8` is
 * `10.0.0.0/8`). Undefined when the text is not a CIDR.
 */
export function parseCidr(text: string): IpInterval | undefined {
  const [, host, length] = /^([^/]+)\/(\d{1,3})$/.exec(text.trim()) ?? [];
  if (host === undefined || length === undefined) return undefined;
  const address = parseAddress(host);
  const prefix = Number(length);
  if (address === undefined) return undefined;
  const bits = address.family === 4 ? 32 : 128;
  if (prefix > bits) return undefined;
  const hostBits = BigInt(bits - prefix);
  const start = (address.value >> hostBits) << hostBits;
  return { family: address.family, start, end: start + (1n << hostBits) - 1n };
}

export function formatAddress(family: IpFamily, value: bigint): string {
  const bytes: number[] = [];
  let rest = value;
  for (let i = 0; i < (family === 4 ? 4 : 16); i++) {
    bytes.unshift(Number(rest & 0xffn));
    rest >>= 8n;
  }
  return ipaddr.fromByteArray(bytes).toString();
}

/** `10.0.0.0-10.255.255.255`: the golden External peer format (a single address is `a-a`). */
export function formatInterval(interval: IpInterval): string {
  return `${formatAddress(interval.family, interval.start)}-${formatAddress(interval.family, interval.end)}`;
}

export function compareIntervals(a: IpInterval, b: IpInterval): number {
  if (a.family !== b.family) return a.family - b.family;
  return a.start < b.start ? -1 : a.start > b.start ? 1 : 0;
}

/** `set` minus `holes`, both sorted and disjoint. */
export function subtractIpSet(set: IpSet, holes: IpSet): IpSet {
  let current: IpInterval[] = [...set];
  for (const hole of holes) {
    const next: IpInterval[] = [];
    for (const piece of current) {
      if (piece.family !== hole.family || hole.end < piece.start || hole.start > piece.end) {
        next.push(piece);
        continue;
      }
      if (piece.start < hole.start) next.push({ ...piece, end: hole.start - 1n });
      if (piece.end > hole.end) next.push({ ...piece, start: hole.end + 1n });
    }
    current = next;
  }
  return current;
}

export function ipSetContains(set: IpSet, family: IpFamily, value: bigint): boolean {
  return set.some((i) => i.family === family && i.start <= value && value <= i.end);
}

export function intervalWithin(inner: IpInterval, outer: IpInterval): boolean {
  return inner.family === outer.family && outer.start <= inner.start && inner.end <= outer.end;
}

function toBigInt(bytes: number[]): bigint {
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  return value;
}
