import fc from 'fast-check';
import jsYaml from 'js-yaml';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { PSS_CORPUS, readCorpusDocuments, REAL_CORPUS } from '../bench/corpus.ts';
import { decodeBlockYaml } from '../src/input/block-decode.ts';
import { DEFAULT_LOAD_OPTIONS } from '../src/input/load.ts';
import { KUBE_YAML_SCHEMA } from '../src/input/yaml-schema.ts';

// The block decoder reads most documents instead of js-yaml; wherever it answers, its value must
// be js-yaml's, and it must never accept a document js-yaml rejects. Every corpus document is read.
const { maxDepth } = DEFAULT_LOAD_OPTIONS;

function totals(root: string) {
  const sum = { documents: 0, answered: 0, bytes: 0, answeredBytes: 0, problems: [] as string[] };
  for (const { path, index, text } of readCorpusDocuments(root)) {
    sum.documents++;
    sum.bytes += text.length;
    const decoded = decodeBlockYaml(text, maxDepth);
    if (decoded === undefined) continue;
    sum.answered++;
    sum.answeredBytes += text.length;
    let expected: unknown;
    try {
      expected = jsYaml.load(text, { schema: KUBE_YAML_SCHEMA, maxDepth } as object);
    } catch {
      sum.problems.push(`${path}#${index}: accepted, but js-yaml rejects it`);
      continue;
    }
    if (!isDeepStrictEqual(decoded.value, expected)) {
      sum.problems.push(`${path}#${index}: a different value from js-yaml's`);
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

describe('block decoder against js-yaml, on corpus documents edited at random', () => {
  // Real manifests broken in the ways hand edits break them: a line deleted, re-indented or split,
  // a YAML indicator inserted. Whatever the decoder answers must be js-yaml's value, and it must
  // decline whatever js-yaml rejects.
  const documents = readCorpusDocuments(REAL_CORPUS)
    .map(({ text }) => text)
    .filter((text) => text.length < 20_000);
  const inserted = [
    '',
    ':',
    ' ',
    '#',
    '"',
    "'",
    '-',
    '|',
    '>',
    '[',
    '{',
    '\\',
    ' #',
    ': ',
    '- ',
    '&a ',
    '*a',
    '!',
    '?',
    ',',
  ];
  const edit = fc.tuple(fc.nat(3), fc.nat(), fc.nat(), fc.constantFrom(...inserted));

  function edited(text: string, edits: [number, number, number, string][]): string {
    const lines = text.split('\n');
    for (const [kind, at, column, piece] of edits) {
      const index = at % lines.length;
      const line = lines[index] ?? '';
      if (kind === 0) lines.splice(index, 1);
      else if (kind === 1)
        lines[index] =
          column % 2 ? ' '.repeat(1 + (column % 3)) + line : line.replace(/^ {1,3}/, '');
      else if (kind === 2) {
        const cut = column % (line.length + 1);
        lines[index] = line.slice(0, cut) + piece + line.slice(cut + (piece === '' ? 1 : 0));
      } else {
        const space = line.indexOf(' ', column % (line.length + 1));
        if (space > 0)
          lines.splice(
            index,
            1,
            line.slice(0, space),
            ' '.repeat(column % 8) + line.slice(space + 1),
          );
      }
    }
    return lines.join('\n');
  }

  it('never answers differently from js-yaml, nor accepts what it rejects', () => {
    let answered = 0;
    fc.assert(
      fc.property(
        fc.nat(documents.length - 1),
        fc.array(edit, { minLength: 1, maxLength: 3 }),
        (which, edits) => {
          const text = edited(documents[which] ?? '', edits);
          const decoded = decodeBlockYaml(text, maxDepth);
          if (decoded === undefined) return;
          answered++;
          const expected = jsYaml.load(text, { schema: KUBE_YAML_SCHEMA, maxDepth } as object);
          expect(decoded.value).toStrictEqual(expected);
        },
      ),
      { numRuns: 2000 },
    );
    expect(answered).toBeGreaterThan(700);
  });
});
