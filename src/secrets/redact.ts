/**
 * A printable stand-in for a secret: at most its first 4 characters (a quarter of a short value,
 * so a short password is never shown whole) followed by a fixed mask that hides the length.
 * @example redact('correct-horse-battery') // 'corr****'
 */
export function redact(value: string): string {
  const chars: string[] = [];
  for (const char of value) {
    chars.push(char);
    if (chars.length >= 16) break;
  }
  const keep = Math.min(4, Math.floor(chars.length / 4));
  return `${chars.slice(0, keep).join('')}****`;
}
