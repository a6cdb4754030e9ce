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

// Characters that may need a change (surrogates included: a lone one must be replaced). Most
// values have none, and returning them untouched spares any copy.
/* eslint-disable no-control-regex -- these patterns exist to find control characters */
const XML_TEXT_SPECIAL = /[&<>\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/;
const XML_ATTRIBUTE_SPECIAL = /[&<>"'\u0000-\u001f\ud800-\udfff\ufffe\uffff]/;
const XML_TEXT_REPLACED = /[&<>\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const XML_ATTRIBUTE_REPLACED = /[&<>"'\u0000-\u001f\ufffe\uffff]/g;
/* eslint-enable no-control-regex */

const XML_ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  // Attribute-value normalisation would turn raw whitespace into spaces; references survive it.
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

function escapeXml(value: string, attribute: boolean): string {
  if (!(attribute ? XML_ATTRIBUTE_SPECIAL : XML_TEXT_SPECIAL).test(value)) return value;
  // toWellFormed() replaces lone surrogates, which XML cannot carry either; characters XML 1.0
  // forbids even as references become U+FFFD too. (Quotes and whitespace reach the table only
  // from attribute values: the text pattern never matches them.) A pattern, not a loop that
  // appends character by character: that loop made a 12 MB JUnit report take 1.5 s.
  return value
    .toWellFormed()
    .replace(
      attribute ? XML_ATTRIBUTE_REPLACED : XML_TEXT_REPLACED,
      (ch) => XML_ENTITIES[ch] ?? '\uFFFD',
    );
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

// Every character isUnsafeForTerminal flags, plus surrogates (toWellFormed may change those).
const TERMINAL_SPECIAL =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\ud800-\udfff]/;

/**
 * Makes a value safe to print on one terminal line: control and bidi characters become visible escapes
 * (`\n`, `\u001b`), so a hostile object name can neither inject escape sequences nor break the layout.
 */
export function escapeTerminal(value: string): string {
  if (!TERMINAL_SPECIAL.test(value)) return value;
  let out = '';
  for (const ch of value.toWellFormed()) {
    const code = ch.codePointAt(0) ?? 0;
    if (!isUnsafeForTerminal(code)) out += ch;
    else out += TERMINAL_NAMED[code] ?? `\\u${code.toString(16).padStart(4, '0')}`;
  }
  return out;
}
