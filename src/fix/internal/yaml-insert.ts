import { isMap, isSeq } from 'yaml';
import type { Node, YAMLMap, YAMLSeq } from 'yaml';
import { renderBlock, renderFlow, renderPair, renderScalar } from '../render-value.ts';
import { columnOf, firstOnLine, indentOfLine, lineEndAfter, lineStart } from './lines.ts';
import { edit, failure, rangeOf } from './edit-context.ts';
import type { EditContext, EditResult } from './edit-context.ts';
import type { Located } from './yaml-path.ts';
import { isJsonFlow, replaceValue } from './yaml-replace.ts';

/** End of a map entry: its value's end, or its key's for an empty value. */
export function pairEnd(pair: YAMLMap['items'][number]): number {
  return rangeOf(pair.value as Node | null)?.[1] ?? rangeOf(pair.key as Node | null)?.[1] ?? 0;
}

/** Offset of the `-` introducing a block sequence item that starts at `itemStart`, or -1. */
export function dashBefore(text: string, itemStart: number): number {
  let at = itemStart - 1;
  while (at >= 0 && (text[at] === ' ' || text[at] === '\t')) at--;
  return text[at] === '-' ? at : -1;
}

/** Inserts lines at a line start, adding the missing line break when it goes at the end of a text. */
function insertLines(ctx: EditContext, at: number, lines: string[]): EditResult {
  const { text, style } = ctx;
  const body = lines.join(style.eol);
  if (at === text.length && text !== '' && !text.endsWith('\n'))
    return edit(at, at, style.eol + body, true);
  return edit(at, at, body + style.eol, true);
}

/** Separator before an entry appended to a flow collection: `, ` or a line break for multi-line ones. */
function flowSeparator(
  ctx: EditContext,
  open: number,
  firstStart: number,
  lastStart: number,
): string {
  const multiLine = ctx.text.slice(open, firstStart).includes('\n');
  return multiLine ? `,${ctx.style.eol}${indentOfLine(ctx.text, lastStart)}` : ', ';
}

/** An empty `{}` or `[]` written as the value of a block entry: what is added to it goes in block style. */
function blockContextEmpty(ctx: EditContext, located: Located): boolean {
  const node = located.node;
  const empty = (isMap(node) || isSeq(node)) && node.flow === true && node.items.length === 0;
  return empty && located.parent !== null && located.parent.flow !== true && !ctx.style.json;
}

/** Adds `key: value` to a map: a new line after its last entry (block) or `, key: value` (flow). */
export function insertPair(
  ctx: EditContext,
  located: Located,
  key: string,
  value: unknown,
): EditResult {
  const map = located.node;
  if (!isMap(map)) return failure('not a mapping');
  const mapRange = rangeOf(map);
  const first = map.items[0];
  const last = map.items[map.items.length - 1];
  const firstKey = rangeOf(first?.key as Node | null);
  const lastKey = rangeOf(last?.key as Node | null);
  if (mapRange === undefined) return failure('mapping without a source range');
  if (blockContextEmpty(ctx, located)) return replaceValue(ctx, located, { [key]: value });
  if (map.flow === true) {
    const json = isJsonFlow(ctx, { node: null, parent: map });
    const entry = json
      ? `${JSON.stringify(key)}: ${JSON.stringify(value)}`
      : `${renderScalar(key, true)}: ${renderFlow(value, false)}`;
    if (last === undefined || firstKey === undefined || lastKey === undefined) {
      return edit(mapRange[0] + 1, mapRange[0] + 1, entry);
    }
    const sep = flowSeparator(ctx, mapRange[0], firstKey[0], lastKey[0]);
    return edit(pairEnd(last), pairEnd(last), sep + entry, true);
  }
  if (last === undefined || firstKey === undefined) return failure('empty block mapping');
  const column = columnOf(ctx.text, firstKey[0]);
  const at = lineEndAfter(ctx.text, pairEnd(last));
  return insertLines(ctx, at, renderPair(key, value, column, ctx.style));
}

/** Inserts `value` as item `index` of a sequence (`index` = length appends). */
export function insertItem(
  ctx: EditContext,
  located: Located,
  index: number,
  value: unknown,
): EditResult {
  const seq = located.node;
  if (!isSeq(seq)) return failure('not a sequence');
  const { text } = ctx;
  const seqRange = rangeOf(seq);
  const items = (seq as YAMLSeq<Node | null>).items.map(rangeOf);
  if (seqRange === undefined || items.some((r) => r === undefined)) {
    return failure('sequence without source ranges');
  }
  if (blockContextEmpty(ctx, located)) return replaceValue(ctx, located, [value]);
  const ranges = items as [number, number][];
  const last = ranges[ranges.length - 1];
  const first = ranges[0];
  if (seq.flow === true) {
    const rendered = renderFlow(value, isJsonFlow(ctx, { node: null, parent: seq }));
    if (first === undefined || last === undefined)
      return edit(seqRange[0] + 1, seqRange[0] + 1, rendered);
    const sep = flowSeparator(ctx, seqRange[0], first[0], last[0]);
    const before = ranges[index];
    if (before === undefined) return edit(last[1], last[1], sep + rendered, true);
    return edit(before[0], before[0], rendered + sep, true);
  }
  if (first === undefined || last === undefined) return failure('empty block sequence');
  const firstDash = dashBefore(text, first[0]);
  if (firstDash === -1 || !firstOnLine(text, firstDash)) return failure('nested block sequence');
  const lines = renderBlock([value], columnOf(text, firstDash), ctx.style);
  const before = ranges[index];
  if (before === undefined) return insertLines(ctx, lineEndAfter(text, last[1]), lines);
  const dash = dashBefore(text, before[0]);
  if (dash === -1 || !firstOnLine(text, dash)) return failure('nested block sequence');
  return insertLines(ctx, lineStart(text, dash), lines);
}
