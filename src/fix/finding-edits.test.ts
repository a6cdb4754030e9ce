import { describe, expect, it } from 'vitest';
import type { FixOperation } from '../engine/finding.ts';
import { DEFAULT_LOAD_OPTIONS, loadTexts } from '../input/index.ts';
import { EditContexts, editsForFinding } from './finding-edits.ts';
import type { FixTarget } from './fix-targets.ts';
import { applyEdits } from './text-edit.ts';

const TEXT = `a: 1
---
kind: List
apiVersion: v1
items:
- kind: Pod
  apiVersion: v1
  metadata: {name: p}
  spec:
    hostPID: true
    caps: [NET_RAW, SYS_ADMIN, CHOWN]
`;

function target(): FixTarget {
  const loaded = loadTexts([{ path: 'l.yaml', text: TEXT }], DEFAULT_LOAD_OPTIONS);
  const file = loaded.files.get('l.yaml');
  const document = file?.documents[1];
  if (file === undefined || document === undefined) throw new Error('not loaded');
  return { file, document, prefix: ['items', 0] };
}

function run(ops: FixOperation[]) {
  const t = target();
  const result = editsForFinding(new EditContexts(), t, ops);
  if ('error' in result) throw new Error(result.error);
  return { ...result, text: applyEdits(t.file.text, result.edits) };
}

describe('editsForFinding', () => {
  it('keeps independent operations as separate small edits, in file offsets', () => {
    const result = run([
      { op: 'replace', path: ['spec', 'hostPID'], value: false },
      { op: 'add', path: ['metadata', 'labels'], value: { app: 'x' } },
    ]);
    expect(result.edits).toHaveLength(2);
    expect(result.text).toBe(
      TEXT.replace('hostPID: true', 'hostPID: false').replace(
        '{name: p}',
        '{name: p, labels: {app: x}}',
      ),
    );
    expect(result.claims.map((c) => c.path)).toEqual([
      ['items', 0, 'spec', 'hostPID'],
      ['items', 0, 'metadata', 'labels'],
    ]);
  });

  it('applies operations that shift a sequence one after the other, as JSON Patch does', () => {
    const result = run([
      { op: 'remove', path: ['spec', 'caps', 0] },
      { op: 'remove', path: ['spec', 'caps', 0] },
    ]);
    expect(result.edits).toHaveLength(1);
    expect(result.text).toBe(TEXT.replace('[NET_RAW, SYS_ADMIN, CHOWN]', '[CHOWN]'));
    expect(result.claims.map((c) => c.path)).toEqual([
      ['items', 0, 'spec', 'caps'],
      ['items', 0, 'spec', 'caps'],
    ]);
  });

  it('applies an operation on what an earlier one created', () => {
    const result = run([
      { op: 'add', path: ['spec', 'securityContext'], value: {} },
      { op: 'add', path: ['spec', 'securityContext', 'runAsNonRoot'], value: true },
    ]);
    expect(result.text).toBe(`${TEXT}    securityContext:\n      runAsNonRoot: true\n`);
    expect(result.edits).toHaveLength(1);
  });
});
