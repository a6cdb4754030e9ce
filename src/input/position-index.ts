import type { ObjectPath } from '../engine/finding.ts';

/** Source spans of one collection's child nodes: keys and values alternate for mappings. */
interface CollectionSpans {
  /** Flat [start, end, start, end, …] offsets of the child nodes, in source order. */
  spans: number[];
  /** The decoded value of each child node (keys included), in the same order. */
  values: unknown[];
  /** Keys of the decoded mapping, counted on first use (a count that differs means merge keys). */
  keyCount?: number;
}

interface Span {
  start: number;
  end: number;
}

/** A raw span (not yet trimmed) and whether it is the field asked for or its closest ancestor. */
export interface Located extends Span {
  exact: boolean;
}

/**
 * Positions recorded by js-yaml's `listener` when a document with findings is parsed again (the
 * first, fast parse keeps none). Each collection object maps to its children's spans; paths are
 * resolved by walking the decoded value and these spans together. When the two disagree
 * (duplicate keys, merge keys, a parser backtrack), `find` returns undefined and the caller
 * falls back to the position-keeping parser.
 */
export class PositionIndex {
  readonly #collections = new Map<object, CollectionSpans>();
  // Parallel stacks, one entry per open node; child arrays are made only for nodes with children
  // (most nodes are scalars), which keeps the listener cheap.
  readonly #starts: number[] = [];
  readonly #spans: (number[] | undefined)[] = [];
  readonly #values: (unknown[] | undefined)[] = [];
  #root: Span | undefined;

  /** The js-yaml listener: `open` and `close` events of every node, in document order. */
  readonly listener = (
    event: 'open' | 'close',
    state: { position: number; result: unknown },
  ): void => {
    if (event === 'open') {
      this.#starts.push(state.position);
      this.#spans.push(undefined);
      this.#values.push(undefined);
      return;
    }
    const start = this.#starts.pop();
    if (start === undefined) return;
    const spans = this.#spans.pop() ?? [];
    const values = this.#values.pop() ?? [];
    const result = state.result;
    // A node that wraps another holding the same object (a flow collection inside a block
    // sequence entry, an alias) keeps the spans its inner node recorded.
    if (typeof result === 'object' && result !== null && !this.#collections.has(result)) {
      this.#collections.set(result, { spans, values });
    }
    const depth = this.#starts.length;
    if (depth === 0) {
      this.#root = { start, end: state.position };
      return;
    }
    const parentSpans = (this.#spans[depth - 1] ??= []);
    const parentValues = (this.#values[depth - 1] ??= []);
    parentSpans.push(start, state.position);
    parentValues.push(result);
  };

  find(root: unknown, path: ObjectPath): Located | undefined {
    let value: unknown = root;
    let span = this.#root;
    let keySpan: Span | undefined;
    let exact = true;
    for (const segment of path) {
      if (typeof value !== 'object' || value === null) {
        exact = false;
        break;
      }
      const entry = this.#collections.get(value);
      if (entry === undefined) return undefined;
      const next = childSpan(value, entry, segment);
      if (next === 'inconsistent') return undefined;
      if (next === undefined) {
        exact = false;
        break;
      }
      value = next.value;
      span = next.span;
      keySpan = next.key;
    }
    if (span === undefined) return undefined;
    // A scalar: its own span. A collection: its key, or (list item, root) its first child.
    if (typeof value !== 'object' || value === null)
      return { ...(exact ? span : (keySpan ?? span)), exact };
    if (keySpan !== undefined) return { ...keySpan, exact };
    const first = this.#collections.get(value)?.spans;
    const start = first?.[0];
    const end = first?.[1];
    return start === undefined || end === undefined ? { ...span, exact } : { start, end, exact };
  }

  spansOf(value: object): CollectionSpans | undefined {
    return this.#collections.get(value);
  }
}

function childSpan(
  value: object,
  entry: CollectionSpans,
  segment: string | number,
): { value: unknown; span: Span; key?: Span } | undefined | 'inconsistent' {
  if (Array.isArray(value)) {
    if (entry.values.length !== value.length) return 'inconsistent';
    if (typeof segment !== 'number' || segment < 0 || segment >= value.length) return undefined;
    return { value: value[segment] as unknown, span: at(entry.spans, segment) };
  }
  entry.keyCount ??= Object.keys(value).length;
  if (entry.values.length !== entry.keyCount * 2) return 'inconsistent';
  const wanted = String(segment);
  if (!Object.hasOwn(value, wanted)) return undefined;
  for (let i = entry.values.length - 2; i >= 0; i -= 2) {
    if (String(entry.values[i]) === wanted) {
      return {
        value: (value as Record<string, unknown>)[wanted],
        span: at(entry.spans, i + 1),
        key: at(entry.spans, i),
      };
    }
  }
  return 'inconsistent';
}

function at(spans: readonly number[], i: number): Span {
  return { start: spans[2 * i] ?? 0, end: spans[2 * i + 1] ?? 0 };
}

/** Narrows a raw node span to its text: skips leading whitespace and comments, trailing whitespace. */
export function trimSpan(text: string, start: number, end: number): { start: number; end: number } {
  // js-yaml reads a text without a final newline as if it had one: a span may end past the text.
  let e = Math.min(text.length, Math.max(start, end));
  let s = Math.min(start, e);
  while (s < e) {
    const ch = text.charCodeAt(s);
    if (ch === 32 || ch === 9 || ch === 10 || ch === 13) s++;
    else if (ch === 35) {
      const newline = text.indexOf('\n', s);
      s = newline === -1 || newline >= e ? e : newline + 1;
    } else break;
  }
  while (e > s) {
    const ch = text.charCodeAt(e - 1);
    if (ch === 32 || ch === 9 || ch === 10 || ch === 13) e--;
    else break;
  }
  return { start: s, end: e };
}
