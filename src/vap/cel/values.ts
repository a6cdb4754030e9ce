import { isRecord } from '../../model/kube-object.ts';

/** Deepest JSON nesting converted; deeper input is cut (objects from files are already depth-bounded). */
const MAX_DEPTH = 512;

/**
 * Converts a JSON value (as parsed from YAML/JSON) to the values cel-js evaluates: integral
 * numbers become `bigint` (CEL `int`, as Kubernetes reads int64 fields), other numbers stay
 * `number` (CEL `double`); objects are copied so that CEL never sees prototypes or getters.
 */
export function toCel(value: unknown, depth = 0): unknown {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? BigInt(value) : value;
  if (value === null || typeof value !== 'object') return value ?? null;
  if (depth > MAX_DEPTH) return null;
  if (Array.isArray(value)) return value.map((item) => toCel(item, depth + 1));
  if (!isRecord(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (item !== undefined) out[key] = toCel(item, depth + 1);
  }
  return out;
}

const cache = new WeakMap<object, unknown>();

/** `toCel` for objects shared across many evaluations (the scanned object, params, namespaces). */
export function toCelCached(value: object): unknown {
  let converted = cache.get(value);
  if (converted === undefined) {
    converted = toCel(value);
    cache.set(value, converted);
  }
  return converted;
}

/** Renders a CEL value for a message (CEL `string()`-like; lists and maps as JSON). */
export function celToText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'bigint' || typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  if (value === null || value === undefined) return 'null';
  return JSON.stringify(value, (_key, item: unknown) =>
    typeof item === 'bigint' ? Number(item) : item,
  );
}

/** The CEL type name of a value, for error messages. */
export function celTypeName(value: unknown): string {
  if (value === null || value === undefined) return 'null_type';
  if (typeof value === 'bigint') return 'int';
  if (typeof value === 'number') return 'double';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'bool';
  if (Array.isArray(value)) return 'list';
  if (value instanceof Uint8Array) return 'bytes';
  if (isRecord(value) || value instanceof Map) return 'map';
  return typeof value === 'object' ? value.constructor.name : typeof value;
}
