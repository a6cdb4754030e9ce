// Block-style YAML as manifests write it, and documents that use what the block readers
// (the position reader and the decoder) decline or must read carefully. Shared by their tests.
export const POD = `# a comment before the document
apiVersion: v1   # trailing comment
kind: Pod
metadata:
  name: "quoted name"
  labels: {}
  annotations:
    literal: |
      hello
      # not a comment: content

    folded: >-
      folded
    # a comment between keys
    single: 'it''s'
    empty:
    spaced   : plain  # comment
    "quoted key": x
    'single key': y
    url: http://example.com:8080/a#frag
    hashed: a#b
spec:
  containers:
  - name: app
    image: nginx
    args:
    - one
    - "two"
    - three: 3
      four: 4
    env: [ {name: x} ]
    securityContext:
      privileged: yes
  -   name: spaced
  -
    name: dashed
  initContainers:
    - name: indented
      command:
        - sh
  volumes: []
`;

// Documents that use what the block reader declines or must read carefully. For each, every
// answer it gives must be the parser's; for most it must decline some paths.
export const HOSTILE: Record<string, string> = {
  crlf: POD.replaceAll('\n', '\r\n'),
  loneCarriageReturns: 'a:\r  b: 1\rc: 2\n',
  mixedLineEnds: 'a:\r\n  b: 1\n  c: |\r\n    x\r\nd: 2\r\n',
  anchors: 'a: &x {b: 1}\nc: *x\nd:\n  e: 1\n',
  merge: 'base: &b\n  x: 1\nkid:\n  <<: *b\n  y: 2\n',
  tags: 'a: !!str 1\nb: !!map\n  c: 1\n',
  booleanKeys: 'yes: 1\nOff: 2\nnull: 3\n1: 4\n0x10: 5\n.5: 6\nplain: 8\n',
  multilinePlain: 'a: one\n  two\n  three\nb:\n  c\n  d\ne: [1,\n  2]\nf: {x: 1,\n  y: 2}\ng: 1\n',
  multilineQuoted: 'a: "one\n  two"\nb: \'three\n  four\'\nc: "esc \\" quote"\nd: 1\n',
  indentationIndicator:
    'a: |2\n    two extra\nb: >+\n  keep\n\nc: |-\n\n  after blank\nd: |\ne: 1\n',
  blockScalarEnds: 'a:\n  b: |\n      deep\n    # shallower comment ends it\n  c: 1\n',
  nestedSequences: 'a:\n- - x\n  - y\n- - z\nb:\n  - [p, q]\n  - {r: s}\n',
  explicitKeys: '? a\n: 1\n? [b]\n: 2\n',
  tabBeforeComment: 'a: value\t# comment\nb: 1\n',
  compactAtKeyColumn: 'items:\n- name: a\n  list:\n  - x\n  - y\n- name: b\nnext: 1\n',
  emptyItems: 'a:\n-\n- x\n-\n  b: 1\n',
  rootIndented: '  a: 1\n  b:\n    c: 2\n',
  directive: '%YAML 1.1\n---\na: 1\n',
  json: '{\n  "apiVersion": "v1",\n  "kind": "Pod",\n  "spec": {"containers": [{"name": "a"}]}\n}\n',
  unicode: 'é: 1\nname: "é-two"\nb:\n  c: 😀\n',
  keyWithSpaces: 'a b: 1\nc: 2\n',
  trailingSpaces: 'a:   \n  b: 1   \nc: |   \n  text   \n',
  noFinalNewline: 'a:\n  b: 1',
  colonsInValues: 'a: b:c\nd: "e: f"\ng: h :i\n',
  commentsEverywhere: 'a: # c1\n  # c2\n  b: 1 # c3\n# c4\n  c:\n  # c5\n  - 1\n',
};
