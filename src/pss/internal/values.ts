/** Readers for untrusted YAML values: a value of the wrong type counts as absent. */

export type Rec = Readonly<Record<string, unknown>>;

export function asRecord(value: unknown): Rec | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Rec)
    : undefined;
}

const EMPTY: readonly unknown[] = [];

export function asArray(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : EMPTY;
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** A Go `*T` field is non-nil: present and not null (whatever its content). */
export function isSet(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/** Go's zero value for a string field. */
export function stringOrEmpty(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
