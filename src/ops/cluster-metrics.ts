// Metrics summed over the cluster's workers. Whichever worker receives GET /metrics asks the
// primary, which collects every serving worker's figures over IPC and sums them with prom-client's
// AggregatorRegistry (counters and histograms add up; each metric may name another aggregator).
// The primary gathers only from workers already listening: one still starting has served nothing,
// and would not answer.
import cluster, { type Worker } from 'node:cluster';
import { AggregatorRegistry, type Registry } from 'prom-client';

// The primary waits this long for every worker; a worker waits a little longer for the primary.
const COLLECT_TIMEOUT_MS = 3000;
const SUM_TIMEOUT_MS = 4000;

type Message =
  | { type: 'zhaoshang:metrics-sum'; id: number }
  | { type: 'zhaoshang:metrics-summed'; id: number; text?: string; error?: string }
  | { type: 'zhaoshang:metrics-collect'; id: number }
  | { type: 'zhaoshang:metrics-collected'; id: number; metrics: object[] };

function isMessage<T extends Message['type']>(message: unknown, type: T): message is Extract<Message, { type: T }> {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === type;
}

/** The worker gave no figures in time, or the cluster could not sum them. */
export class ClusterMetricsError extends Error {
  override name = 'ClusterMetricsError';
}

let nextId = 0;

/**
 * In the primary: answers a worker's request for the sum of every serving worker's metrics.
 * `isServing` says whether a worker is listening yet.
 */
export function sumWorkerMetricsOnRequest(isServing: (worker: Worker) => boolean): void {
  const collecting = new Map<number, (worker: Worker, metrics: object[]) => void>();
  cluster.on('message', (worker, message: unknown) => {
    if (isMessage(message, 'zhaoshang:metrics-collected')) collecting.get(message.id)?.(worker, message.metrics);
    if (!isMessage(message, 'zhaoshang:metrics-sum')) return;
    const reply = (answer: { text: string } | { error: string }) => {
      if (worker.isConnected()) worker.send({ type: 'zhaoshang:metrics-summed', id: message.id, ...answer } satisfies Message);
    };
    const id = nextId++;
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined && w.isConnected() && isServing(w));
    const pending = new Set(workers.map((w) => w.id));
    const figures: object[][] = [];
    const timer = setTimeout(() => {
      collecting.delete(id);
      reply({ error: `${pending.size} of ${workers.length} workers gave no figures within ${COLLECT_TIMEOUT_MS} ms` });
    }, COLLECT_TIMEOUT_MS);
    collecting.set(id, (from, metrics) => {
      if (!pending.delete(from.id)) return;
      figures.push(metrics);
      if (pending.size > 0) return;
      clearTimeout(timer);
      collecting.delete(id);
      AggregatorRegistry.aggregate(figures)
        .metrics()
        .then(
          (text) => reply({ text }),
          (error: unknown) => reply({ error: String(error) }),
        );
    });
    for (const w of workers) w.send({ type: 'zhaoshang:metrics-collect', id } satisfies Message);
  });
}

/** In a worker: gives the primary this process's figures from `registry` when it collects them. */
export function reportMetricsToPrimary(registry: Registry): void {
  process.on('message', (message: unknown) => {
    if (!isMessage(message, 'zhaoshang:metrics-collect')) return;
    void registry.getMetricsAsJSON().then((metrics) => process.send?.({ type: 'zhaoshang:metrics-collected', id: message.id, metrics } satisfies Message));
  });
}

const waitingForSums = new Map<number, (message: Extract<Message, { type: 'zhaoshang:metrics-summed' }>) => void>();

/**
 * The metrics of `registry` summed over every worker of the cluster, as Prometheus text; outside
 * a cluster, this process's own. Rejects with ClusterMetricsError when the sum cannot be had.
 */
export function summedOverWorkers(registry: Registry): Promise<string> {
  if (!cluster.isWorker) return registry.metrics();
  if (!process.listeners('message').includes(answerSum)) process.on('message', answerSum);
  const id = nextId++;
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => settle({ type: 'zhaoshang:metrics-summed', id, error: `the primary process gave no sum within ${SUM_TIMEOUT_MS} ms` }), SUM_TIMEOUT_MS);
    const settle = (message: Extract<Message, { type: 'zhaoshang:metrics-summed' }>) => {
      clearTimeout(timer);
      waitingForSums.delete(id);
      if (message.text !== undefined) resolve(message.text);
      else reject(new ClusterMetricsError(message.error ?? 'no figures'));
    };
    waitingForSums.set(id, settle);
    process.send!({ type: 'zhaoshang:metrics-sum', id } satisfies Message);
  });
}

function answerSum(message: unknown): void {
  if (isMessage(message, 'zhaoshang:metrics-summed')) waitingForSums.get(message.id)?.(message);
}
