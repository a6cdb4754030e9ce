import fc from 'fast-check';

// Objects to dump as YAML for the block readers' property tests. Mostly keys as manifests write
// them; now and then one a reader must refuse (YAML 1.1 words, numbers, merge and explicit keys).
const key = fc.oneof(
  { arbitrary: fc.stringMatching(/^[a-z][\w./-]{0,8}$/), weight: 12 },
  {
    arbitrary: fc.constantFrom('yes', 'On', '1', '0x1f', 'null', '<<', '? x', 'a: b', 'a b', '-x'),
    weight: 1,
  },
  { arbitrary: fc.string({ maxLength: 6 }), weight: 1 },
);

const scalar = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('', ' lead', 'trail ', 'a: b', '#x', 'a #b', '- x', '"q"', "it's", 'yes', '~'),
  fc.constantFrom('line one\nline two', '  indented\nblock\n', 'ends\n\n', '\ttab', 'é\u0007'),
  fc.constantFrom('0644', '0x1F', '1_000', '1e3', '.5', '-.inf', 'true', 'Off', '2001-12-14'),
  fc.lorem({ maxCount: 12 }),
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.boolean(),
  fc.constant(null),
);

const { value } = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(key, tie('value'), { maxKeys: 5 }),
  ),
}));

/** A mapping at the root, as a manifest has. */
export const generatedMapping = fc.dictionary(key, value, { minKeys: 1, maxKeys: 6 });

/** A mapping or a sequence at the root. */
export const generatedDocument = fc.oneof(
  generatedMapping,
  fc.array(value, { minLength: 1, maxLength: 4 }),
);

/** js-yaml dump options: indentation, compact sequences, flow from some level, folding, quotes. */
export const dumpStyle = fc.record({
  indent: fc.integer({ min: 1, max: 4 }),
  noArrayIndent: fc.boolean(),
  flowLevel: fc.constantFrom(-1, -1, 1, 2, 3),
  lineWidth: fc.constantFrom(80, 20, -1),
  quotingType: fc.constantFrom("'", '"'),
  forceQuotes: fc.boolean(),
});
