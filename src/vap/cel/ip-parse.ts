import ipaddr from 'ipaddr.js';

/** A `net.IP` value of the Kubernetes CEL IP library: the address bytes (4 or 16). */
export class IPAddress {
  readonly bytes: readonly number[];
  constructor(bytes: readonly number[]) {
    this.bytes = bytes;
  }
  get family(): 4 | 6 {
    return this.bytes.length === 4 ? 4 : 6;
  }
  toString(): string {
    const address = ipaddr.fromByteArray([...this.bytes]);
    return address instanceof ipaddr.IPv6 ? address.toRFC5952String() : address.toString();
  }
}

/** A `net.CIDR` value: an address and a prefix length (not necessarily masked). */
export class CIDRPrefix {
  readonly ip: IPAddress;
  readonly bits: number;
  constructor(ip: IPAddress, bits: number) {
    this.ip = ip;
    this.bits = bits;
  }
  masked(): CIDRPrefix {
    const bytes = this.ip.bytes.map((byte, i) => {
      const keep = Math.max(0, Math.min(8, this.bits - i * 8));
      return byte & ((0xff << (8 - keep)) & 0xff);
    });
    return new CIDRPrefix(new IPAddress(bytes), this.bits);
  }
  contains(ip: IPAddress): boolean {
    if (ip.family !== this.ip.family) return false;
    const a = this.masked().ip.bytes;
    const b = new CIDRPrefix(ip, this.bits).masked().ip.bytes;
    return a.every((byte, i) => byte === b[i]);
  }
  toString(): string {
    return `${this.ip.toString()}/${this.bits}`;
  }
}

/**
 * Parses an IP as Go's netip.ParseAddr does, with the Kubernetes library's extra refusals
 * (k8s.io/apiserver/pkg/cel/library/ip.go); returns an error message instead of throwing.
 */
export function parseIP(text: string): IPAddress | string {
  if (text.includes('%')) return `IP address "${text}" with zone value is not allowed`;
  if (ipaddr.IPv4.isValidFourPartDecimal(text)) {
    return new IPAddress(ipaddr.IPv4.parse(text).toByteArray());
  }
  if (!text.includes(':') || !ipaddr.IPv6.isValid(text)) {
    return `IP Address "${text}" parse error during conversion from string: ParseAddr("${text}"): unable to parse IP`;
  }
  const v6 = ipaddr.IPv6.parse(text);
  // ipaddr.js accepts a dotted quad tail with leading zeros; Go does not.
  const tail = /:([0-9.]+)$/.exec(text)?.[1];
  if (tail?.includes('.') === true && !ipaddr.IPv4.isValidFourPartDecimal(tail)) {
    return `IP Address "${text}" parse error during conversion from string: ParseAddr("${text}"): unable to parse IP`;
  }
  if (v6.isIPv4MappedAddress()) return `IPv4-mapped IPv6 address "${text}" is not allowed`;
  return new IPAddress(v6.toByteArray());
}

/** netip.ParsePrefix plus the library's refusals; an error message instead of throwing. */
export function parseCIDR(text: string): CIDRPrefix | string {
  const slash = text.lastIndexOf('/');
  const bitsText = text.slice(slash + 1);
  if (slash === -1 || !/^(0|[1-9]\d{0,2})$/.test(bitsText)) {
    return `network address parse error during conversion from string: netip.ParsePrefix("${text}"): bad bits after slash: "${bitsText}"`;
  }
  // Worded as kube-apiserver v1.37 words them (the repeated prefix included).
  const failed = 'network address parse error during conversion from string';
  if (text.includes('%'))
    return `${failed}: ${failed}: netip.ParsePrefix("${text}"): IPv6 zones cannot be present in a prefix`;
  const ip = parseIP(text.slice(0, slash));
  if (typeof ip === 'string')
    return ip.startsWith('IPv4-mapped')
      ? `${failed}: IPv4-mapped IPv6 address "${text}" is not allowed`
      : ip;
  const bits = Number(bitsText);
  if (bits > ip.bytes.length * 8) {
    return `network address parse error during conversion from string: netip.ParsePrefix("${text}"): prefix length out of range`;
  }
  return new CIDRPrefix(ip, bits);
}
