import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PortSet } from './port-set.ts';
import {
  ALL_PORTS,
  NO_PORTS,
  containsPort,
  formatPorts,
  intersectPorts,
  isAllPorts,
  portRange,
  subtractPorts,
  unionPorts,
} from './port-set.ts';

const MAX = 200; // property tests work on a small universe, brute force checks each port

const arbitrarySet = fc
  .array(fc.tuple(fc.integer({ min: 1, max: MAX }), fc.integer({ min: 0, max: 20 })), {
    maxLength: 6,
  })
  .map((ranges) =>
    ranges.reduce<PortSet>((acc, [s, len]) => unionPorts(acc, portRange(s, s + len)), NO_PORTS),
  );

function members(set: PortSet): Set<number> {
  const out = new Set<number>();
  for (let p = 1; p <= MAX + 25; p++) if (containsPort(set, p)) out.add(p);
  return out;
}

describe('port sets', () => {
  it('merge adjacent ranges and print them maximal', () => {
    expect(formatPorts(unionPorts(portRange(80, 80), portRange(81, 81)))).toBe('80-81');
    expect(formatPorts(unionPorts(portRange(8090, 8090), portRange(8000, 8000)))).toBe('8000,8090');
    expect(isAllPorts(unionPorts(portRange(1, 100), portRange(101, 65535)))).toBe(true);
    expect(portRange(0, 70000)).toBe(ALL_PORTS);
    expect(formatPorts(subtractPorts(ALL_PORTS, portRange(5353, 5353)))).toBe('1-5352,5354-65535');
  });

  it('union, intersection and difference agree with sets of ports', () => {
    fc.assert(
      fc.property(arbitrarySet, arbitrarySet, (a, b) => {
        const ma = members(a);
        const mb = members(b);
        expect(members(unionPorts(a, b))).toEqual(new Set([...ma, ...mb]));
        expect(members(intersectPorts(a, b))).toEqual(new Set([...ma].filter((p) => mb.has(p))));
        expect(members(subtractPorts(a, b))).toEqual(new Set([...ma].filter((p) => !mb.has(p))));
      }),
    );
  });

  it('keeps ranges sorted, disjoint and non-adjacent', () => {
    fc.assert(
      fc.property(arbitrarySet, arbitrarySet, (a, b) => {
        const u = unionPorts(a, b);
        u.forEach(([s, e], i) => {
          expect(s).toBeLessThanOrEqual(e);
          const next = u[i + 1];
          if (next !== undefined) expect(next[0]).toBeGreaterThan(e + 1);
        });
      }),
    );
  });
});
