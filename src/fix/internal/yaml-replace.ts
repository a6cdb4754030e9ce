import { isScalar } from 'yaml';
import type { Node } from 'yaml';
import { isRecord } from '../../model/kube-object.ts';
import {
  childColumn,
  isInline,
  renderBlock,
  renderFlow,
  renderInline,
  renderScalar,
} from '../render-value.ts';
import { columnOf } from './lines.ts';
import { contentEnd, edit, failure, rangeOf } from './edit-context.ts';
import type { EditContext, EditResult } from './edit-context.ts';
import type { Located } from './yaml-path.ts';

const BLOCK_SCALARS = new Set(['BLOCK_LITERAL', 'BLOCK_FOLDED']);

function isScalarValue(value: unknown): boolean {
  return !Array.isArray(value) && !isRecord(value);
}

/** True when a flow collection is written as JSON (its keys are double-quoted). */
export function isJsonFlow(ctx: EditContext, located: Located): boolean {
  const first: unknown = located.parent?.items[0];
  const key: unknown = isRecord(first) && 'key' in first ? first.key : undefined;
  return isScalar(key) ? key.type === 'QUOTE_DOUBLE' : ctx.style.json;
}

/** Replaces a scalar by a scalar in the same quoting style where possible; anything else by `replaceValue`. */
export function replaceAt(ctx: EditContext, located: Located, value: unknown): EditResult {
  const node = located.node;
  const range = rangeOf(node);
  if (!isScalar(node) || range === undefined || !isScalarValue(value)) {
    return replaceValue(ctx, located, value);
  }
  const flow = located.parent?.flow === true;
  const type = node.type;
  if (type !== undefined && BLOCK_SCALARS.has(type)) {
    return edit(range[0], contentEnd(ctx, node), renderScalar(value, flow));
  }
  const preferred = flow && isJsonFlow(ctx, located) ? 'QUOTE_DOUBLE' : type;
  return edit(range[0], range[1], renderScalar(value, flow, preferred));
}

/**
 * Replaces the value of a map entry or sequence item with `value`, rendered inline when it is a
 * scalar or an empty collection and as an indented block otherwise.
 */
export function replaceValue(ctx: EditContext, located: Located, value: unknown): EditResult {
  const { text, style } = ctx;
  const node: Node | null = located.node;
  const parent = located.parent;
  if (parent === null) return failure('a fix cannot replace a whole document');
  const range = rangeOf(node);
  if (parent.flow === true) {
    if (range === undefined || node === null) return failure('empty value in a flow collection');
    return edit(range[0], range[1], renderFlow(value, isJsonFlow(ctx, located)));
  }
  if (located.pair !== undefined) {
    const keyRange = rangeOf(located.pair.key as Node | null);
    if (keyRange === undefined) return failure('mapping entry without a key');
    const colonEnd = text.indexOf(':', keyRange[1]) + 1;
    const end =
      node === null || range === undefined ? colonEnd : Math.max(colonEnd, contentEnd(ctx, node));
    if (isInline(value)) return edit(colonEnd, end, ` ${renderInline(value)}`);
    const column = childColumn(value, columnOf(text, keyRange[0]), style);
    return edit(colonEnd, end, style.eol + renderBlock(value, column, style).join(style.eol));
  }
  if (node === null || range === undefined) return failure('sequence item without a source range');
  const end = contentEnd(ctx, node);
  if (isInline(value)) return edit(range[0], end, renderInline(value));
  const column = columnOf(text, range[0]);
  const lines = renderBlock(value, column, style);
  lines[0] = (lines[0] ?? '').slice(column);
  return edit(range[0], end, lines.join(style.eol));
}
