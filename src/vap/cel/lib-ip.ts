import type { Environment } from '@marcbachmann/cel-js';
import { CIDRPrefix, IPAddress, parseCIDR, parseIP } from './ip-parse.ts';

/** The receiver of `ip.…()` functions (cel-js tells types apart by class). */
class IPNamespace {
  readonly namespace = 'ip';
}

/** Kubernetes' IP and CIDR libraries (k8s.io/apiserver/pkg/cel/library/ip.go and cidr.go). */
export function registerIP(env: Environment): void {
  env.registerType('net.IP', IPAddress);
  env.registerType('net.CIDR', CIDRPrefix);
  env.registerType('IPNamespace', IPNamespace);
  env.registerConstant('ip', 'IPNamespace', new IPNamespace());
  env.registerFunction('ip(string): net.IP', ip);
  env.registerFunction('isIP(string): bool', (text: string) => typeof parseIP(text) !== 'string');
  env.registerFunction(
    'IPNamespace.isCanonical(string): bool',
    (_: unknown, text: string) => ip(text).toString() === text,
  );
  env.registerFunction('string(net.IP): string', (value: IPAddress) => value.toString());
  env.registerFunction('net.IP.family(): int', (value: IPAddress) => BigInt(value.family));
  env.registerFunction('net.IP.isUnspecified(): bool', (v: IPAddress) =>
    v.bytes.every((b) => b === 0),
  );
  env.registerFunction('net.IP.isLoopback(): bool', isLoopback);
  env.registerFunction('net.IP.isLinkLocalMulticast(): bool', isLinkLocalMulticast);
  env.registerFunction('net.IP.isLinkLocalUnicast(): bool', isLinkLocalUnicast);
  env.registerFunction('net.IP.isGlobalUnicast(): bool', (v: IPAddress) => {
    const b = v.bytes;
    if (v.bytes.every((x) => x === 0) || isLoopback(v) || isLinkLocalUnicast(v)) return false;
    if (v.family === 4) return (b[0] ?? 0) < 224 && !b.every((x) => x === 255);
    return b[0] !== 0xff;
  });
  env.registerOperator(
    'net.IP == net.IP',
    (a: IPAddress, b: IPAddress) => a.toString() === b.toString(),
  );

  env.registerFunction('cidr(string): net.CIDR', cidr);
  env.registerFunction(
    'isCIDR(string): bool',
    (text: string) => typeof parseCIDR(text) !== 'string',
  );
  env.registerFunction('string(net.CIDR): string', (value: CIDRPrefix) => value.toString());
  env.registerFunction('net.CIDR.containsIP(net.IP): bool', (c: CIDRPrefix, v: IPAddress) =>
    c.contains(v),
  );
  env.registerFunction('net.CIDR.containsIP(string): bool', (c: CIDRPrefix, text: string) =>
    c.contains(ip(text)),
  );
  env.registerFunction('net.CIDR.containsCIDR(net.CIDR): bool', containsCIDR);
  env.registerFunction('net.CIDR.containsCIDR(string): bool', (c: CIDRPrefix, text: string) =>
    containsCIDR(c, cidr(text)),
  );
  env.registerFunction('net.CIDR.ip(): net.IP', (c: CIDRPrefix) => c.ip);
  env.registerFunction('net.CIDR.masked(): net.CIDR', (c: CIDRPrefix) => c.masked());
  env.registerFunction('net.CIDR.prefixLength(): int', (c: CIDRPrefix) => BigInt(c.bits));
  env.registerOperator(
    'net.CIDR == net.CIDR',
    (a: CIDRPrefix, b: CIDRPrefix) => a.toString() === b.toString(),
  );
}

function ip(text: string): IPAddress {
  const parsed = parseIP(text);
  if (typeof parsed === 'string') throw new Error(parsed);
  return parsed;
}

function cidr(text: string): CIDRPrefix {
  const parsed = parseCIDR(text);
  if (typeof parsed === 'string') throw new Error(parsed);
  return parsed;
}

function containsCIDR(outer: CIDRPrefix, inner: CIDRPrefix): boolean {
  return inner.bits >= outer.bits && outer.contains(inner.ip);
}

function isLoopback(v: IPAddress): boolean {
  const b = v.bytes;
  return v.family === 4 ? b[0] === 127 : b.slice(0, 15).every((x) => x === 0) && b[15] === 1;
}

function isLinkLocalMulticast(v: IPAddress): boolean {
  const b = v.bytes;
  return v.family === 4
    ? b[0] === 224 && b[1] === 0 && b[2] === 0
    : b[0] === 0xff && ((b[1] ?? 0) & 0x0f) === 0x02;
}

function isLinkLocalUnicast(v: IPAddress): boolean {
  const b = v.bytes;
  return v.family === 4
    ? b[0] === 169 && b[1] === 254
    : b[0] === 0xfe && ((b[1] ?? 0) & 0xc0) === 0x80;
}
