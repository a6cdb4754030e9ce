import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { FixOperation, ObjectPath } from '../engine/finding.ts';
import { isRecord } from '../model/kube-object.ts';
import { applyEdits } from './text-edit.ts';
import type { EditContext, EditResult } from './internal/edit-context.ts';
import { failure } from './internal/edit-context.ts';
import { insertItem, insertPair } from './internal/yaml-insert.ts';
import { detectStyle, walk } from './internal/yaml-path.ts';
import { removeEntry } from './internal/yaml-remove.ts';
import { replaceAt, replaceValue } from './internal/yaml-replace.ts';

export type { EditContext, EditResult } from './internal/edit-context.ts';

/**
 * Parses one document's text for editing, or says why it cannot be edited (`firstLine`: the line
 * of the file the document starts on, for the message).
 */
export function editContext(text: string, firstLine = 1): EditContext | { error: string } {
  const doc = parseDocument(text, { version: '1.1', uniqueKeys: false });
  const first = doc.errors[0];
  if (first !== undefined) {
    // kubectl's parser may accept what the position-keeping parser rejects; edit neither then.
    const line = first.linePos?.[0];
    const where = line === undefined ? '' : ` at line ${line.line + firstLine - 1}`;
    return {
      error: `the document cannot be parsed for editing: ${first.message.split(' at line')[0] ?? ''}${where}`,
    };
  }
  return { text, doc, style: detectStyle(doc, text) };
}

/**
 * Text edits that carry out one JSON-Patch-shaped operation on a YAML document, touching nothing
 * else: comments, key order, quoting and indentation of other lines stay byte for byte. `path` is
 * relative to the document root.
 *
 * Beyond RFC 6902: an `add` whose parents are missing creates them; an `add` of an object onto an
 * existing mapping merges into it key by key; a `remove` of a missing path does nothing.
 */
export function editsForOperation(ctx: EditContext, op: FixOperation): EditResult {
  if (op.path.length === 0) return failure('a fix cannot replace or remove a whole document');
  if (op.op === 'remove') {
    const found = walk(ctx.doc, op.path);
    if (found.error !== undefined) return failure(found.error);
    return found.missing === undefined ? removeEntry(ctx, found.chain) : { edits: [] };
  }
  return setAt(ctx, op.path, op.value, op.op);
}

function nest(segments: ObjectPath, value: unknown): unknown {
  let nested = value;
  for (const segment of [...segments].reverse()) {
    if (segment === '-' || segment === 0) nested = [nested];
    else if (typeof segment === 'string') nested = { [segment]: nested };
    else throw new Error(`cannot create item ${segment} of a missing sequence`);
  }
  return nested;
}

function setAt(
  ctx: EditContext,
  path: ObjectPath,
  value: unknown,
  mode: 'add' | 'replace',
): EditResult {
  const found = walk(ctx.doc, path);
  if (found.error !== undefined) return failure(found.error);
  const last = path[path.length - 1];
  if (found.missing === undefined) {
    const located = found.chain[found.chain.length - 1];
    const container = found.chain[found.chain.length - 2];
    if (located === undefined || container === undefined) return failure('empty path');
    if (mode === 'add' && isSeq(located.parent) && typeof last === 'number') {
      return insertItem(ctx, container, last, value);
    }
    if (mode === 'add' && isMap(located.node) && isRecord(value) && located.node.items.length > 0) {
      return merge(ctx, path, value);
    }
    return replaceAt(ctx, located, value);
  }
  const missing = found.missing;
  const parent = found.chain[missing];
  if (parent === undefined) return failure('path outside the document');
  if (missing < path.length - 1) {
    // A missing ancestor: create it, holding the rest of the path.
    try {
      return setAt(ctx, path.slice(0, missing + 1), nest(path.slice(missing + 1), value), 'add');
    } catch (error) {
      return failure(error instanceof Error ? error.message : String(error));
    }
  }
  const node = parent.node;
  if (isMap(node)) return insertPair(ctx, parent, String(last), value);
  if (isSeq(node)) {
    if (last === '-' || last === node.items.length)
      return insertItem(ctx, parent, node.items.length, value);
    return failure(`index ${String(last)} is out of range`);
  }
  if (node === null || (isScalar(node) && node.value === null)) {
    const container =
      last === '-' || typeof last === 'number' ? [value] : { [String(last)]: value };
    return replaceValue(ctx, parent, container);
  }
  return failure('the parent of the path is a scalar');
}

function merge(ctx: EditContext, path: ObjectPath, value: Record<string, unknown>): EditResult {
  const edits = [];
  for (const [key, v] of Object.entries(value)) {
    if (v === undefined) continue;
    const result = setAt(ctx, [...path, key], v, 'add');
    if ('error' in result) return result;
    edits.push(...result.edits);
  }
  return { edits };
}

/**
 * Applies operations one after the other (as JSON Patch does) to the text of one YAML document.
 * @example applyOperations('a: 1\n', [{ op: 'add', path: ['b'], value: 2 }]) // { text: 'a: 1\nb: 2\n' }
 */
export function applyOperations(
  text: string,
  ops: readonly FixOperation[],
): { text: string } | { error: string } {
  let current = text;
  for (const op of ops) {
    const ctx = editContext(current);
    if ('error' in ctx) return ctx;
    const result = editsForOperation(ctx, op);
    if ('error' in result) return result;
    current = applyEdits(current, result.edits);
  }
  return { text: current };
}
