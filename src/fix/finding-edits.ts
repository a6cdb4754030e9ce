import type { FixOperation, ObjectPath } from '../engine/finding.ts';
import type { DocumentSlice } from '../input/split-documents.ts';
import type { FixTarget } from './fix-targets.ts';
import { diffEdit, editsConflict, shiftEdits } from './text-edit.ts';
import type { Edit } from './text-edit.ts';
import { walk } from './internal/yaml-path.ts';
import { applyOperations, editContext, editsForOperation } from './yaml-edit.ts';
import type { EditContext } from './yaml-edit.ts';

/** A part of a document that an edit changes, to keep two fixes off the same entry in one pass. */
export interface Claim {
  document: DocumentSlice;
  path: ObjectPath;
}

/** The edits (in file offsets) that fix one finding, and what they claim. */
export type FindingEdits = { edits: Edit[]; claims: Claim[] } | { error: string };

/** Parsed documents, shared by the findings of one pass (parse each document once). */
export class EditContexts {
  readonly #parsed = new Map<DocumentSlice, EditContext | { error: string }>();

  get(document: DocumentSlice, firstLine = 1): EditContext | { error: string } {
    let ctx = this.#parsed.get(document);
    if (ctx === undefined) {
      ctx = editContext(document.text, firstLine);
      this.#parsed.set(document, ctx);
    }
    return ctx;
  }
}

const isIndex = (segment: unknown) => typeof segment === 'number' || segment === '-';

/** Changes a sequence's length (so later indices into it move). */
export function changesSequence(op: FixOperation): boolean {
  return op.op !== 'replace' && isIndex(op.path[op.path.length - 1]);
}

function isPrefix(a: ObjectPath, b: ObjectPath): boolean {
  return a.length <= b.length && a.every((segment, i) => segment === b[i]);
}

/** True when one claim contains the other (same document, one path a prefix of the other). */
export function claimsOverlap(a: Claim, b: Claim): boolean {
  return a.document === b.document && (isPrefix(a.path, b.path) || isPrefix(b.path, a.path));
}

/**
 * What an operation claims: for a removal, the collection it removes from (two removals could
 * empty it together); for an addition, the first path segment it creates (two fixes creating the
 * same parent would write it twice); otherwise its path.
 */
function claimOf(ctx: EditContext, document: DocumentSlice, op: FixOperation): Claim {
  if (op.op === 'remove') return { document, path: op.path.slice(0, -1) };
  const found = walk(ctx.doc, op.path);
  const path = found.missing === undefined ? op.path : op.path.slice(0, found.missing + 1);
  return { document, path: changesSequence(op) ? op.path.slice(0, -1) : path };
}

/** True when operations build on each other, so that they must be applied one after the other. */
function dependent(ops: readonly FixOperation[], edits: readonly Edit[]): boolean {
  if (ops.length > 1 && ops.some(changesSequence)) return true;
  const related = ops.some((a, i) =>
    ops.some((b, j) => i < j && (isPrefix(a.path, b.path) || isPrefix(b.path, a.path))),
  );
  return related || edits.some((a, i) => edits.some((b, j) => i < j && editsConflict(a, b)));
}

/**
 * Turns a finding's operations into text edits on its document. Independent operations keep
 * their own small edits; operations that build on each other (one creates what the next edits,
 * or one shifts the sequence another indexes) are applied in order, as JSON Patch does, and
 * become one edit.
 */
export function editsForFinding(
  contexts: EditContexts,
  target: FixTarget,
  ops: readonly FixOperation[],
): FindingEdits {
  const { document, prefix } = target;
  const ctx = contexts.get(document, target.file.lines.position(document.start).line);
  if ('error' in ctx) return ctx;
  const full = ops.map((op) => ({ ...op, path: [...prefix, ...op.path] }));
  const claims = full.map((op) => claimOf(ctx, document, op));
  const results = full.map((op) => editsForOperation(ctx, op));
  const edits = results.flatMap((r) => ('error' in r ? [] : r.edits));
  if (results.every((r) => !('error' in r)) && !dependent(full, edits)) {
    return { edits: shiftEdits(edits, document.start), claims };
  }
  const sequential = applyOperations(document.text, full);
  if ('error' in sequential) return sequential;
  const text = sequential.text;
  const combined = diffEdit(document.text, text);
  return { edits: combined === undefined ? [] : shiftEdits([combined], document.start), claims };
}
