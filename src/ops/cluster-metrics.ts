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
  | { type: 'zhaoshang:metrics-collected'; id: number; metrics?: object[]; error?: string };

function isMessage<T extends Message['type']>(message: unknown, type: T): message is Extract<Message, { type: T }> {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === type;
}

/** The worker gave no figures in time, or the cluster could not sum them. */
export class ClusterMetricsError extends Error {
  override name = 'ClusterMetricsError';
}

let nextId = 0;

// A process that has just exited or is exiting cannot be written to: with a callback, send()
// reports that to it instead of raising an 'error' event nobody listens to. The request then
// times out, which the asking side reports.
const ignoreSendFailure = () => {};

/**
 * In the primary: answers a worker's request for the sum of every serving worker's metrics.
 * `isServing` says whether a worker is listening yet.
 */
export function sumWorkerMetricsOnRequest(isServing: (worker: Worker) => boolean): void {
  const collecting = new Map<number, (worker: Worker, answer: Extract<Message, { type: 'zhaoshang:metrics-collected' }>) => void>();
  cluster.on('message', (worker, message: unknown) => {
    if (isMessage(message, 'zhaoshang:metrics-collected')) collecting.get(message.id)?.(worker, message);
    if (!isMessage(message, 'zhaoshang:metrics-sum')) return;
    const reply = (answer: { text: string } | { error: string }) => {
      if (worker.isConnected()) worker.send({ type: 'zhaoshang:metrics-summed', id: message.id, ...answer } satisfies Message, ignoreSendFailure);
    };
    const id = nextId++;
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined && w.isConnected() && isServing(w));
    if (workers.length === 0) return reply({ error: 'no worker is listening yet' });
    const pending = new Set(workers.map((w) => w.id));
    const figures: object[][] = [];
    const finish = (answer: { text: string } | { error: string }) => {
      clearTimeout(timer);
      collecting.delete(id);
      reply(answer);
    };
    const timer = setTimeout(
      () => finish({ error: `${pending.size} of ${workers.length} workers gave no figures within ${COLLECT_TIMEOUT_MS} ms` }),
      COLLECT_TIMEOUT_MS,
    );
    collecting.set(id, (from, answer) => {
      if (!pending.delete(from.id)) return;
      if (answer.metrics === undefined)
        return finish({ error: `worker ${from.process.pid} could not collect its figures: ${answer.error ?? 'no reason given'}` });
      figures.push(answer.metrics);
      if (pending.size > 0) return;
      try {
        AggregatorRegistry.aggregate(figures)
          .metrics()
          .then(
            (text) => finish({ text }),
            (error: unknown) => finish({ error: String(error) }),
          );
      } catch (error) {
        finish({ error: String(error) });
      }
    });
    for (const w of workers) w.send({ type: 'zhaoshang:metrics-collect', id } satisfies Message, ignoreSendFailure);
  });
}

/** In a worker: gives the primary this process's figures from `registry` when it collects them. */
export function reportMetricsToPrimary(registry: Registry): void {
  process.on('message', (message: unknown) => {
    if (!isMessage(message, 'zhaoshang:metrics-collect')) return;
    const answer = (figures: { metrics: object[] } | { error: string }) =>
      process.send?.({ type: 'zhaoshang:metrics-collected', id: message.id, ...figures } satisfies Message, undefined, {}, ignoreSendFailure);
    registry.getMetricsAsJSON().then(
      (metrics) => answer({ metrics }),
      (error: unknown) => answer({ error: String(error) }),
    );
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
    const timer = setTimeout(
      () => settle({ type: 'zhaoshang:metrics-summed', id, error: `the primary process gave no sum within ${SUM_TIMEOUT_MS} ms` }),
      SUM_TIMEOUT_MS,
    );
    const settle = (message: Extract<Message, { type: 'zhaoshang:metrics-summed' }>) => {
      clearTimeout(timer);
      waitingForSums.delete(id);
      if (message.text !== undefined) resolve(message.text);
      else reject(new ClusterMetricsError(message.error ?? 'no figures'));
    };
    waitingForSums.set(id, settle);
    process.send!({ type: 'zhaoshang:metrics-sum', id } satisfies Message, undefined, {}, ignoreSendFailure);
  });
}

function answerSum(message: unknown): void {
  if (isMessage(message, 'zhaoshang:metrics-summed')) waitingForSums.get(message.id)?.(message);
}
