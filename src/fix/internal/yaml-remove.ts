import { isMap, isSeq } from 'yaml';
import type { Node } from 'yaml';
import { firstOnLine, lineEndAfter, lineStart } from './lines.ts';
import { edit, failure, rangeOf } from './edit-context.ts';
import type { EditContext, EditResult } from './edit-context.ts';
import { dashBefore, pairEnd } from './yaml-insert.ts';
import type { Located } from './yaml-path.ts';
import { replaceValue } from './yaml-replace.ts';

/** Entry ranges of a flow collection: `[start, end]` of each pair or item. */
function flowEntries(located: Located): [number, number][] | undefined {
  const parent = located.parent;
  if (parent === null) return undefined;
  const entries: [number, number][] = [];
  for (const item of parent.items as unknown[]) {
    if (isMap(parent)) {
      const pair = item as (typeof parent.items)[number];
      const start = rangeOf(pair.key as Node | null)?.[0];
      if (start === undefined) return undefined;
      entries.push([start, pairEnd(pair)]);
    } else {
      const range = rangeOf(item as Node | null);
      if (range === undefined) return undefined;
      entries.push(range);
    }
  }
  return entries;
}

/** Deletes entry `i` of a flow collection with the separator on one side of it. */
function removeFlowEntry(located: Located, i: number): EditResult {
  const entries = flowEntries(located);
  const own = entries?.[i];
  if (entries === undefined || own === undefined)
    return failure('flow entry without a source range');
  const next = entries[i + 1];
  if (next !== undefined) return edit(own[0], next[0], '');
  const previous = entries[i - 1];
  return edit(previous === undefined ? own[0] : previous[1], own[1], '');
}

/**
 * Removes the entry at the end of `chain`: its lines in block style (comments above it stay), its
 * text and one separator in flow style. Removing the last entry of a collection leaves `{}` or `[]`.
 */
export function removeEntry(ctx: EditContext, chain: readonly Located[]): EditResult {
  const located = chain[chain.length - 1];
  const container = chain[chain.length - 2];
  const parent = located?.parent;
  if (located === undefined || container === undefined || parent === null || parent === undefined) {
    return failure('a fix cannot remove a whole document');
  }
  const i = isMap(parent) ? parent.items.indexOf(located.pair as never) : (located.index ?? -1);
  if (parent.flow === true) return removeFlowEntry(located, i);
  if (parent.items.length === 1) {
    if (container.parent === null) return failure('a fix cannot empty a whole document');
    return replaceValue(ctx, container, isSeq(parent) ? [] : {});
  }
  const { text } = ctx;
  if (isMap(parent)) {
    const pair = parent.items[i];
    const keyStart = rangeOf(pair?.key as Node | null)?.[0];
    if (pair === undefined || keyStart === undefined) return failure('mapping entry without a key');
    if (firstOnLine(text, keyStart)) {
      return edit(lineStart(text, keyStart), lineEndAfter(text, pairEnd(pair)), '');
    }
    // The first key of a sequence item shares the `- ` line: pull the next key up onto it.
    const nextKey = rangeOf(parent.items[i + 1]?.key as Node | null)?.[0];
    if (i !== 0 || nextKey === undefined) return failure('unexpected mapping layout');
    return edit(keyStart, nextKey, '');
  }
  const range = rangeOf(located.node);
  if (range === undefined) return failure('sequence item without a source range');
  const dash = dashBefore(text, range[0]);
  if (dash === -1 || !firstOnLine(text, dash)) return failure('nested block sequence');
  return edit(lineStart(text, dash), lineEndAfter(text, range[1]), '');
}
