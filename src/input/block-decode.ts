import { resolvePlainScalar } from './yaml-schema.ts';

/** Stops the decoder: the text uses YAML it does not follow; the caller parses it with js-yaml. */
class Unsupported extends Error {}
// One instance, thrown as a signal: no stack trace is captured per fallback.
const UNSUPPORTED = new Unsupported('not block-style YAML this decoder follows');

// Text with any of these goes to js-yaml whole: tabs and carriage returns change indentation and
// line rules, and js-yaml rejects control characters, lone surrogates and non-characters (its
// PATTERN_NON_PRINTABLE) or strips a byte order mark. One native scan spares checking each line.
// It starts at the first character outside printable ASCII: most manifests have none, and the
// two-range class scans about twice as fast as the full one.
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const DECLINED_CHARACTERS = /[\x00-\x09\x0B-\x1F\x7F-\x9F\uD800-\uDFFF\uFEFF\uFFFE\uFFFF]/g;
const NOT_PRINTABLE_ASCII = /[^\n -~]/g;

function hasDeclinedCharacters(text: string): boolean {
  NOT_PRINTABLE_ASCII.lastIndex = 0;
  if (!NOT_PRINTABLE_ASCII.test(text)) return false;
  DECLINED_CHARACTERS.lastIndex = NOT_PRINTABLE_ASCII.lastIndex - 1;
  return DECLINED_CHARACTERS.test(text);
}

function charCodes(characters: string): Set<number> {
  return new Set(Array.from({ length: characters.length }, (_, i) => characters.charCodeAt(i)));
}

const SPACE = 32;
const NEWLINE = 10;
const HASH = 35;
const DASH = 45;
const COLON = 58;
const DOUBLE_QUOTE = 34;
const SINGLE_QUOTE = 39;
const PIPE = 124;
const GREATER = 62;
const PLUS = 43;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const COMMA = 44;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const BACKSLASH = 92;

// Characters that cannot start a plain scalar in block context (YAML's c-indicator, as js-yaml's
// readPlainScalar refuses them); `-`, `?` and `:` start one only when a non-space follows.
const NOT_PLAIN_START = charCodes(',[]{}#&*!|>\'"%@`');
// Where a plain scalar inside a flow sequence ends, or holds something left to js-yaml (pairs,
// nested collections, comments).
const FLOW_PLAIN_END = charCodes(',[]{}:#');
const PLAIN_IF_FOLLOWED = charCodes('-?:');

// Double-quoted escapes as js-yaml reads them (its simpleEscapeMap), and the hexadecimal ones.
const ESCAPES = new Map<number, string>(
  Object.entries({
    '0': '\x00',
    a: '\x07',
    b: '\b',
    t: '\t',
    n: '\n',
    v: '\v',
    f: '\f',
    r: '\r',
    e: '\x1B',
    ' ': ' ',
    '"': '"',
    '/': '/',
    '\\': '\\',
    N: '\x85',
    _: '\xA0',
    L: '\u2028',
    P: '\u2029',
  }).map(([escape, value]) => [escape.charCodeAt(0), value]),
);
const HEX_ESCAPE_LENGTH = new Map([
  ['x'.charCodeAt(0), 2],
  ['u'.charCodeAt(0), 4],
  ['U'.charCodeAt(0), 8],
]);
const HEX_DIGITS = /^[0-9a-fA-F]+$/;

const MAX_RECURSION = 500;

/**
 * The next occurrence of a character at or after a position, remembered between searches.
 * Searching ahead with indexOf from every line could cross many lines each time (quadratic on
 * text without comments or colons); forward searches share one result instead.
 */
class NextOccurrence {
  readonly #text: string;
  readonly #character: string;
  #searchedFrom = 0;
  #found = -1;

  constructor(text: string, character: string) {
    this.#text = text;
    this.#character = character;
  }

  from(at: number): number {
    if (this.#found < at || at < this.#searchedFrom) {
      this.#searchedFrom = at;
      const found = this.#text.indexOf(this.#character, at);
      this.#found = found === -1 ? Infinity : found;
    }
    return this.#found;
  }
}

/** What the line breaks between two pieces of a plain or quoted scalar fold to (js-yaml's writeFoldedLines). */
function foldedBreaks(breaks: number): string {
  return breaks === 1 ? ' ' : '\n'.repeat(breaks - 1);
}

type Chomping = 'clip' | 'strip' | 'keep';

/**
 * Decodes block-style YAML, the style nearly all manifests are written in, to the value js-yaml
 * gives with the manifest schema, about twice as fast: it reads line by line with native string
 * search where js-yaml reads character by character. It follows block mappings and sequences
 * (compact ones too); plain scalars, continued over lines or not, resolved by the schema's own
 * implicit types; quoted scalars with their escapes and folding; literal and folded block
 * scalars; flow sequences of scalars on one line; and the empty flow mapping. On anything else
 * (nested or multi-line flow collections, anchors, aliases, tags, explicit keys, indentation
 * indicators, duplicate keys, keys YAML would decode to something else, tabs, CRs, control
 * characters) it gives up, returning undefined, and js-yaml decodes the text and reports its
 * errors. Differential tests hold it to js-yaml's value on every document of the corpora and on
 * generated documents, and hold it to refusing whatever js-yaml rejects.
 */
export function decodeBlockYaml(text: string, maxDepth: number): { value: unknown } | undefined {
  if (hasDeclinedCharacters(text)) return undefined;
  try {
    return { value: new BlockDecoder(text, maxDepth).document() };
  } catch (error) {
    if (error === UNSUPPORTED) return undefined;
    throw error;
  }
}

class BlockDecoder {
  readonly #text: string;
  readonly #maxDepth: number;
  /** Where the next line not yet read starts. */
  #next = 0;
  /** Whether the fields below describe a content line read but not yet consumed. */
  #hasLine = false;
  #lineStart = 0;
  /** The line's first non-space character; its column is the line's indentation. */
  #contentStart = 0;
  /** The line's `\n`, or the text's end. */
  #lineEnd = 0;
  /** Just after the closing quote of the quoted scalar read last. */
  #quoteEnd = 0;
  readonly #hashes: NextOccurrence;
  readonly #colons: NextOccurrence;

  constructor(text: string, maxDepth: number) {
    this.#text = text;
    this.#hashes = new NextOccurrence(text, '#');
    this.#colons = new NextOccurrence(text, ':');
    // The decoder recurses per level: past a few hundred levels (only a raised --max-depth
    // allows them) it leaves the document to js-yaml rather than risk the call stack.
    this.#maxDepth = Math.min(maxDepth, MAX_RECURSION);
  }

  document(): unknown {
    if (!this.#peek()) throw UNSUPPORTED;
    // Content on the first line of a slice may follow a `---` marker, at a column not its own.
    if (this.#indent > 0 && this.#lineStart === 0) throw UNSUPPORTED;
    const value = this.#collection(1);
    if (this.#peek()) throw UNSUPPORTED;
    return value;
  }

  /** The current line's indentation. */
  get #indent(): number {
    return this.#contentStart - this.#lineStart;
  }

  /** Makes the line starting at `start` the current one; false when it is blank. */
  #readLine(start: number): boolean {
    const text = this.#text;
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    let content = start;
    while (content < end && text.charCodeAt(content) === SPACE) content++;
    this.#lineStart = start;
    this.#contentStart = content;
    this.#lineEnd = end;
    return content < end;
  }

  /** Finds the next line with content, skipping blank and comment lines; false at the end. */
  #peek(): boolean {
    if (this.#hasLine) return true;
    const length = this.#text.length;
    for (let at = this.#next; at < length; at = this.#lineEnd + 1) {
      if (this.#readLine(at) && this.#text.charCodeAt(this.#contentStart) !== HASH) {
        this.#next = at;
        this.#hasLine = true;
        return true;
      }
    }
    this.#next = length;
    return false;
  }

  #consume(): void {
    this.#next = this.#lineEnd + 1;
    this.#hasLine = false;
  }

  #isSequenceItem(at: number): boolean {
    return (
      this.#text.charCodeAt(at) === DASH &&
      (at + 1 === this.#lineEnd || this.#text.charCodeAt(at + 1) === SPACE)
    );
  }

  /** The block collection that starts on the current line. */
  #collection(depth: number): unknown {
    // js-yaml counts every node against maxDepth; near the limit it decides, and says so.
    if (depth + 1 >= this.#maxDepth) throw UNSUPPORTED;
    if (this.#isSequenceItem(this.#contentStart)) return this.#sequence(this.#indent, depth);
    return this.#mapping(this.#indent, this.#contentStart, depth);
  }

  /** A block mapping at `indent` whose first key starts at `keyStart` on the current line. */
  #mapping(indent: number, keyStart: number, depth: number): Record<string, unknown> {
    const object: Record<string, unknown> = {};
    for (;;) {
      this.#entry(object, indent, keyStart, depth);
      if (!this.#peek() || this.#indent < indent) return object;
      if (this.#indent > indent || this.#isSequenceItem(this.#contentStart)) throw UNSUPPORTED;
      keyStart = this.#contentStart;
    }
  }

  #entry(object: Record<string, unknown>, indent: number, keyStart: number, depth: number): void {
    const colon = this.#keyColon(keyStart);
    if (colon === -1) throw UNSUPPORTED;
    const key = this.#key(keyStart, colon);
    // A duplicate key: the fallback keeps the last value, as kubectl does, and reports it.
    if (Object.hasOwn(object, key)) throw UNSUPPORTED;
    const at = this.#skipSpaces(colon + 1);
    if (at === this.#lineEnd || this.#text.charCodeAt(at) === HASH) {
      this.#consume();
      object[key] = this.#blockValue(indent, true, depth + 1);
    } else {
      object[key] = this.#inlineValue(at, indent);
    }
  }

  /**
   * The `:` that ends a key starting at `at` on the current line, or -1 when the content there is
   * not a key this decoder reads (a scalar, or a key it leaves to js-yaml).
   */
  #keyColon(at: number): number {
    const text = this.#text;
    const first = text.charCodeAt(at);
    if (first === DOUBLE_QUOTE || first === SINGLE_QUOTE) {
      if (!this.#quotedEndsOnLine(at)) return -1;
      const colon = this.#quoteEnd;
      return text.charCodeAt(colon) === COLON && this.#endsToken(colon + 1) ? colon : -1;
    }
    if (!this.#mayStartPlain(at)) return -1;
    const comment = this.#commentStart(at);
    for (let colon = this.#colons.from(at); colon < comment; colon = this.#colons.from(colon + 1)) {
      if (this.#endsToken(colon + 1)) return text.charCodeAt(colon - 1) === SPACE ? -1 : colon;
    }
    return -1;
  }

  /** Where a comment starts on the current line after `at` (a `#` after a space), or its end. */
  #commentStart(at: number): number {
    const end = this.#lineEnd;
    for (let hash = this.#hashes.from(at); hash < end; hash = this.#hashes.from(hash + 1)) {
      if (this.#text.charCodeAt(hash - 1) === SPACE) return hash - 1;
    }
    return end;
  }

  /** Whether `at` is the end of the line or a space: what must follow a key's `:` or a `-`. */
  #endsToken(at: number): boolean {
    return at === this.#lineEnd || this.#text.charCodeAt(at) === SPACE;
  }

  #key(start: number, colon: number): string {
    const text = this.#text;
    const first = text.charCodeAt(start);
    if (first === DOUBLE_QUOTE || first === SINGLE_QUOTE) return this.#quoted(start);
    const key = text.slice(start, colon);
    // js-yaml defines `__proto__` as an own property and `<<` merges; keys that decode to a
    // boolean, null or number would be stringified (`yes` → "true"): all left to js-yaml.
    if (key === '__proto__' || key === '<<' || resolvePlainScalar(key) !== key) {
      throw UNSUPPORTED;
    }
    return key;
  }

  /**
   * The value of a key (or item) with nothing after its `:` (or `-`): what the next deeper line
   * holds, a collection or a scalar; a compact sequence; or null.
   */
  #blockValue(indent: number, compactSequence: boolean, depth: number): unknown {
    if (!this.#peek()) return null;
    if (this.#indent > indent) {
      const at = this.#contentStart;
      if (this.#isSequenceItem(at) || this.#keyColon(at) !== -1) return this.#collection(depth);
      return this.#inlineValue(at, indent);
    }
    if (compactSequence && this.#indent === indent && this.#isSequenceItem(this.#contentStart)) {
      return this.#sequence(indent, depth);
    }
    return null;
  }

  /** A block sequence at `indent`; the current line is its first item. */
  #sequence(indent: number, depth: number): unknown[] {
    const items: unknown[] = [];
    for (;;) {
      const at = this.#skipSpaces(this.#contentStart + 1);
      if (at === this.#lineEnd || this.#text.charCodeAt(at) === HASH) {
        this.#consume();
        items.push(this.#blockValue(indent, false, depth + 1));
        // After an empty item, js-yaml takes a less indented `-` line as this sequence's next
        // item (it skips its indentation check there): left to it.
        if (this.#peek() && this.#indent < indent && this.#isSequenceItem(this.#contentStart)) {
          throw UNSUPPORTED;
        }
      } else if (this.#isSequenceItem(at)) {
        throw UNSUPPORTED;
      } else if (this.#keyColon(at) !== -1) {
        if (depth + 2 >= this.#maxDepth) throw UNSUPPORTED;
        items.push(this.#mapping(at - this.#lineStart, at, depth + 1));
      } else {
        items.push(this.#inlineValue(at, indent));
      }
      if (!this.#peek() || this.#indent < indent) return items;
      if (this.#indent > indent) throw UNSUPPORTED;
      // A line at the sequence's indentation that is not an item ends a compact sequence; the
      // mapping around it reads that line (and anything else refuses it).
      if (!this.#isSequenceItem(this.#contentStart)) return items;
    }
  }

  /** A value that starts at `at` on the current line, in a collection at `indent`. */
  #inlineValue(at: number, indent: number): unknown {
    const text = this.#text;
    const first = text.charCodeAt(at);
    let value: unknown;
    if (first === PIPE || first === GREATER) return this.#blockScalar(at, indent);
    if (first === DOUBLE_QUOTE || first === SINGLE_QUOTE) {
      value = this.#quoted(at);
      if (!this.#restIsBlank(this.#quoteEnd)) throw UNSUPPORTED;
    } else if (first === OPEN_BRACKET) {
      value = this.#flowSequence(at);
    } else if (first === OPEN_BRACE) {
      // Only the empty flow mapping; others are left to js-yaml.
      const close = this.#skipSpaces(at + 1);
      if (text.charCodeAt(close) !== CLOSE_BRACE || !this.#restIsBlank(close + 1))
        throw UNSUPPORTED;
      value = {};
    } else {
      value = this.#plainScalar(at, indent);
    }
    this.#consume();
    // A deeper line after a scalar is an error (or a comment ended a plain scalar before it).
    if (this.#peek() && this.#indent > indent) throw UNSUPPORTED;
    return value;
  }

  /**
   * A flow sequence of scalars on one line, the flow style manifests use (`args: ["-c", "x"]`).
   * Nested collections, pairs, comments, a trailing comma or more lines: left to js-yaml.
   */
  #flowSequence(at: number): unknown[] {
    const text = this.#text;
    const lineEnd = this.#lineEnd;
    const items: unknown[] = [];
    let pos = this.#skipSpaces(at + 1);
    if (text.charCodeAt(pos) !== CLOSE_BRACKET) {
      for (;;) {
        const first = text.charCodeAt(pos);
        if (first === DOUBLE_QUOTE || first === SINGLE_QUOTE) {
          items.push(this.#quoted(pos));
          if (this.#quoteEnd > lineEnd) throw UNSUPPORTED;
          pos = this.#quoteEnd;
        } else {
          let end = pos;
          while (end < lineEnd && !FLOW_PLAIN_END.has(text.charCodeAt(end))) end++;
          const item = text.slice(pos, end).trimEnd();
          // In flow, `-` or `?` followed by a flow indicator does not start a plain scalar.
          const flowFollows = FLOW_PLAIN_END.has(text.charCodeAt(pos + 1));
          if (
            item === '' ||
            !this.#mayStartPlain(pos) ||
            (PLAIN_IF_FOLLOWED.has(first) && flowFollows)
          ) {
            throw UNSUPPORTED;
          }
          items.push(resolvePlainScalar(item));
          pos = end;
        }
        pos = this.#skipSpaces(pos);
        const separator = text.charCodeAt(pos);
        if (separator === CLOSE_BRACKET) break;
        if (separator !== COMMA) throw UNSUPPORTED;
        pos = this.#skipSpaces(pos + 1);
        if (text.charCodeAt(pos) === CLOSE_BRACKET) throw UNSUPPORTED;
      }
    }
    if (!this.#restIsBlank(pos + 1)) throw UNSUPPORTED;
    return items;
  }

  #mayStartPlain(at: number): boolean {
    const first = this.#text.charCodeAt(at);
    if (PLAIN_IF_FOLLOWED.has(first)) return !this.#endsToken(at + 1);
    return !NOT_PLAIN_START.has(first);
  }

  /**
   * A plain scalar from `at`, in a collection at `indent`, resolved by the schema. Lines deeper
   * than the collection continue it: js-yaml folds them in with a space (a newline per blank line
   * between), each trimmed. A comment ends it.
   */
  #plainScalar(at: number, indent: number): unknown {
    if (!this.#mayStartPlain(at)) throw UNSUPPORTED;
    const comment = this.#commentStart(at);
    let value = this.#plainLine(at, comment);
    if (comment === this.#lineEnd) value = this.#plainContinuation(value, indent);
    return resolvePlainScalar(value);
  }

  /** One line of a plain scalar, from `at` to `end`, trimmed. */
  #plainLine(at: number, end: number): string {
    while (this.#text.charCodeAt(end - 1) === SPACE) end--;
    const line = this.#text.slice(at, end);
    // `: ` inside or a final `:` would make it a key: an error js-yaml reports.
    if (line.includes(': ') || line.charCodeAt(line.length - 1) === COLON) throw UNSUPPORTED;
    return line;
  }

  /**
   * Folds the lines deeper than `indent` that follow the current line into a plain scalar, and
   * leaves the current line at the last of them.
   */
  #plainContinuation(value: string, indent: number): string {
    const length = this.#text.length;
    let lastStart = this.#lineStart;
    let lastEnd = this.#lineEnd;
    let breaks = 1;
    for (let line = lastEnd + 1; line < length; line = this.#lineEnd + 1) {
      if (!this.#readLine(line)) {
        breaks++;
        continue;
      }
      if (this.#indent <= indent) break;
      const content = this.#contentStart;
      // A comment after a line break ends the scalar; what follows is left to js-yaml.
      if (
        this.#text.charCodeAt(content) === HASH ||
        this.#commentStart(content) !== this.#lineEnd
      ) {
        throw UNSUPPORTED;
      }
      value += foldedBreaks(breaks) + this.#plainLine(content, this.#lineEnd);
      lastStart = this.#lineStart;
      lastEnd = this.#lineEnd;
      breaks = 1;
    }
    // The scalar's last line is the current one again: the caller consumes it.
    this.#lineStart = lastStart;
    this.#lineEnd = lastEnd;
    return value;
  }

  /** Whether a quoted scalar starting at `at` closes on its line; sets #quoteEnd when it does. */
  #quotedEndsOnLine(at: number): boolean {
    const text = this.#text;
    const quote = text.charAt(at);
    let close = text.indexOf(quote, at + 1);
    // In single quotes, `''` is an escaped quote.
    while (quote === "'" && close !== -1 && text.charCodeAt(close + 1) === SINGLE_QUOTE) {
      close = text.indexOf(quote, close + 2);
    }
    if (close === -1 || close > this.#lineEnd) return false;
    this.#quoteEnd = close + 1;
    return true;
  }

  /**
   * A quoted scalar. One on a single line without escapes is a slice; others are read character
   * by character, as js-yaml reads them.
   */
  #quoted(at: number): string {
    if (this.#quotedEndsOnLine(at)) {
      const raw = this.#text.slice(at + 1, this.#quoteEnd - 1);
      if (this.#text.charCodeAt(at) === SINGLE_QUOTE) return raw.replaceAll("''", "'");
      if (!raw.includes('\\')) return raw;
    }
    return this.#quotedSlowly(at);
  }

  /**
   * A quoted scalar over any number of lines, with escapes: line breaks fold as in plain scalars
   * (each line trimmed; js-yaml only warns about their indentation), and `\` at a line's end
   * joins it to the next. Leaves the current line at the closing quote's.
   */
  #quotedSlowly(at: number): string {
    const text = this.#text;
    const length = text.length;
    const quote = text.charCodeAt(at);
    let result = '';
    let pos = at + 1;
    let captureStart = pos;
    let captureEnd = pos;
    for (;;) {
      // An unterminated scalar: js-yaml's error to report.
      if (pos >= length) throw UNSUPPORTED;
      const ch = text.charCodeAt(pos);
      if (ch === quote) {
        result += text.slice(captureStart, pos);
        pos++;
        if (quote === DOUBLE_QUOTE || text.charCodeAt(pos) !== SINGLE_QUOTE) break;
        // `''`: the second quote starts the next piece.
        captureStart = pos;
        captureEnd = ++pos;
      } else if (ch === BACKSLASH && quote === DOUBLE_QUOTE) {
        result += text.slice(captureStart, pos);
        const escape = text.charCodeAt(pos + 1);
        if (escape === NEWLINE) {
          pos = this.#skipLineBreaks(pos + 1).at;
        } else if (ESCAPES.has(escape)) {
          result += ESCAPES.get(escape) ?? '';
          pos += 2;
        } else {
          const digits = HEX_ESCAPE_LENGTH.get(escape);
          const hex = digits === undefined ? '' : text.slice(pos + 2, pos + 2 + digits);
          if (hex.length !== digits || !HEX_DIGITS.test(hex)) throw UNSUPPORTED;
          const code = parseInt(hex, 16);
          if (code > 0x10ffff) throw UNSUPPORTED;
          result += String.fromCodePoint(code);
          pos += 2 + hex.length;
        }
        captureStart = captureEnd = pos;
      } else if (ch === NEWLINE) {
        result += text.slice(captureStart, captureEnd);
        const skipped = this.#skipLineBreaks(pos);
        result += foldedBreaks(skipped.breaks);
        pos = captureStart = captureEnd = skipped.at;
      } else {
        pos++;
        if (ch !== SPACE) captureEnd = pos;
      }
    }
    this.#quoteEnd = pos;
    const lineEnd = text.indexOf('\n', pos);
    this.#lineStart = text.lastIndexOf('\n', pos - 1) + 1;
    this.#lineEnd = lineEnd === -1 ? length : lineEnd;
    return result;
  }

  /** From a line break at `at`: how many line breaks follow (blank lines), and where content resumes. */
  #skipLineBreaks(at: number): { breaks: number; at: number } {
    const text = this.#text;
    let breaks = 0;
    while (text.charCodeAt(at) === NEWLINE) {
      breaks++;
      at++;
      while (text.charCodeAt(at) === SPACE) at++;
    }
    return { breaks, at };
  }

  /** Whether only spaces, then the line's end or a comment, follow `at`. */
  #restIsBlank(at: number): boolean {
    const after = this.#skipSpaces(at);
    if (after === this.#lineEnd) return true;
    return this.#text.charCodeAt(after) === HASH && after > at;
  }

  #skipSpaces(at: number): number {
    while (at < this.#lineEnd && this.#text.charCodeAt(at) === SPACE) at++;
    return at;
  }

  /**
   * A literal (`|`) or folded (`>`) block scalar whose header is at `at`, in a collection at
   * `indent`. Follows js-yaml's readBlockScalar line for line: the first content line sets the
   * indentation, blank lines count until the next content line, and chomping applies at the
   * first less-indented line (or the end of the text).
   */
  #blockScalar(at: number, indent: number): string {
    const text = this.#text;
    const folding = text.charCodeAt(at) === GREATER;
    let header = at + 1;
    let chomping: Chomping = 'clip';
    const indicator = text.charCodeAt(header);
    if (indicator === DASH || indicator === PLUS) {
      chomping = indicator === DASH ? 'strip' : 'keep';
      header++;
    }
    // An indentation indicator, or anything but a comment after the header: left to js-yaml.
    if (!this.#restIsBlank(header)) throw UNSUPPORTED;
    this.#consume();

    const length = text.length;
    let textIndent = indent + 1;
    let detected = false;
    let didReadContent = false;
    let moreIndented = false;
    let emptyLines = 0;
    let result = '';
    let line = this.#next;
    for (;;) {
      let at = line;
      let lineIndent = 0;
      while ((!detected || lineIndent < textIndent) && text.charCodeAt(at) === SPACE) {
        lineIndent++;
        at++;
      }
      if (!detected && lineIndent > textIndent) textIndent = lineIndent;
      // Past the last line, the text reads as a line with content and no indentation: the
      // scalar ends. (A last line of spaces is blank: js-yaml adds the final newline.)
      const atEnd = line >= length;
      let end = atEnd ? length : text.indexOf('\n', at);
      if (end === -1) end = length;
      if (!atEnd && at === end) {
        emptyLines++;
        line = end + 1;
        continue;
      }
      // Line breaks kept before this line: all but the header's.
      const kept = didReadContent ? 1 + emptyLines : emptyLines;
      if (atEnd || lineIndent < textIndent) {
        if (chomping === 'keep') {
          result += '\n'.repeat(kept);
        } else if (chomping === 'clip' && didReadContent) {
          result += '\n';
        }
        break;
      }
      if (!folding) {
        result += '\n'.repeat(kept);
      } else if (text.charCodeAt(at) === SPACE) {
        // More-indented lines are not folded.
        moreIndented = true;
        result += '\n'.repeat(kept);
      } else if (moreIndented) {
        moreIndented = false;
        result += '\n'.repeat(emptyLines + 1);
      } else if (emptyLines === 0) {
        if (didReadContent) result += ' ';
      } else {
        result += '\n'.repeat(emptyLines);
      }
      didReadContent = true;
      detected = true;
      emptyLines = 0;
      result += text.slice(at, end);
      line = end + 1;
    }
    // Reading resumes at the line that ended the scalar.
    this.#next = Math.min(line, length);
    this.#hasLine = false;
    return result;
  }
}
