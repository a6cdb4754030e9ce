/** A replacement of `text.slice(start, end)` by `text`; offsets are 0-based UTF-16 code units. */
export interface Edit {
  start: number;
  end: number;
  text: string;
  /**
   * An insertion of whole lines (or of a `, entry` into a non-empty flow collection) that other such
   * insertions at the same offset can go before or after.
   */
  stackable?: boolean;
}

/** Shifts edits computed on a slice to the offsets of the enclosing text. */
export function shiftEdits(edits: readonly Edit[], by: number): Edit[] {
  return edits.map((e) => ({ ...e, start: e.start + by, end: e.end + by }));
}

/**
 * True when two edits cannot both be applied: their ranges overlap, or one inserts strictly
 * inside the range the other replaces, or both insert at one offset and one is not stackable. An
 * insertion at either end of a replaced range does not conflict.
 */
export function editsConflict(a: Edit, b: Edit): boolean {
  if (a.start === a.end && b.start === b.end && a.start === b.start) {
    return a.stackable !== true || b.stackable !== true;
  }
  if (a.start === a.end) return b.start < a.start && a.start < b.end;
  if (b.start === b.end) return a.start < b.start && b.start < a.end;
  return a.start < b.end && b.start < a.end;
}

/** Indentation of the first inserted line: where a nested mapping and its parent end together, the nested one's new lines go first. */
function depth(edit: Edit): number {
  if (edit.stackable !== true) return 0;
  return /^(?:\r?\n)?( *)/.exec(edit.text)?.[1]?.length ?? 0;
}

/**
 * Applies non-conflicting edits. Insertions at one offset precede a replacement there, deeper
 * (more indented) lines first, otherwise in the order given.
 */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const ordered = edits
    .map((edit, order) => ({ edit, order }))
    .sort(
      (a, b) =>
        a.edit.start - b.edit.start ||
        Number(a.edit.end > a.edit.start) - Number(b.edit.end > b.edit.start) ||
        depth(b.edit) - depth(a.edit) ||
        a.order - b.order,
    );
  let out = '';
  let cursor = 0;
  for (const { edit } of ordered) {
    if (edit.start < cursor) throw new Error(`overlapping edits at offset ${edit.start}`);
    out += text.slice(cursor, edit.start) + edit.text;
    cursor = edit.end;
  }
  return out + text.slice(cursor);
}

/** The smallest single edit that turns `before` into `after` (common prefix and suffix kept). */
export function diffEdit(before: string, after: string): Edit | undefined {
  if (before === after) return undefined;
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before[start] === after[start]) start++;
  let tail = 0;
  while (
    tail < max - start &&
    before[before.length - 1 - tail] === after[after.length - 1 - tail]
  ) {
    tail++;
  }
  return { start, end: before.length - tail, text: after.slice(start, after.length - tail) };
}
