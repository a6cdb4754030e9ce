import fc from 'fast-check';
import jsYaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { BlockLocator } from './block-locate.ts';
import { dumpStyle, generatedMapping } from './__fixtures__/generated-yaml.ts';
import { HOSTILE, POD } from './__fixtures__/hostile-yaml.ts';
import { differential } from './__fixtures__/locate-differential.ts';
import { parsePositions } from './parse-document.ts';
import { DEFAULT_LOAD_OPTIONS } from './load.ts';
import { KUBE_YAML_SCHEMA } from './yaml-schema.ts';

describe('BlockLocator', () => {
  it('points at values, keys, first keys of items, and ancestors of missing fields', () => {
    const parsed = parsePositions(POD, DEFAULT_LOAD_OPTIONS);
    const block = new BlockLocator(POD);
    const text = (path: (string | number)[]) => {
      const range = block.locate(parsed?.root, path);
      return range && [POD.slice(range.start, range.end), range.exact];
    };
    expect(text(['spec', 'containers', 0, 'securityContext', 'privileged'])).toEqual(['yes', true]);
    expect(text(['spec', 'containers', 0, 'securityContext'])).toEqual(['securityContext', true]);
    expect(text(['spec', 'containers', 2])).toEqual(['name', true]);
    expect(text(['spec', 'containers', 0, 'securityContext', 'runAsUser'])).toEqual([
      'securityContext',
      false,
    ]);
    expect(text(['spec', 'containers', 1, 'image'])).toEqual(['name', false]);
    expect(text(['metadata', 'annotations', 'literal'])).toEqual([
      '|\n      hello\n      # not a comment: content',
      true,
    ]);
    expect(text(['metadata', 'annotations', 'spaced'])).toEqual(['plain', true]);
    expect(text(['metadata', 'annotations', 'url'])).toEqual([
      'http://example.com:8080/a#frag',
      true,
    ]);
    expect(text(['metadata', 'annotations', 'quoted key'])).toEqual(['x', true]);
    expect(text(['metadata', 'name'])).toEqual(['"quoted name"', true]);
    expect(text([])).toEqual(['apiVersion', true]);
    expect(text(['status'])).toEqual(['apiVersion', false]);
  });

  it('leaves to the parser what it does not follow', () => {
    const parsed = parsePositions(HOSTILE.anchors ?? '', DEFAULT_LOAD_OPTIONS);
    expect(new BlockLocator(HOSTILE.anchors ?? '').locate(parsed?.root, ['a', 'b'])).toBe(
      undefined,
    );
    const flow = parsePositions(POD, DEFAULT_LOAD_OPTIONS);
    expect(new BlockLocator(POD).locate(flow?.root, ['spec', 'containers', 0, 'env', 0])).toBe(
      undefined,
    );
  });

  it('agrees with the parser on every node of a typical manifest', () => {
    const result = differential(POD);
    expect(result.differences).toEqual([]);
    expect(result.agreed).toBeGreaterThan(result.paths * 0.9);
  });

  it.each(Object.entries(HOSTILE))('never disagrees with the parser: %s', (_name, text) => {
    const result = differential(text);
    expect(result.paths).toBeGreaterThan(0);
    expect(result.differences).toEqual([]);
  });

  it('declines JSON text, directives, lone carriage returns, tabs and duplicate keys', () => {
    for (const name of ['json', 'directive', 'loneCarriageReturns'] as const) {
      const result = differential(HOSTILE[name] ?? '');
      expect(result.agreed, name).toBe(0);
    }
    // The parser rejects both; the loader decodes them another way (kubectl keeps the last key).
    expect(new BlockLocator('a:\n\tb: 1\n').locate({ a: { b: 1 } }, ['a', 'b'])).toBe(undefined);
    const duplicated = 'a:\n  b: 1\na:\n  c: 2\nd: 3\n';
    expect(new BlockLocator(duplicated).locate({ a: { c: 2 }, d: 3 }, ['d'])).toBe(undefined);
  });
});

describe('BlockLocator on generated documents', () => {
  // Comments and blank lines after random lines; a text the parser then rejects is skipped.
  const noise = fc.array(fc.tuple(fc.nat(), fc.constantFrom('', '# note', '   # note', ' # t')), {
    maxLength: 4,
  });

  it('never disagrees with the parser, whatever the dump style, comments, blank lines, CRLF', () => {
    let paths = 0;
    let agreed = 0;
    fc.assert(
      fc.property(
        generatedMapping,
        dumpStyle,
        noise,
        fc.boolean(),
        (object, options, inserted, crlf) => {
          const lines = jsYaml.dump(object, { ...options, noRefs: true }).split('\n');
          for (const [at, text] of inserted) lines.splice(at % (lines.length + 1), 0, text);
          const text = lines.join(crlf ? '\r\n' : '\n');
          try {
            jsYaml.load(text, { schema: KUBE_YAML_SCHEMA });
          } catch {
            return;
          }
          const result = differential(text);
          expect(result.differences).toEqual([]);
          paths += result.paths;
          agreed += result.agreed;
        },
      ),
      { numRuns: 2000 },
    );
    // The generated documents must exercise the reader, not only its refusals.
    expect(agreed / paths).toBeGreaterThan(0.3);
  });
});
