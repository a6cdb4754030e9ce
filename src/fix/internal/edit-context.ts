import type { Document, Node } from 'yaml';
import type { Edit } from '../text-edit.ts';
import type { YamlStyle } from '../render-value.ts';
import { trimLineBreaks } from './lines.ts';

/** One parsed document being edited: its text (offsets are relative to it), its nodes and style. */
export interface EditContext {
  text: string;
  doc: Document;
  style: YamlStyle;
}

/** The edits that carry out one operation, or why it cannot be carried out on this source. */
export type EditResult = { edits: Edit[] } | { error: string };

export function edit(start: number, end: number, text: string, stackable = false): EditResult {
  return { edits: [stackable ? { start, end, text, stackable } : { start, end, text }] };
}

export function failure(error: string): EditResult {
  return { error };
}

/** Where a node's content ends, before the line break that block nodes include in their range. */
export function contentEnd(ctx: EditContext, node: Node): number {
  const range = node.range;
  if (range === undefined || range === null) throw new Error('node without a source range');
  return trimLineBreaks(ctx.text, range[0], range[1]);
}

/** Start and end offsets of a node known to come from the source. */
export function rangeOf(node: Node | null | undefined): [number, number] | undefined {
  const range = node?.range;
  return range === undefined || range === null ? undefined : [range[0], range[1]];
}
