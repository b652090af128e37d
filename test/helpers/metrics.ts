// Reading figures out of the Prometheus text /metrics answers, for assertions.

/**
 * The value of the sample `name` whose labels include `labels` (undefined when there is none);
 * when several match, their sum (e.g. every status of one route).
 */
export function metricValue(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  let total: number | undefined;
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const present = new Map([...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map(([, key, value]) => [key!, value!]));
    if (Object.entries(labels).every(([key, value]) => present.get(key) === value)) total = (total ?? 0) + Number(match[3]);
  }
  return total;
}

/** The label sets of the samples of `name`, for checking what labels exist. */
export function labelSets(text: string, name: string): Array<Record<string, string>> {
  const sets: Array<Record<string, string>> = [];
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)\{(.*)\} \S+$/.exec(line);
    if (match?.[1] === name) sets.push(Object.fromEntries([...match[2]!.matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map(([, key, value]) => [key!, value!])));
  }
  return sets;
}
