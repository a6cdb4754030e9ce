const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

/**
 * Exactly `JSON.stringify(value, null, 2)`, several times faster on large reports. V8 serialises
 * without a `space` argument on a fast path that pretty-printing cannot take (a 17 MB report took
 * ~3× longer indented), so this serialises compactly and then indents the text in one pass.
 * Compact JSON has no whitespace outside strings, which makes the pass a simple token walk.
 */
export function prettyJson(value: unknown): string {
  const compact = JSON.stringify(value);
  // JSON.stringify returns undefined for undefined, functions and symbols; keep that contract.
  if (compact === undefined) return compact as unknown as string;
  const breaks: string[] = ['\n'];
  const lineBreak = (depth: number): string => (breaks[depth] ??= `\n${'  '.repeat(depth)}`);
  let out = '';
  let depth = 0;
  // Start of the pending run of characters copied unchanged.
  let run = 0;
  const length = compact.length;
  for (let i = 0; i < length; i++) {
    const ch = compact.charCodeAt(i);
    if (ch === QUOTE) {
      i = closingQuote(compact, i);
      continue;
    }
    if (ch === OPEN_BRACE || ch === OPEN_BRACKET) {
      const next = compact.charCodeAt(i + 1);
      // Empty collections stay `{}` and `[]`, as JSON.stringify prints them.
      if (next === CLOSE_BRACE || next === CLOSE_BRACKET) {
        i++;
        continue;
      }
      depth++;
      out += compact.slice(run, i + 1) + lineBreak(depth);
      run = i + 1;
    } else if (ch === CLOSE_BRACE || ch === CLOSE_BRACKET) {
      depth--;
      out += compact.slice(run, i) + lineBreak(depth);
      run = i;
    } else if (ch === COMMA) {
      out += compact.slice(run, i + 1) + lineBreak(depth);
      run = i + 1;
    } else if (ch === COLON) {
      out += `${compact.slice(run, i + 1)} `;
      run = i + 1;
    }
  }
  return out + compact.slice(run);
}

/** Index of the quote that closes the string opening at `open` (escaped quotes skipped). */
function closingQuote(text: string, open: number): number {
  let at = text.indexOf('"', open + 1);
  while (at !== -1) {
    let backslashes = 0;
    while (text.charCodeAt(at - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return at;
    at = text.indexOf('"', at + 1);
  }
  return text.length;
}
