/** Readers for untrusted YAML values: types are claims, so a value of the wrong type counts as absent. */

export type Rec = Readonly<Record<string, unknown>>;

const EMPTY: readonly unknown[] = [];

export function asRecord(value: unknown): Rec | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Rec)
    : undefined;
}

export function asArray(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : EMPTY;
}

/** A field the API server would treat as set: present and not null. */
export function isSet(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/** Strings of a list, skipping entries of any other type. */
export function stringsOf(value: unknown): string[] {
  const out: string[] = [];
  for (const item of asArray(value)) if (typeof item === 'string') out.push(item);
  return out;
}

/** `"a", "b"` for messages. */
export function quoteList(names: readonly string[]): string {
  return names.map((n) => `"${n}"`).join(', ');
}
