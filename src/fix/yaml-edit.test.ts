import { describe, expect, it } from 'vitest';
import type { FixOperation } from '../engine/finding.ts';
import { applyEdits } from './text-edit.ts';
import { editContext, editsForOperation } from './yaml-edit.ts';

/** Applies operations one after the other to one YAML document. */
function edit(text: string, ...ops: FixOperation[]): string {
  let current = text;
  for (const op of ops) {
    const ctx = editContext(current);
    if (ctx === undefined) throw new Error(`does not parse:\n${current}`);
    const result = editsForOperation(ctx, op);
    if ('error' in result) throw new Error(result.error);
    current = applyEdits(current, result.edits);
  }
  return current;
}

function failure(text: string, op: FixOperation): string | undefined {
  const ctx = editContext(text);
  const result = ctx === undefined ? { error: 'parse' } : editsForOperation(ctx, op);
  return 'error' in result ? result.error : undefined;
}

const lines = (...l: string[]) => `${l.join('\n')}\n`;

describe('replace', () => {
  it('keeps comments, quoting style and the rest of the line', () => {
    const text = lines('a: true # keep me', "b: 'x'", 'c: "y"', 'd: z');
    expect(
      edit(
        text,
        { op: 'replace', path: ['a'], value: false },
        { op: 'replace', path: ['b'], value: "it's" },
        { op: 'replace', path: ['c'], value: 'w' },
        { op: 'replace', path: ['d'], value: 'yes' },
      ),
    ).toBe(lines('a: false # keep me', "b: 'it''s'", 'c: "w"', 'd: "yes"'));
  });

  it('quotes strings that would read back as another type', () => {
    const text = lines('a: x', 'b: x', 'c: x', 'd: x');
    const out = edit(
      text,
      { op: 'replace', path: ['a'], value: '0644' },
      { op: 'replace', path: ['b'], value: 'on' },
      { op: 'replace', path: ['c'], value: 'a: b' },
      { op: 'replace', path: ['d'], value: 1000 },
    );
    expect(out).toBe(lines('a: "0644"', 'b: "on"', 'c: "a: b"', 'd: 1000'));
  });

  it('replaces a block scalar and a collection', () => {
    const text = lines('a: |', '  one', '  two', 'b:', '  - x', '  - y', 'c: 1');
    expect(
      edit(
        text,
        { op: 'replace', path: ['a'], value: 'one' },
        { op: 'replace', path: ['b'], value: ['z'] },
      ),
    ).toBe(lines('a: one', 'b:', '  - z', 'c: 1'));
  });

  it('treats a missing path as an add', () => {
    expect(edit(lines('a: 1'), { op: 'replace', path: ['b'], value: 2 })).toBe(
      lines('a: 1', 'b: 2'),
    );
  });
});

describe('add to a block mapping', () => {
  const pod = lines(
    'spec:',
    '  containers:',
    '  - name: app # main',
    '    image: nginx',
    '    securityContext:',
    '      runAsUser: 1000',
    '  # trailing comment',
  );

  it('inserts after the last entry, at the entries’ indentation', () => {
    expect(
      edit(pod, {
        op: 'add',
        path: ['spec', 'containers', 0, 'securityContext', 'runAsNonRoot'],
        value: true,
      }),
    ).toBe(pod.replace('runAsUser: 1000\n', 'runAsUser: 1000\n      runAsNonRoot: true\n'));
  });

  it('creates missing parents as nested block YAML, following the document’s sequence style', () => {
    const out = edit(pod, {
      op: 'add',
      path: ['spec', 'containers', 0, 'resources', 'limits'],
      value: { memory: '128Mi', cpu: '500m' },
    });
    expect(out).toBe(
      pod.replace(
        'runAsUser: 1000\n',
        'runAsUser: 1000\n    resources:\n      limits:\n        memory: 128Mi\n        cpu: 500m\n',
      ),
    );
    const list = edit(pod, {
      op: 'add',
      path: ['spec', 'volumes'],
      value: [{ name: 'tmp', emptyDir: {} }],
    });
    expect(list).toBe(
      pod.replace('  # trailing', '  volumes:\n  - name: tmp\n    emptyDir: {}\n  # trailing'),
    );
  });

  it('merges an added object into an existing mapping', () => {
    expect(
      edit(pod, {
        op: 'add',
        path: ['spec', 'containers', 0, 'securityContext'],
        value: { runAsUser: 1000, capabilities: { drop: ['ALL'] } },
      }),
    ).toBe(
      pod.replace(
        'runAsUser: 1000\n',
        'runAsUser: 1000\n      capabilities:\n        drop:\n        - ALL\n',
      ),
    );
  });

  it('fills an empty value', () => {
    expect(edit(lines('a:', 'b: 1'), { op: 'add', path: ['a', 'x'], value: 1 })).toBe(
      lines('a:', '  x: 1', 'b: 1'),
    );
    expect(edit(lines('a: ~ # none'), { op: 'add', path: ['a', 'x'], value: 'y' })).toBe(
      lines('a:', '  x: "y" # none'),
    );
  });

  it('adds at the end of a file without a final line break', () => {
    expect(edit('a:\n  b: 1', { op: 'add', path: ['a', 'c'], value: 2 })).toBe(
      'a:\n  b: 1\n  c: 2',
    );
  });

  it('uses the document’s indentation step', () => {
    const text = lines('a:', '    b: 1');
    expect(edit(text, { op: 'add', path: ['c'], value: { d: { e: 1 } } })).toBe(
      lines('a:', '    b: 1', 'c:', '    d:', '        e: 1'),
    );
  });
});

describe('flow style', () => {
  it('adds to and removes from flow mappings and sequences', () => {
    const text = lines('a: {x: 1, y: 2}', 'b: [p, q]', 'c: {}', 'd: []');
    expect(
      edit(
        text,
        { op: 'add', path: ['a', 'z'], value: 'on' },
        { op: 'remove', path: ['a', 'x'] },
        { op: 'add', path: ['b', '-'], value: 'r' },
        { op: 'remove', path: ['b', 0] },
        { op: 'add', path: ['c', 'k'], value: [1] },
        { op: 'add', path: ['d', 0], value: { k: 'v' } },
      ),
    ).toBe(lines('a: {y: 2, z: "on"}', 'b: [q, r]', 'c: {k: [1]}', 'd: [{k: v}]'));
  });

  it('writes JSON into JSON documents, on new lines when the object spans lines', () => {
    const text = '{\n  "kind": "Pod",\n  "spec": {"hostPID": true}\n}\n';
    expect(
      edit(
        text,
        { op: 'add', path: ['metadata'], value: { name: 'x' } },
        { op: 'replace', path: ['spec', 'hostPID'], value: false },
      ),
    ).toBe('{\n  "kind": "Pod",\n  "spec": {"hostPID": false},\n  "metadata": {"name":"x"}\n}\n');
  });
});

describe('remove', () => {
  it('removes an entry with its line, keeping the comment above it', () => {
    const text = lines('a:', '  # why', '  b: 1 # note', '  c: 2');
    expect(edit(text, { op: 'remove', path: ['a', 'b'] })).toBe(lines('a:', '  # why', '  c: 2'));
  });

  it('removes the first key of a sequence item', () => {
    const text = lines('l:', '- privileged: true', '  name: x', '- name: y');
    expect(edit(text, { op: 'remove', path: ['l', 0, 'privileged'] })).toBe(
      lines('l:', '- name: x', '- name: y'),
    );
  });

  it('removes sequence items, leaving [] or {} when nothing remains', () => {
    const text = lines('add:', '- NET_RAW', '- SYS_ADMIN', 'sc:', '  privileged: true', 'x: 1');
    expect(edit(text, { op: 'remove', path: ['add', 0] })).toBe(
      lines('add:', '- SYS_ADMIN', 'sc:', '  privileged: true', 'x: 1'),
    );
    expect(
      edit(
        text,
        { op: 'remove', path: ['add', 1] },
        { op: 'remove', path: ['add', 0] },
        { op: 'remove', path: ['sc', 'privileged'] },
      ),
    ).toBe(lines('add: []', 'sc: {}', 'x: 1'));
  });

  it('removes a whole block collection value', () => {
    const text = lines('a: 1', 'b:', '  c:', '  - 1', 'd: 2');
    expect(edit(text, { op: 'remove', path: ['b'] })).toBe(lines('a: 1', 'd: 2'));
  });

  it('does nothing for a missing path', () => {
    expect(edit(lines('a: 1'), { op: 'remove', path: ['b', 'c'] })).toBe(lines('a: 1'));
  });
});

describe('sequences', () => {
  it('appends and inserts block items with the item indentation', () => {
    const text = lines('a:', '  - x', '  - y');
    expect(
      edit(
        text,
        { op: 'add', path: ['a', '-'], value: { k: 1, l: 2 } },
        { op: 'add', path: ['a', 0], value: 'w' },
      ),
    ).toBe(lines('a:', '  - w', '  - x', '  - y', '  - k: 1', '    l: 2'));
  });
});

describe('line endings', () => {
  it('keeps CRLF line endings', () => {
    const text = 'a:\r\n  b: 1\r\nc:\r\n- x\r\n';
    expect(
      edit(
        text,
        { op: 'add', path: ['a', 'd'], value: { e: 1 } },
        { op: 'remove', path: ['c', 0] },
        { op: 'replace', path: ['a', 'b'], value: 2 },
      ),
    ).toBe('a:\r\n  b: 2\r\n  d:\r\n    e: 1\r\nc: []\r\n');
  });
});

describe('refusals', () => {
  it('refuses paths through aliases and whole documents', () => {
    const text = lines('base: &b {x: 1}', 'use: *b');
    expect(failure(text, { op: 'add', path: ['use', 'y'], value: 1 })).toMatch(/alias/);
    expect(failure(text, { op: 'remove', path: [] })).toMatch(/whole document/);
    expect(failure(lines('a: 1'), { op: 'add', path: ['a', 'b'], value: 1 })).toMatch(/scalar/);
  });
});
