/**
 * Maps `items` through `fn` with at most `limit` calls in flight, keeping the input order: the API
 * server under test shares two cores with the test runner, so a flood of requests would only queue.
 * @example const statuses = await mapLimit(pods, 8, (pod) => dryRunCreate(cluster, pod));
 */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
