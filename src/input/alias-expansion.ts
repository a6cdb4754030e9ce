/**
 * Sizes of a decoded document: `written` counts collections and their entries once (aliases share
 * objects, as js-yaml decodes them), `expanded` counts them as a tree walk (or JSON encoder) would
 * meet them. A large ratio is an alias bomb. Memoised per object, so it runs in the written size.
 */
export function aliasExpansion(root: unknown): { written: number; expanded: number } {
  const memo = new Map<object, number>();
  let written = 0;
  const size = (value: unknown): number => {
    if (typeof value !== 'object' || value === null) return 1;
    const known = memo.get(value);
    if (known !== undefined) return known;
    const children = Array.isArray(value) ? (value as unknown[]) : Object.values(value);
    written += 1 + children.length;
    let total = 1;
    for (const child of children) total += size(child);
    memo.set(value, total);
    return total;
  };
  const expanded = size(root);
  return { written, expanded };
}
