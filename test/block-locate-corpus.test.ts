import { describe, expect, it } from 'vitest';
import { PSS_CORPUS, readCorpusDocuments, REAL_CORPUS } from '../bench/corpus.ts';
import { differential } from '../src/input/__fixtures__/locate-differential.ts';

// The block reader answers most finding positions without a second parse; wherever it answers,
// it must give the position-keeping parser's answer. Every node of every corpus document is asked.

function totals(root: string) {
  const sum = { documents: 0, paths: 0, agreed: 0, differences: [] as string[] };
  for (const { path, index, text } of readCorpusDocuments(root)) {
    const result = differential(text);
    sum.documents++;
    sum.paths += result.paths;
    sum.agreed += result.agreed;
    sum.differences.push(...result.differences.map((d) => `${path}#${index} ${d}`));
  }
  return sum;
}

describe('block reader against the parser, every node of the corpora', () => {
  it('corpus/real: no difference, and most paths answered', () => {
    const sum = totals(REAL_CORPUS);
    expect(sum.documents).toBeGreaterThan(2400);
    expect(sum.differences.slice(0, 20)).toEqual([]);
    expect(sum.agreed / sum.paths).toBeGreaterThan(0.85);
  });

  it('corpus/pss: no difference, and nearly all paths answered', () => {
    const sum = totals(PSS_CORPUS);
    expect(sum.documents).toBe(4537);
    expect(sum.differences.slice(0, 20)).toEqual([]);
    expect(sum.agreed / sum.paths).toBeGreaterThan(0.99);
  });
});
