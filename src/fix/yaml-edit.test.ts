import { describe, expect, it } from 'vitest';
import type { FixOperation } from '../engine/finding.ts';
import { applyOperations } from './yaml-edit.ts';

function edit(text: string, ...ops: FixOperation[]): string {
  const result = applyOperations(text, ops);
  if ('error' in result) throw new Error(result.error);
  return result.text;
}

function failure(text: string, op: FixOperation): string | undefined {
  const result = applyOperations(text, [op]);
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
