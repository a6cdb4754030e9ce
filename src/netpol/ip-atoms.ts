import type { IpFamily, IpInterval, IpSet } from './ip-set.ts';
import { MAX_ADDRESS } from './ip-set.ts';

/**
 * A partition of the external address space into ranges ("atoms") on which every ipBlock of one
 * side is constant: each atom lies wholly inside or wholly outside each block. Cutting at every
 * boundary of every referenced block gives the oracle's ranges (each contiguous piece of
 * 0.0.0.0/0 cut by the blocks' cidr/except edges becomes one External peer).
 */
export class IpAtoms {
  readonly atoms: readonly IpInterval[];

  constructor(sets: readonly IpSet[], families: readonly IpFamily[]) {
    const atoms: IpInterval[] = [];
    for (const family of families) {
      const cuts = new Set<bigint>([0n, MAX_ADDRESS[family] + 1n]);
      for (const set of sets) {
        for (const interval of set) {
          if (interval.family !== family) continue;
          cuts.add(interval.start);
          cuts.add(interval.end + 1n);
        }
      }
      const sorted = [...cuts].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      sorted.slice(1).forEach((next, i) => {
        atoms.push({ family, start: sorted[i] ?? 0n, end: next - 1n });
      });
    }
    this.atoms = atoms;
  }

  /** Indexes of the atoms a set covers (the set must be one of those the atoms were cut by). */
  covering(set: IpSet): number[] {
    const out: number[] = [];
    for (const interval of set) {
      let i = Math.max(0, this.#find(interval.family, interval.start));
      for (let atom = this.atoms[i]; atom?.family === interval.family; atom = this.atoms[++i]) {
        if (atom.start > interval.end) break;
        if (atom.end >= interval.start) out.push(i);
      }
    }
    return out;
  }

  /** Index of the atom holding an address, or -1 when its family is not modelled. */
  indexOf(family: IpFamily, value: bigint): number {
    const i = this.#find(family, value);
    const atom = this.atoms[i];
    return atom?.family === family && atom.start <= value && value <= atom.end ? i : -1;
  }

  /** Binary search for the last atom starting at or before (family, value). */
  #find(family: IpFamily, value: bigint): number {
    let lo = 0;
    let hi = this.atoms.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const atom = this.atoms[mid];
      if (
        atom !== undefined &&
        (atom.family < family || (atom.family === family && atom.start <= value))
      ) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }
}
