import fc from 'fast-check';
import jsYaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { dumpStyle, generatedDocument } from './__fixtures__/generated-yaml.ts';
import { HOSTILE, POD } from './__fixtures__/hostile-yaml.ts';
import { decodeBlockYaml } from './block-decode.ts';
import { KUBE_YAML_SCHEMA } from './yaml-schema.ts';

const MAX_DEPTH = 200;

/** js-yaml's value with the manifest schema, or undefined when it rejects the text. */
function jsYamlValue(text: string): { value: unknown } | undefined {
  try {
    return {
      value: jsYaml.load(text, { schema: KUBE_YAML_SCHEMA, maxDepth: MAX_DEPTH } as object),
    };
  } catch {
    return undefined;
  }
}

/** The decoder may decline anything, but what it answers must be js-yaml's value for valid text. */
function expectAgreement(text: string): boolean {
  const decoded = decodeBlockYaml(text, MAX_DEPTH);
  if (decoded === undefined) return false;
  const expected = jsYamlValue(text);
  expect(expected, `js-yaml rejects what the decoder accepted:\n${text}`).toBeDefined();
  expect(decoded.value).toStrictEqual(expected?.value);
  return true;
}

const KUBECTL_SCALARS =
  'a: yes\nb: On\nc: n\nd: ~\ne: null\nf: 0o17\ng: 1_000\nh: 0b101\ni: .inf\nj: -0.0\nk: 2001-12-14\nl: 1e3\nm: +12\no: 012\n';

// Block-style documents the decoder must answer, each equal to js-yaml's value.
const ANSWERED: Record<string, string> = {
  workload: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web   # trailing comment
  labels: {}
  annotations:
    "helm.sh/hook": pre-install
    'single': 'it''s'
spec:
  replicas: 3
  template:
    spec:
      containers:
      - name: app
        image: "nginx:1.27"
        command: ["/bin/sh", "-c", 'echo hi']
        args: [ --port, 8080, true ]
        securityContext:
          privileged: yes
          runAsUser: 0x3E8
          readOnlyRootFilesystem: off
        ports: [ ]
      -   name: spaced
      -
        name: dashed
      volumes:
        - name: config
          configMap:
            defaultMode: 0644
            items:
            - key: a
              path: -leading-dash
`,
  kubectlScalars: KUBECTL_SCALARS,
  literalBlocks:
    'clip: |\n  one\n\n  two\n\n\nstrip: |-\n  x\nkeep: |+\n  y\n\n\nindented: |\n    deeper\n      more\n    back\nblank: |\n\nnext: 1\n',
  foldedBlocks:
    'folded: >\n  one\n  two\n\n  three\n    more indented\n  back\nstrip: >-\n  a\n  b\nkeep: >+\n  c\n\nlast: >\n  end',
  multilinePlain:
    'a: one\n  two\n\n  three\n\n\n  four\nb:\n  next line\n  and more\nc:\n- item\n  continued\nd: x\n',
  multilineQuoted:
    'a: "one\n  two\n\n  three"\nb: \'four\n    five \'\nc: "joined \\\n    here"\nd: "esc \\t\\n\\\\ \\" \\x41\\u00e9\\U0001F600 \\/ \\_"\n',
  compactSequences: 'a:\n- x\n- w: 1\n  z: 2\nb:\n  - p\n  -\n    q: 3\n-c: 4\n',
  keys: 'plain: 1\nwith space: 2\n"quoted: key": 3\n\'single\': 4\na.b/c-d_e: 5\nkey:colon: 6\n',
  comments:
    '# head\na: # after key\n  # between\n  b: 1 # after value\n# at column 0\n  c: 2\nd: a#b\n',
  emptyValues: 'a:\nb: \nc: []\nd: {}\ne:\n  -\n  - ""\n',
  noFinalNewline: 'a:\n  b: |\n    text',
  // A last line of spaces is blank (js-yaml adds the final newline): kept by `+`.
  keptBlankLastLine: 'a: |+\n ends\n\n ',
};

// Documents js-yaml reads but the decoder leaves to it.
const DECLINED: Record<string, string> = {
  anchorsAndAliases: 'a: &x 1\nb: *x\n',
  tags: 'a: !!str 1\n',
  mergeKey: 'a:\n  <<: {b: 1}\n',
  booleanKey: 'yes: 1\n',
  numericKey: '8080: http\n',
  nullKey: '~: x\n',
  proto: '__proto__: x\n',
  nestedFlow: 'a: [[1], {b: 2}]\n',
  flowMapping: 'a: {b: 1}\n',
  flowOverLines: 'a: [1,\n  2]\n',
  indentationIndicator: 'a: |2\n   x\n',
  explicitKey: '? a\n: 1\n',
  nestedSequenceItem: '- - a\n',
  rootScalar: 'just text\n',
  rootIndentedOnFirstLine: '  a: 1\n',
  tab: 'a:\tb\n',
  carriageReturn: 'a: 1\r\n',
  byteOrderMark: '\uFEFFa: 1\n',
  emoji: 'a: 😀\n',
  tabAfterNonAscii: 'a: é\nb:\tc\n',
  spaceBeforeColon: 'a : 1\n',
  trailingComma: 'a: [x, ]\n',
  emptyItemThenShallowerItem: '-\n -\n-\n   - []\n',
};

// Text js-yaml rejects: the decoder must decline every one, so that the error is reported.
const INVALID: Record<string, string> = {
  duplicateKeys: 'a: 1\na: 2\n',
  mappingInValue: 'a: b: c\n',
  badIndentation: 'a:\n    b: 1\n  c: 2\n',
  unterminatedDouble: 'a: "open\nb: 1\n',
  unterminatedSingle: "a: 'open\n",
  textAfterQuote: 'a: "x" y\n',
  textAfterFlow: 'a: [x] y\n',
  unknownEscape: 'a: "\\q"\n',
  badHexEscape: 'a: "\\xZZ"\n',
  sequenceAfterEntry: 'a: 1\n- b\n',
  entryAfterSequence: '- a\nb: 1\n',
  deeperAfterQuoted: 'a: "x"\n  b: 1\n',
  commentInContinuation: 'a: one\n  # note\n  two\n',
  nullByte: 'a: "\0"\n',
  controlCharacter: 'a: \x07\n',
  controlAfterNonAscii: 'a: é\nb: x\x07\n',
  colonAtEnd: 'a: b:\n',
  blockScalarHeaderJunk: 'a: |x\n  y\n',
};

describe('decodeBlockYaml', () => {
  for (const [name, text] of Object.entries(ANSWERED)) {
    it(`answers ${name} with js-yaml's value`, () => {
      expect(expectAgreement(text)).toBe(true);
    });
  }

  it('decodes as kubectl does: YAML 1.1 booleans, Go integers, no timestamps', () => {
    const value = decodeBlockYaml(KUBECTL_SCALARS, MAX_DEPTH)?.value;
    expect(value).toMatchObject({ a: true, b: true, c: false, d: null, f: 15, g: 1000, h: 5 });
    expect(value).toMatchObject({ k: '2001-12-14', o: 10, i: Infinity });
  });

  for (const [name, text] of Object.entries(DECLINED)) {
    it(`leaves ${name} to js-yaml`, () => {
      expect(jsYamlValue(text)).toBeDefined();
      expect(decodeBlockYaml(text, MAX_DEPTH)).toBeUndefined();
    });
  }

  for (const [name, text] of Object.entries(INVALID)) {
    it(`declines invalid text (${name}) so that js-yaml reports it`, () => {
      expect(jsYamlValue(text)).toBeUndefined();
      expect(decodeBlockYaml(text, MAX_DEPTH)).toBeUndefined();
    });
  }

  it('agrees with js-yaml, or declines, on the hostile documents', () => {
    for (const text of [POD, ...Object.values(HOSTILE)]) expectAgreement(text);
  });

  it('leaves documents nested near the depth limit to js-yaml', () => {
    const deep = (levels: number) =>
      Array.from({ length: levels }, (_, i) => `${' '.repeat(i)}k:`).join('\n') + ' 1\n';
    expect(expectAgreement(deep(5))).toBe(true);
    expect(decodeBlockYaml(deep(12), 10)).toBeUndefined();
    // A raised limit does not let the decoder recurse without bound.
    expect(decodeBlockYaml(deep(100), 10_000)).toBeDefined();
    expect(decodeBlockYaml(deep(600), 10_000)).toBeUndefined();
  });

  it('decodes a long text without comments or colons', () => {
    // Each search for a comment or key colon resumes where the last one ended, so this stays
    // linear (measured with scratch texts of 10 MB; no timing is asserted here).
    const items = Array.from({ length: 50_000 }, (_, i) => `- item${i}`).join('\n');
    const decoded = decodeBlockYaml(`${items}\n`, MAX_DEPTH);
    expect((decoded?.value as unknown[]).length).toBe(50_000);
  });
});

describe('decodeBlockYaml on generated documents', () => {
  // Edits after dumping: comment and blank lines, a line split at a space (a continued scalar or
  // an error), a line's indentation changed, a character inserted or removed.
  const edit = fc.oneof(
    fc.tuple(fc.constant('insert' as const), fc.nat(), fc.constantFrom('', '# c', '  # c', '  ')),
    fc.tuple(fc.constant('split' as const), fc.nat(), fc.integer({ min: 0, max: 6 })),
    fc.tuple(fc.constant('indent' as const), fc.nat(), fc.integer({ min: -2, max: 2 })),
    fc.tuple(
      fc.constant('char' as const),
      fc.nat(),
      fc.constantFrom('', ':', ' ', '#', '"', "'", '-', '|', '>', '[', '\\', ' #'),
    ),
  );

  function edited(text: string, edits: (readonly [string, number, string | number])[]): string {
    const lines = text.split('\n');
    for (const [kind, at, arg] of edits) {
      const index = at % lines.length;
      const line = lines[index] ?? '';
      if (kind === 'insert') lines.splice(index, 0, String(arg));
      else if (kind === 'indent') {
        const shift = Number(arg);
        lines[index] = shift >= 0 ? ' '.repeat(shift) + line : line.replace(/^ {1,2}/, '');
      } else if (kind === 'split') {
        const space = line.indexOf(' ', line.length >> 1);
        if (space > 0) {
          const indent = ' '.repeat(Number(arg));
          lines.splice(index, 1, line.slice(0, space), indent + line.slice(space + 1));
        }
      } else {
        const column = at % (line.length + 1);
        const removed = arg === '' ? 1 : 0;
        lines[index] = line.slice(0, column) + String(arg) + line.slice(column + removed);
      }
    }
    return lines.join('\n');
  }

  it('never answers differently from js-yaml, nor accepts what it rejects', () => {
    let answered = 0;
    let runs = 0;
    fc.assert(
      fc.property(
        generatedDocument,
        dumpStyle,
        fc.array(edit, { maxLength: 3 }),
        (object, options, edits) => {
          const text = edited(jsYaml.dump(object, { ...options, noRefs: true }), edits);
          runs++;
          if (expectAgreement(text)) answered++;
        },
      ),
      { numRuns: 3000 },
    );
    // The generated documents must exercise the decoder, not only its refusals.
    expect(answered / runs).toBeGreaterThan(0.2);
  });
});
