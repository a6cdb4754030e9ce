import type { FixOperation, ObjectPath } from '../../../engine/finding.ts';
import { asRecord } from './values.ts';

/**
 * One JSON-Patch-shaped operation that sets `path` to `value` inside `root`: `replace` when the
 * field exists, `add` when it does not, and when parents are missing (or are not objects, such as
 * an empty `securityContext:` that YAML reads as null) an `add`/`replace` of the nearest missing
 * parent carrying the nested value.
 * @example setField(pod, ['spec', 'securityContext', 'runAsNonRoot'], true)
 */
export function setField(root: unknown, path: ObjectPath, value: unknown): FixOperation {
  let current: unknown = root;
  let depth = 0;
  for (const segment of path) {
    depth++;
    const next = child(current, segment);
    if (depth === path.length) return { op: next === undefined ? 'add' : 'replace', path, value };
    if (typeof next !== 'object' || next === null) {
      return {
        op: next === undefined ? 'add' : 'replace',
        path: path.slice(0, depth),
        value: nest(path.slice(depth), value),
      };
    }
    current = next;
  }
  return { op: 'replace', path, value };
}

function child(parent: unknown, segment: string | number): unknown {
  if (Array.isArray(parent))
    return typeof segment === 'number' ? (parent as unknown[])[segment] : undefined;
  return asRecord(parent)?.[segment];
}

function nest(rest: ObjectPath, value: unknown): unknown {
  let out = value;
  for (let i = rest.length - 1; i >= 0; i--) out = { [String(rest[i])]: out };
  return out;
}

/** Removes one field or list item. */
export function removeField(path: ObjectPath): FixOperation {
  return { op: 'remove', path };
}
