import jsYaml from 'js-yaml';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { readCorpusTexts, REAL_CORPUS } from '../bench/corpus.ts';
import { decodeBlockYaml } from '../src/input/block-decode.ts';
import { DEFAULT_LOAD_OPTIONS } from '../src/input/load.ts';
import { splitDocuments } from '../src/input/split-documents.ts';
import { KUBE_YAML_SCHEMA } from '../src/input/yaml-schema.ts';

// The block decoder reads most documents instead of js-yaml; wherever it answers, its value must
// be js-yaml's, and it must never accept a document js-yaml rejects. Every corpus document is read.
const PSS_CORPUS = REAL_CORPUS.replace(/real\/$/, 'pss/');
const { maxDepth } = DEFAULT_LOAD_OPTIONS;

function totals(root: string) {
  const sum = { documents: 0, answered: 0, bytes: 0, answeredBytes: 0, problems: [] as string[] };
  for (const { path, text } of readCorpusTexts(root)) {
    for (const slice of splitDocuments(text)) {
      sum.documents++;
      sum.bytes += slice.text.length;
      const decoded = decodeBlockYaml(slice.text, maxDepth);
      if (decoded === undefined) continue;
      sum.answered++;
      sum.answeredBytes += slice.text.length;
      let expected: unknown;
      try {
        expected = jsYaml.load(slice.text, { schema: KUBE_YAML_SCHEMA, maxDepth } as object);
      } catch {
        sum.problems.push(`${path}#${slice.index}: accepted, but js-yaml rejects it`);
        continue;
      }
      if (!isDeepStrictEqual(decoded.value, expected)) {
        sum.problems.push(`${path}#${slice.index}: a different value from js-yaml's`);
      }
    }
  }
  return sum;
}

describe('block decoder against js-yaml, every document of the corpora', () => {
  it('corpus/real: the same values, and nearly every byte decoded', () => {
    const sum = totals(REAL_CORPUS);
    expect(sum.documents).toBeGreaterThan(2400);
    expect(sum.problems.slice(0, 20)).toEqual([]);
    expect(sum.answeredBytes / sum.bytes).toBeGreaterThan(0.99);
    expect(sum.answered / sum.documents).toBeGreaterThan(0.98);
  });

  it('corpus/pss: the same values, and nearly every document decoded', () => {
    const sum = totals(PSS_CORPUS);
    expect(sum.documents).toBe(4537);
    expect(sum.problems.slice(0, 20)).toEqual([]);
    expect(sum.answered / sum.documents).toBeGreaterThan(0.99);
  });
});
