import type { PathSegment } from '../engine/finding.ts';
import { LIMITS } from './limits.ts';

/** A string found while walking a parsed document, with the name it sits under. */
export interface StringLeaf {
  path: PathSegment[];
  /** The map key above the string; for `{ name: X, value: "…" }` items (env vars), `X`. */
  name: string | undefined;
  value: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Every string in a JSON-like value, depth-first, within the engine's bounds (depth 64,
 * 100 000 nodes, strings up to 1 MiB). `{ name, value }` pairs are reported under `name`, so an
 * env var list inside a stored manifest is judged by variable name.
 */
export function collectStrings(root: unknown): StringLeaf[] {
  const leaves: StringLeaf[] = [];
  const stack: { value: unknown; path: PathSegment[]; name: string | undefined }[] = [
    { value: root, path: [], name: undefined },
  ];
  let visited = 0;
  while (stack.length > 0 && visited < LIMITS.maxNodes) {
    const item = stack.pop();
    if (item === undefined) break;
    visited++;
    const { value, path, name } = item;
    if (typeof value === 'string') {
      if (value.length <= LIMITS.maxValueLength) leaves.push({ path, name, value });
      continue;
    }
    if (path.length >= LIMITS.maxDepth) continue;
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--)
        stack.push({ value: value[i], path: [...path, i], name });
      continue;
    }
    if (!isRecord(value)) continue;
    const pairName =
      typeof value.name === 'string' && typeof value.value === 'string' ? value.name : undefined;
    const entries = Object.entries(value);
    for (let i = entries.length - 1; i >= 0; i--) {
      const entry = entries[i];
      if (entry === undefined) continue;
      const [key, child] = entry;
      const childName = key === 'value' && pairName !== undefined ? pairName : key;
      stack.push({ value: child, path: [...path, key], name: childName });
    }
  }
  return leaves;
}
