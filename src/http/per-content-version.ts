// Values derived from the content (counts for the navigation, totals of lists) computed once per
// content version instead of on every page rendered: a miss must not count 100,000 articles.
/**
 * `compute`, remembered while `currentVersion` answers the same. Requests that arrive while it
 * computes share that computation. The version is read before the value, so a value is never kept
 * under a version newer than the content it was read from.
 */
export function perContentVersion<T>(currentVersion: () => Promise<number>, compute: () => Promise<T>): () => Promise<T> {
  let kept: { version: number; value: Promise<T> } | undefined;
  return async () => {
    const version = await currentVersion();
    if (kept?.version !== version) {
      const value = compute();
      kept = { version, value };
      // A failed computation is not remembered: the next request tries again.
      value.catch(() => {
        if (kept?.value === value) kept = undefined;
      });
    }
    return kept.value;
  };
}
