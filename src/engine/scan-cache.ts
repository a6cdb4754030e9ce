/**
 * Per-run caches for values derived from one object (its pod spec, its containers, its Pod
 * Security evaluation), emptied when `runRules` finishes.
 *
 * Module-level WeakMaps keyed by objects did the same job, but in the webhook they kept every
 * review's derived values reachable across young-generation collections: ~3.5 MB/s was promoted
 * to the old generation at 500 reviews/s, and the process grew steadily until a full collection.
 * Emptied after each run, these entries die young with the review they belong to.
 */
const caches = new Set<Map<unknown, unknown>>();

export function scanCache<K, V>(): Map<K, V> {
  const cache = new Map<K, V>();
  caches.add(cache);
  return cache;
}

/** Forgets every cached value (the engine calls this when a run ends). */
export function clearScanCaches(): void {
  for (const cache of caches) cache.clear();
}
