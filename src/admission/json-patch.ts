import type { FixOperation } from '../engine/finding.ts';
import type { JsonPatchOperation } from './review.ts';

/** RFC 6901 pointer for a path (`~` → `~0`, `/` → `~1`). */
export function jsonPointer(path: readonly (string | number)[]): string {
  return path
    .map((segment) => `/${String(segment).replaceAll('~', '~0').replaceAll('/', '~1')}`)
    .join('');
}

/**
 * Fix operations as an RFC 6902 JSON Patch. Operations on the same path keep the first; an `add`
 * under a path another `add` creates is folded into it, since the parent does not exist yet.
 */
export function toJsonPatch(operations: readonly FixOperation[]): JsonPatchOperation[] {
  const patch: JsonPatchOperation[] = [];
  const seen = new Set<string>();
  for (const operation of operations) {
    const path = jsonPointer(operation.path);
    if (seen.has(path)) continue;
    const parentAdd = patch.find((p) => p.op === 'add' && path.startsWith(`${p.path}/`));
    if (parentAdd !== undefined && operation.op === 'add' && isPlainObject(parentAdd.value)) {
      setIn(parentAdd.value, operation.path.slice(pathLength(parentAdd.path)), operation.value);
      continue;
    }
    seen.add(path);
    // Cloned: folding later operations into it must not touch the rule's own value.
    patch.push(
      operation.op === 'remove'
        ? { op: 'remove', path }
        : { op: operation.op, path, value: structuredClone(operation.value) },
    );
  }
  return patch;
}

function pathLength(pointer: string): number {
  return pointer.split('/').length - 1;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function setIn(
  target: Record<string, unknown>,
  path: readonly (string | number)[],
  value: unknown,
): void {
  let current = target;
  path.forEach((segment, i) => {
    const key = String(segment);
    if (i === path.length - 1) {
      current[key] = value;
      return;
    }
    const next = current[key];
    if (!isPlainObject(next)) current[key] = {};
    current = current[key] as Record<string, unknown>;
  });
}
