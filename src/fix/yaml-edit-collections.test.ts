import { describe, expect, it } from 'vitest';
import type { FixOperation } from '../engine/finding.ts';
import { applyOperations } from './yaml-edit.ts';

function edit(text: string, ...ops: FixOperation[]): string {
  const result = applyOperations(text, ops);
  if ('error' in result) throw new Error(result.error);
  return result.text;
}

const lines = (...l: string[]) => `${l.join('\n')}\n`;

describe('flow style', () => {
  it('adds to and removes from flow mappings and sequences', () => {
    const text = lines('a: {x: 1, y: 2}', 'b: [p, q]', 'e: {c: {}, d: []}');
    expect(
      edit(
        text,
        { op: 'add', path: ['a', 'z'], value: 'on' },
        { op: 'remove', path: ['a', 'x'] },
        { op: 'add', path: ['b', '-'], value: 'r' },
        { op: 'remove', path: ['b', 0] },
        { op: 'add', path: ['e', 'c', 'k'], value: [1] },
        { op: 'add', path: ['e', 'd', 0], value: { k: 'v' } },
      ),
    ).toBe(lines('a: {y: 2, z: "on"}', 'b: [q, r]', 'e: {c: {k: [1]}, d: [{k: v}]}'));
  });

  it('writes into an empty {} or [] of a block mapping in block style', () => {
    const text = lines('c: {}', 'd: [] # none yet', 'e:', '- x');
    expect(
      edit(
        text,
        { op: 'add', path: ['c', 'k'], value: [1] },
        { op: 'add', path: ['d', '-'], value: { k: 'v' } },
      ),
    ).toBe(lines('c:', '  k:', '  - 1', 'd:', '- k: v # none yet', 'e:', '- x'));
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
