/** One YAML document's text inside its file. */
export interface DocumentSlice {
  /** 0-based index among the documents of the file. */
  index: number;
  /** Offset in the file of the first character of `text`. */
  start: number;
  text: string;
}

// A document marker is `---` or `...` at column 0 followed by whitespace or the end of the line.
// YAML forbids such a line inside any scalar (c-forbidden), so splitting on it never cuts a value
// in two, and each slice can be parsed (and re-parsed for positions) on its own.
const MARKER = /^(?:---|\.\.\.)(?=[ \t\r\n]|$)/gm;

/**
 * Splits a YAML stream into document texts without parsing it. Text after `---` on the marker line
 * (`--- !tag`, `--- {a: 1}`) belongs to the document that follows. Slices holding only comments
 * and whitespace are dropped, as kubectl drops empty documents.
 */
export function splitDocuments(text: string): DocumentSlice[] {
  const slices: DocumentSlice[] = [];
  let start = 0;
  const push = (end: number) => {
    const body = text.slice(start, end);
    if (hasContent(body)) slices.push({ index: slices.length, start, text: body });
  };
  for (const match of text.matchAll(MARKER)) {
    push(match.index);
    // Keep the marker out of the slice but keep the rest of its line (`--- !tag`, an inline node).
    start = match.index + match[0].length;
  }
  push(text.length);
  return slices;
}

// A line whose first non-blank character starts content (not a comment or a directive).
const CONTENT_LINE = /^[ \t]*[^\s#%]/m;

function hasContent(body: string): boolean {
  return CONTENT_LINE.test(body);
}
