/**
 * Escaping for every output format. Values in findings come from scanned manifests (object names,
 * annotations, image references), so each format treats them as hostile.
 */

const HTML_ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes a value for HTML text and quoted attribute values alike. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => HTML_ENTITIES[ch] ?? ch);
}

/** True for code points that XML 1.0 forbids even as character references. */
function isXmlForbidden(code: number): boolean {
  if (code === 0x09 || code === 0x0a || code === 0x0d) return false;
  return code < 0x20 || code === 0xfffe || code === 0xffff;
}

function escapeXml(value: string, attribute: boolean): string {
  let out = '';
  // toWellFormed() replaces lone surrogates, which XML cannot carry either.
  for (const ch of value.toWellFormed()) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '&') out += '&amp;';
    else if (ch === '<') out += '&lt;';
    else if (ch === '>') out += '&gt;';
    // Quotes only need escaping inside attribute values.
    else if (attribute && ch === '"') out += '&quot;';
    else if (attribute && ch === "'") out += '&apos;';
    else if (isXmlForbidden(code)) out += '\uFFFD';
    // Attribute-value normalisation would turn raw whitespace into spaces; references survive it.
    else if (attribute && (code === 0x09 || code === 0x0a || code === 0x0d)) out += `&#${code};`;
    else out += ch;
  }
  return out;
}

/** Escapes a value for XML character data (element content). */
export function escapeXmlText(value: string): string {
  return escapeXml(value, false);
}

/** Escapes a value for a double- or single-quoted XML attribute, keeping newlines and tabs. */
export function escapeXmlAttribute(value: string): string {
  return escapeXml(value, true);
}

const TERMINAL_NAMED: Readonly<Record<number, string>> = { 0x09: '\\t', 0x0a: '\\n', 0x0d: '\\r' };

/**
 * True for control characters, which could move the cursor or recolour a terminal, and for bidirectional
 * formatting characters, which could reorder what a reader sees ("Trojan Source").
 */
function isUnsafeForTerminal(code: number): boolean {
  return (
    code < 0x20 ||
    (code >= 0x7f && code <= 0x9f) ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069) ||
    code === 0x200e ||
    code === 0x200f ||
    code === 0x061c
  );
}

/**
 * Makes a value safe to print on one terminal line: control and bidi characters become visible escapes
 * (`\n`, `\u001b`), so a hostile object name can neither inject escape sequences nor break the layout.
 */
export function escapeTerminal(value: string): string {
  let out = '';
  for (const ch of value.toWellFormed()) {
    const code = ch.codePointAt(0) ?? 0;
    if (!isUnsafeForTerminal(code)) out += ch;
    else out += TERMINAL_NAMED[code] ?? `\\u${code.toString(16).padStart(4, '0')}`;
  }
  return out;
}
