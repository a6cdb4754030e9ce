import { describe, expect, it } from 'vitest';
import { IpAtoms } from './ip-atoms.ts';
import { formatInterval, parseAddress, parseCidr, subtractIpSet } from './ip-set.ts';

const cidr = (text: string) => {
  const interval = parseCidr(text);
  if (interval === undefined) throw new Error(text);
  return interval;
};

describe('IP sets', () => {
  it('parse CIDRs as Go does: host bits masked, no leading zeros', () => {
    expect(formatInterval(cidr('10.1.2.3/8'))).toBe('10.0.0.0-10.255.255.255');
    expect(formatInterval(cidr('0.0.0.0/0'))).toBe('0.0.0.0-255.255.255.255');
    expect(formatInterval(cidr('49.50.0.0/32'))).toBe('49.50.0.0-49.50.0.0');
    expect(formatInterval(cidr('fd00:ec2::/64'))).toBe('fd00:ec2::-fd00:ec2::ffff:ffff:ffff:ffff');
    expect(parseCidr('010.0.0.0/8')).toBeUndefined();
    expect(parseCidr('10.0.0.0/33')).toBeUndefined();
    expect(parseCidr('10.0.0.0')).toBeUndefined();
    expect(parseAddress('169.254.169.254')?.family).toBe(4);
    expect(parseAddress('fd00:ec2::254')?.family).toBe(6);
  });

  it('subtract except ranges', () => {
    const set = subtractIpSet([cidr('10.0.0.0/8')], [cidr('10.10.0.0/16')]);
    expect(set.map(formatInterval)).toEqual(['10.0.0.0-10.9.255.255', '10.11.0.0-10.255.255.255']);
  });

  it('cut the address space at every block boundary', () => {
    const block = subtractIpSet([cidr('10.0.0.0/8')], [cidr('10.10.0.0/16')]);
    const atoms = new IpAtoms([block], [4]);
    expect(atoms.atoms.map(formatInterval)).toEqual([
      '0.0.0.0-9.255.255.255',
      '10.0.0.0-10.9.255.255',
      '10.10.0.0-10.10.255.255',
      '10.11.0.0-10.255.255.255',
      '11.0.0.0-255.255.255.255',
    ]);
    expect(atoms.covering(block)).toEqual([1, 3]);
    const ip = parseAddress('10.10.1.1');
    if (ip === undefined) throw new Error('address');
    expect(atoms.indexOf(ip.family, ip.value)).toBe(2);
    expect(atoms.indexOf(6, 1n)).toBe(-1);
  });
});
