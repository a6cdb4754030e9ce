import type { ObjectPath } from '../engine/finding.ts';

/** A trimmed source range inside a document's text, and whether it is the field asked for. */
export interface BlockRange {
  start: number;
  end: number;
  exact: boolean;
}

/** Where a block collection starts: its first entry's line, column, and its indentation. */
interface BlockNode {
  kind: 'mapping' | 'sequence';
  line: number;
  column: number;
}

/**
 * Where a child value sits: a block collection below, a scalar's span, or something opaque (a flow
 * collection, a null, a scalar of unknown span) that its key can still point at.
 */
type ChildNode = BlockNode | { kind: 'scalar'; start: number; end: number } | { kind: 'opaque' };

const OPAQUE: ChildNode = { kind: 'opaque' };

/** A block mapping's entries by key, and the decoded object they were last checked against. */
interface Mapping {
  entries: MappingEntry[];
  byKey: Map<string, MappingEntry>;
  checked: object | undefined;
}

interface MappingEntry {
  key: string;
  keyStart: number;
  keyEnd: number;
  line: number;
  /** Offset just after the `:` that ends the key. */
  afterColon: number;
  /** The value's node, read once for the decoded value it was read against. */
  node?: ChildNode;
  nodeFor?: unknown;
}

/** A block sequence's item lines, and each item's node once read (as for mapping entries). */
interface Sequence {
  lines: number[];
  nodes: (ChildNode | undefined)[];
  nodesFor: unknown[];
}

/** Stops the walk: the text uses something this reader does not follow; the caller falls back. */
class Unsupported extends Error {}
// One instance, thrown as a signal: no stack trace is captured per fallback.
const UNSUPPORTED = new Unsupported('not block-style YAML this reader follows');

const SPACE = 32;
const NEWLINE = 10;
const RETURN = 13;
const HASH = 35;
const DASH = 45;
const COLON = 58;

// Plain keys whose text is their decoded value: no YAML 1.1 booleans, nulls, numbers or merge keys.
const SAFE_PLAIN_KEY = /^[A-Za-z_$][\w./$@+-]*$/;
const SPECIAL_WORDS = new Set(['y', 'n', 'yes', 'no', 'on', 'off', 'true', 'false', 'null']);
const LONE_RETURN = /\r(?!\n)/;
const NOT_FOLLOWED = new Set(['&', '*', '!', '%', '@', '`', '?']);

/**
 * Finds the range of a path by reading the indentation of block-style YAML, the style nearly all
 * manifests are written in: the same answer as the position-keeping parse (a scalar's value, a
 * collection's key, a list item's first key; the closest ancestor for a missing field) without
 * parsing the document again. It walks the decoded value alongside, and gives up (undefined) on
 * anything it does not follow exactly: flow collections it would have to enter, anchors, tags,
 * multi-line flow scalars, keys that YAML would decode to something else, duplicate keys, tabs.
 * A differential test holds it to the parser's answer on every node of the corpora.
 */
export class BlockLocator {
  readonly #text: string;
  /** Offset of the first character of each line. */
  readonly #starts: number[] = [];
  /** Leading spaces of each line; -1 for blank lines. */
  readonly #indents: number[] = [];
  /** Whether each line holds only a comment. */
  readonly #comments: boolean[] = [];
  readonly #usable: boolean;
  // Collections already read, by where they start: a document's findings share their parents.
  readonly #mappings = new Map<number, Mapping>();
  readonly #sequences = new Map<number, Sequence>();

  constructor(text: string) {
    this.#text = text;
    this.#usable = this.#index();
  }

  locate(root: unknown, path: ObjectPath): BlockRange | undefined {
    if (!this.#usable) return undefined;
    try {
      return this.#walk(root, path);
    } catch (error) {
      if (error === UNSUPPORTED) return undefined;
      throw error;
    }
  }

  /**
   * Records lines; false when a tab indents a line (YAML forbids it, js-yaml is lenient) or a lone
   * carriage return breaks one (a line break to YAML, not to this reader).
   */
  #index(): boolean {
    const text = this.#text;
    if (text.includes('\r') && LONE_RETURN.test(text)) return false;
    for (let start = 0; start <= text.length;) {
      let at = start;
      while (text.charCodeAt(at) === SPACE) at++;
      const ch = text.charCodeAt(at);
      if (ch === 9) return false;
      const newline = text.indexOf('\n', start);
      const blank = at === text.length || ch === NEWLINE || (ch === RETURN && at + 1 === newline);
      this.#starts.push(start);
      this.#indents.push(blank ? -1 : at - start);
      this.#comments.push(ch === HASH);
      if (newline === -1) break;
      start = newline + 1;
    }
    return true;
  }

  #walk(root: unknown, path: ObjectPath): BlockRange {
    let node: ChildNode = this.#rootNode();
    let value: unknown = root;
    // The key of the node reached, if it has one (-1: a list item or the root).
    let keyStart = -1;
    let keyEnd = -1;
    let exact = true;
    for (const segment of path) {
      if (typeof value !== 'object' || value === null) {
        exact = false;
        break;
      }
      if (Array.isArray(value)) {
        if (node.kind !== 'sequence') {
          if (node.kind === 'opaque' && !(typeof segment === 'number' && segment in value)) {
            exact = false;
            break;
          }
          throw UNSUPPORTED;
        }
        const sequence = this.#sequence(node);
        if (sequence.lines.length !== value.length) throw UNSUPPORTED;
        if (typeof segment !== 'number' || segment < 0 || segment >= value.length) {
          exact = false;
          break;
        }
        const child: unknown = value[segment];
        let itemNode = sequence.nodes[segment];
        if (itemNode === undefined || sequence.nodesFor[segment] !== child) {
          itemNode = this.#itemNode(node, sequence.lines[segment] ?? node.line, child);
          sequence.nodes[segment] = itemNode;
          sequence.nodesFor[segment] = child;
        }
        node = itemNode;
        value = child;
        keyStart = -1;
        continue;
      }
      const wanted = typeof segment === 'string' ? segment : String(segment);
      if (node.kind !== 'mapping') {
        if (node.kind === 'opaque' && !Object.hasOwn(value, wanted)) {
          exact = false;
          break;
        }
        throw UNSUPPORTED;
      }
      const mapping = this.#mapping(node);
      // Same keys, same count: no merge key or other decoding this reader does not follow.
      if (mapping.checked !== value) {
        if (mapping.entries.length !== Object.keys(value).length) throw UNSUPPORTED;
        mapping.checked = value;
      }
      if (!Object.hasOwn(value, wanted)) {
        exact = false;
        break;
      }
      const entry = mapping.byKey.get(wanted);
      if (entry === undefined) throw UNSUPPORTED;
      const child: unknown = (value as Record<string, unknown>)[wanted];
      if (entry.node === undefined || entry.nodeFor !== child) {
        entry.node = this.#valueNode(node, entry, child);
        entry.nodeFor = child;
      }
      node = entry.node;
      value = child;
      keyStart = entry.keyStart;
      keyEnd = entry.keyEnd;
    }
    if (typeof value !== 'object' || value === null) {
      if (!exact && keyStart !== -1) return { start: keyStart, end: keyEnd, exact };
      if (node.kind !== 'scalar') throw UNSUPPORTED;
      return { start: node.start, end: node.end, exact };
    }
    if (keyStart !== -1) return { start: keyStart, end: keyEnd, exact };
    // A collection without a key (a list item, the root): its first key.
    if (node.kind !== 'mapping') throw UNSUPPORTED;
    const first = this.#mapping(node).entries[0];
    if (first === undefined) throw UNSUPPORTED;
    return { start: first.keyStart, end: first.keyEnd, exact };
  }

  #rootNode(): BlockNode {
    const line = this.#nextContent(0);
    if (line === -1) throw UNSUPPORTED;
    const column = this.#indents[line] ?? 0;
    if (this.#isItem(line, column)) throw UNSUPPORTED;
    return { kind: 'mapping', line, column };
  }

  /** The entries of a block mapping: every key line at its column until the text dedents. */
  #mapping(node: BlockNode): Mapping {
    const cacheKey = node.line * 65_536 + node.column;
    const cached = this.#mappings.get(cacheKey);
    if (cached !== undefined) return cached;
    const entries: MappingEntry[] = [];
    const byKey = new Map<string, MappingEntry>();
    for (let line = node.line; line < this.#starts.length; line++) {
      const first = line === node.line;
      const indent = first ? node.column : this.#contentIndent(line);
      if (indent === -1 || (!first && indent > node.column)) continue;
      if (indent < node.column) break;
      // A `- ` at the keys' column is a compact sequence under the previous key.
      if (this.#isItem(line, indent)) {
        if (entries.length === 0) throw UNSUPPORTED;
        continue;
      }
      const entry = this.#key(line, (this.#starts[line] ?? 0) + indent);
      if (byKey.has(entry.key)) throw UNSUPPORTED;
      byKey.set(entry.key, entry);
      entries.push(entry);
    }
    const mapping = { entries, byKey, checked: undefined };
    this.#mappings.set(cacheKey, mapping);
    return mapping;
  }

  /** The line of each item of a block sequence (its `-` is at the sequence's column). */
  #sequence(node: BlockNode): Sequence {
    const cacheKey = node.line * 65_536 + node.column;
    const cached = this.#sequences.get(cacheKey);
    if (cached !== undefined) return cached;
    const items: number[] = [];
    for (let line = node.line; line < this.#starts.length; line++) {
      const first = line === node.line;
      const indent = first ? node.column : this.#contentIndent(line);
      if (indent === -1 || (!first && indent > node.column)) continue;
      if (indent < node.column || !this.#isItem(line, indent)) break;
      items.push(line);
    }
    const sequence = { lines: items, nodes: [], nodesFor: [] };
    this.#sequences.set(cacheKey, sequence);
    return sequence;
  }

  /** A key at `offset` on `line`: plain, or quoted without escapes, then `:` and a blank. */
  #key(line: number, offset: number): MappingEntry {
    const text = this.#text;
    const quote = text[offset];
    let keyEnd: number;
    let key: string;
    let colon: number;
    if (quote === '"' || quote === "'") {
      const close = text.indexOf(quote, offset + 1);
      if (close === -1 || close >= this.#lineEnd(line)) throw UNSUPPORTED;
      key = text.slice(offset + 1, close);
      if (key.includes('\\') || text[close + 1] === quote) throw UNSUPPORTED;
      keyEnd = close + 1;
      colon = keyEnd;
      while (text.charCodeAt(colon) === SPACE) colon++;
      if (text.charCodeAt(colon) !== COLON) throw UNSUPPORTED;
    } else {
      colon = this.#keyColon(line, offset);
      keyEnd = colon;
      while (keyEnd > offset && text.charCodeAt(keyEnd - 1) === SPACE) keyEnd--;
      key = text.slice(offset, keyEnd);
      if (!SAFE_PLAIN_KEY.test(key) || SPECIAL_WORDS.has(key.toLowerCase())) {
        throw UNSUPPORTED;
      }
    }
    if (!isBlankOrEnd(text.charCodeAt(colon + 1))) throw UNSUPPORTED;
    return { key, keyStart: offset, keyEnd, line, afterColon: colon + 1 };
  }

  /** The `:` that ends a plain key: the first one followed by a blank or the line's end. */
  #keyColon(line: number, offset: number): number {
    const text = this.#text;
    const end = this.#lineEnd(line);
    for (
      let at = text.indexOf(':', offset);
      at !== -1 && at < end;
      at = text.indexOf(':', at + 1)
    ) {
      if (isBlankOrEnd(text.charCodeAt(at + 1))) return at;
    }
    throw UNSUPPORTED;
  }

  /** The node a mapping entry's value is, checked against the decoded value. */
  #valueNode(parent: BlockNode, entry: MappingEntry, value: unknown): ChildNode {
    return this.#nodeAfter(entry.line, entry.afterColon, parent.column, value, true);
  }

  /** The node of the list item on `line`. */
  #itemNode(parent: BlockNode, line: number, value: unknown): ChildNode {
    const dash = (this.#starts[line] ?? 0) + parent.column;
    return this.#nodeAfter(line, dash + 1, parent.column, value, false);
  }

  /**
   * Reads the node that starts at `from` on `line` (after a key's `:` or an item's `-`), whose
   * parent collection has its entries at `column`.
   */
  #nodeAfter(
    line: number,
    from: number,
    column: number,
    value: unknown,
    afterKey: boolean,
  ): ChildNode {
    const text = this.#text;
    let at = from;
    while (text.charCodeAt(at) === SPACE) at++;
    const ch = text[at] ?? '';
    const lineEnd = this.#lineEnd(line);
    const empty = at >= lineEnd || ch === '#';
    if (empty) {
      // A null, or a scalar on the lines below: enough to point at its key.
      if (typeof value !== 'object' || value === null) return OPAQUE;
      const next = this.#nextContent(line + 1);
      if (next === -1) throw UNSUPPORTED;
      const indent = this.#indents[next] ?? 0;
      const item = this.#isItem(next, indent);
      // Under a key, a sequence may sit at the key's own column; anything else is indented.
      if (indent < column || (indent === column && !(afterKey && item))) {
        throw UNSUPPORTED;
      }
      if (Array.isArray(value) !== item) throw UNSUPPORTED;
      return { kind: item ? 'sequence' : 'mapping', line: next, column: indent };
    }
    if (NOT_FOLLOWED.has(ch)) throw UNSUPPORTED;
    if (ch === '{' || ch === '[') {
      if (typeof value !== 'object' || value === null) throw UNSUPPORTED;
      return OPAQUE;
    }
    const columnHere = at - (this.#starts[line] ?? 0);
    if (typeof value === 'object' && value !== null) {
      // `- name: x`: a mapping (or `- - x`, a sequence) starting on the item's own line.
      if (afterKey) throw UNSUPPORTED;
      if (Array.isArray(value)) {
        if (!this.#isItem(line, columnHere)) throw UNSUPPORTED;
        return { kind: 'sequence', line, column: columnHere };
      }
      return { kind: 'mapping', line, column: columnHere };
    }
    if (value === null || (ch === '-' && isBlankOrEnd(text.charCodeAt(at + 1)))) return OPAQUE;
    try {
      if (ch === '|' || ch === '>') return this.#blockScalar(line, at, column);
      if (ch === '"' || ch === "'") return this.#quoted(line, at, lineEnd, column);
      return this.#plain(line, at, lineEnd, column);
    } catch (error) {
      // Its span is unknown, but its key still locates it (or a path that goes past it).
      if (error === UNSUPPORTED) return OPAQUE;
      throw error;
    }
  }

  /** `|` or `>`: from the indicator to its last line of content. */
  #blockScalar(line: number, at: number, column: number): ChildNode {
    // An explicit indentation indicator (`|2`) is relative to a parent this reader does not track.
    if (/^[|>][+-]?\d|^[|>]\d/.test(this.#text.slice(at, at + 3))) throw UNSUPPORTED;
    let last = line;
    let contentIndent = -1;
    for (let next = line + 1; next < this.#starts.length; next++) {
      const indent = this.#indents[next] ?? -1;
      if (indent === -1) continue;
      if (contentIndent === -1) contentIndent = indent;
      if (indent <= column || indent < contentIndent) break;
      last = next;
    }
    // No content: the header line may end in a comment the parser leaves out.
    if (last === line) throw UNSUPPORTED;
    return { kind: 'scalar', start: at, end: this.#trimmedEnd(last) };
  }

  #quoted(line: number, at: number, lineEnd: number, column: number): ChildNode {
    const text = this.#text;
    const quote = text[at] ?? '';
    let close = at + 1;
    for (;;) {
      close = text.indexOf(quote, close);
      if (close === -1 || close >= lineEnd) throw UNSUPPORTED;
      if (quote === '"' && isEscaped(text, close)) close++;
      else if (quote === "'" && text[close + 1] === "'") close += 2;
      else break;
    }
    this.#noContinuation(line, column);
    return { kind: 'scalar', start: at, end: close + 1 };
  }

  #plain(line: number, at: number, lineEnd: number, column: number): ChildNode {
    const text = this.#text;
    let end = at;
    for (let i = at; i < lineEnd; i++) {
      const ch = text.charCodeAt(i);
      if (ch === HASH && isBlank(text.charCodeAt(i - 1))) break;
      if (!isBlank(ch)) end = i + 1;
    }
    this.#noContinuation(line, column);
    return { kind: 'scalar', start: at, end };
  }

  /** A more indented line after a one-line scalar continues it: not followed here. */
  #noContinuation(line: number, column: number): void {
    const next = this.#nextContent(line + 1);
    if (next !== -1 && (this.#indents[next] ?? 0) > column) throw UNSUPPORTED;
  }

  #isItem(line: number, indent: number): boolean {
    const at = (this.#starts[line] ?? 0) + indent;
    return this.#text.charCodeAt(at) === DASH && isBlankOrEnd(this.#text.charCodeAt(at + 1));
  }

  /** The indentation of a line with content; -1 for blank and comment-only lines. */
  #contentIndent(line: number): number {
    return this.#comments[line] === true ? -1 : (this.#indents[line] ?? -1);
  }

  #nextContent(from: number): number {
    for (let line = from; line < this.#starts.length; line++) {
      if (this.#contentIndent(line) !== -1) return line;
    }
    return -1;
  }

  /** Offset of the line's end, before its newline (`\n` or `\r\n`). */
  #lineEnd(line: number): number {
    const next = this.#starts[line + 1];
    if (next === undefined) return this.#text.length;
    return this.#text.charCodeAt(next - 2) === RETURN && next - 2 >= (this.#starts[line] ?? 0)
      ? next - 2
      : next - 1;
  }

  #trimmedEnd(line: number): number {
    let end = this.#lineEnd(line);
    const start = this.#starts[line] ?? 0;
    while (end > start && isBlank(this.#text.charCodeAt(end - 1))) end--;
    return end;
  }
}

function isBlank(ch: number): boolean {
  return ch === SPACE || ch === RETURN || ch === 9;
}

function isBlankOrEnd(ch: number): boolean {
  return Number.isNaN(ch) || ch === SPACE || ch === NEWLINE || ch === RETURN;
}

function isEscaped(text: string, at: number): boolean {
  let slashes = 0;
  for (let i = at - 1; text[i] === '\\'; i--) slashes++;
  return slashes % 2 === 1;
}
