import { LIMITS } from './limits.ts';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const BASE64URL = /^[A-Za-z0-9_-]*={0,2}$/;
const WHITESPACE = /\s+/g;
const UTF8 = new TextDecoder('utf-8', { fatal: true });
/** Control characters other than tab, line feed and carriage return: the mark of binary data. */
// eslint-disable-next-line no-control-regex
const BINARY = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/**
 * Decodes standard base64 (whitespace ignored) after checking its alphabet, padding and size;
 * undefined for anything else, so garbage never reaches `Buffer.from`.
 */
export function decodeBase64(
  value: string,
  maxBytes: number = LIMITS.maxValueLength,
): Buffer | undefined {
  const maxChars = Math.ceil(maxBytes / 3) * 4;
  // Line breaks may at most double the text (76-column MIME wrapping adds far less).
  if (value.length > maxChars * 2) return undefined;
  const compact = value.replace(WHITESPACE, '');
  if (compact.length > maxChars || compact.length % 4 !== 0 || !BASE64.test(compact)) {
    return undefined;
  }
  return Buffer.from(compact, 'base64');
}

/** Decodes base64url (JWT segments; padding optional). */
export function decodeBase64Url(
  value: string,
  maxBytes: number = LIMITS.maxValueLength,
): Buffer | undefined {
  if (value.length > Math.ceil(maxBytes / 3) * 4 || !BASE64URL.test(value)) return undefined;
  if (value.length % 4 === 1) return undefined;
  return Buffer.from(value, 'base64url');
}

/** UTF-8 text of bytes, or undefined when they are not valid UTF-8 or contain binary control codes. */
export function bytesToText(bytes: Uint8Array): string | undefined {
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    return undefined;
  }
  return BINARY.test(text) ? undefined : text;
}

/** The text a base64 value encodes, when it is valid base64 of UTF-8 text. */
export function decodeBase64Text(value: string): string | undefined {
  const bytes = decodeBase64(value);
  return bytes === undefined ? undefined : bytesToText(bytes);
}
