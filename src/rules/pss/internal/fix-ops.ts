import type { FixOperation, ObjectPath, PathSegment } from '../../../engine/finding.ts';

function child(value: unknown, segment: PathSegment): unknown {
  if (Array.isArray(value)) return typeof segment === 'number' ? value[segment] : undefined;
  if (typeof value === 'object' && value !== null) {
    return (value as Record<string, unknown>)[String(segment)];
  }
  return undefined;
}

function isContainer(value: unknown): boolean {
  return typeof value === 'object' && value !== null;
}

function nest(rest: readonly PathSegment[], value: unknown): unknown {
  let nested = value;
  for (let i = rest.length - 1; i >= 0; i--) nested = { [String(rest[i])]: nested };
  return nested;
}

/**
 * The edit that makes `path` (inside `root`) hold `value`: `replace` when it exists, else an
 * `add` at the first missing segment with the rest of the path nested in the value, so the
 * operation is valid JSON Patch even when parents such as `securityContext` are missing.
 */
export function setValue(root: unknown, path: ObjectPath, value: unknown): FixOperation {
  let current = root;
  for (const [i, segment] of path.entries()) {
    const next = child(current, segment);
    const last = i === path.length - 1;
    if (next === undefined) {
      return { op: 'add', path: path.slice(0, i + 1), value: nest(path.slice(i + 1), value) };
    }
    if (last) return { op: 'replace', path, value };
    if (!isContainer(next)) {
      return { op: 'replace', path: path.slice(0, i + 1), value: nest(path.slice(i + 1), value) };
    }
    current = next;
  }
  return { op: 'replace', path, value };
}

/** Removes the value at `path`. */
export function removeValue(path: ObjectPath): FixOperation {
  return { op: 'remove', path };
}

/** Whether `path` exists inside `root`. */
export function exists(root: unknown, path: ObjectPath): boolean {
  let current = root;
  for (const segment of path) {
    current = child(current, segment);
    if (current === undefined) return false;
  }
  return true;
}

/** The value at `path` inside `root`, if any. */
export function valueAt(root: unknown, path: ObjectPath): unknown {
  let current = root;
  for (const segment of path) current = child(current, segment);
  return current;
}
