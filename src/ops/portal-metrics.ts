// The figures this process keeps for /metrics (Prometheus text format, prom-client). In a cluster
// each worker keeps its own and the primary sums them (cluster-metrics.ts); what is the same for
// every worker, such as the review queues read from the database, is counted once per scrape.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Logger } from 'pino';
import { openMessages } from '../contact/message.service.ts';
import type { DatabaseLoad } from '../db/connect.ts';
import type { Db } from '../db/database.ts';
import { pendingApplications } from '../enterprises/application.service.ts';
import type { PageCacheStats } from '../http/page-cache.ts';
import { UNMATCHED_ROUTE } from '../http/request-context.ts';
import { pendingSubmissions } from '../submissions/submission.service.ts';

/** Where the figures not counted here come from, read when scraped. */
export interface MetricSources {
  db: Db;
  pageCache: { stats(): PageCacheStats };
  databaseLoad(): DatabaseLoad;
  /** For a queue that could not be counted (the scrape still answers, without it). */
  logger: Logger;
}

// From a page answered from memory (well under a millisecond) to a slow search or import request.
const LATENCY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const SEARCH_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];
// A queue longer than this is reported as this: counting reads one index entry per item, and an
// operator needs to know "very long", not the exact figure.
export const QUEUE_COUNT_CAP = 10_000;
// Methods outside these share one label, so a client cannot mint labels with made-up methods.
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

type RequestLabels = 'method' | 'route' | 'status';

/** This process's metrics, and the scrape-time figures of the database. */
export class PortalMetrics {
  /** Figures of this process, which a cluster sums over its workers. */
  readonly registry = new Registry();
  /** Figures of the database, the same whichever worker reads them: counted once per scrape. */
  readonly databaseRegistry = new Registry();
  private readonly requests: Counter<RequestLabels>;
  private readonly latency: Histogram<RequestLabels>;
  private readonly searches: Histogram<'query'>;
  // The labelled children by "method route status": prom-client hashes the labels on each call
  // otherwise. Bounded by the routes, methods and status codes there are.
  private readonly children = new Map<string, { requests: Counter.Internal; latency: Histogram.Internal<RequestLabels> }>();

  constructor(sources: MetricSources) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    this.requests = new Counter({
      name: 'http_requests_total',
      help: 'Requests answered, by method, route pattern and status code',
      labelNames: ['method', 'route', 'status'],
      registers,
    });
    this.latency = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'Time from receiving a request to the end of its response, by method, route pattern and status code',
      labelNames: ['method', 'route', 'status'],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.searches = new Histogram({
      name: 'zhaoshang_search_duration_seconds',
      help: 'Time to run a reader’s search, by query kind (words; phrase, confirmed on the text)',
      labelNames: ['query'],
      buckets: SEARCH_BUCKETS,
      registers,
    });
    new Gauge({ name: 'zhaoshang_worker_processes', help: 'Processes whose figures are summed in this answer', registers }).set(1);
    registerPageCacheMetrics(sources.pageCache, registers);
    registerDatabaseLoadMetrics(sources.databaseLoad, registers);
    registerQueueMetrics(sources, [this.databaseRegistry]);
  }

  /** Counts an answered request; `route` undefined: no route took it; `status` undefined: the client left first. */
  observeRequest(method: string | undefined, route: string | undefined, status: number | undefined, seconds: number): void {
    const methodLabel = method && METHODS.has(method) ? method : 'other';
    const routeLabel = route ?? UNMATCHED_ROUTE;
    const statusLabel = status === undefined ? 'aborted' : String(status);
    const key = `${methodLabel} ${routeLabel} ${statusLabel}`;
    let child = this.children.get(key);
    if (!child) {
      const labels = { method: methodLabel, route: routeLabel, status: statusLabel };
      child = { requests: this.requests.labels(labels), latency: this.latency.labels(labels) };
      this.children.set(key, child);
    }
    child.requests.inc();
    child.latency.observe(seconds);
  }

  /** Starts timing a search; the returned function records it when the search has answered. */
  timeSearch(query: 'words' | 'phrase'): () => void {
    const end = this.searches.startTimer({ query });
    return () => void end();
  }
}

/** A counter that reports a running total kept elsewhere. */
function totalCounter(name: string, help: string, registers: Registry[], total: () => number): void {
  new Counter({
    name,
    help,
    registers,
    collect() {
      this.reset();
      this.inc(total());
    },
  });
}

function registerPageCacheMetrics(pageCache: MetricSources['pageCache'], registers: Registry[]): void {
  totalCounter('zhaoshang_page_cache_hits_total', 'Requests answered with a page already rendered', registers, () => pageCache.stats().hits);
  totalCounter('zhaoshang_page_cache_misses_total', 'Requests for which a page was rendered', registers, () => pageCache.stats().misses);
  new Gauge({
    name: 'zhaoshang_page_cache_pages',
    help: 'Rendered pages held in memory',
    registers,
    collect() {
      this.set(pageCache.stats().pages);
    },
  });
  new Gauge({
    name: 'zhaoshang_page_cache_bytes',
    help: 'Bytes of the rendered pages held in memory, every encoding counted (PAGE_CACHE_MAX_BYTES bounds them)',
    registers,
    collect() {
      this.set(pageCache.stats().bytes);
    },
  });
}

function registerDatabaseLoadMetrics(databaseLoad: () => DatabaseLoad, registers: Registry[]): void {
  const engine = databaseLoad().engine;
  if (engine === 'postgres') {
    const poolGauge = (name: string, help: string, value: (load: Extract<DatabaseLoad, { engine: 'postgres' }>) => number) =>
      new Gauge({
        name,
        help,
        registers,
        collect() {
          const load = databaseLoad();
          if (load.engine === 'postgres') this.set(value(load));
        },
      });
    poolGauge('zhaoshang_db_pool_connections', 'Connections the pool holds open to PostgreSQL', (load) => load.connections);
    poolGauge('zhaoshang_db_pool_idle_connections', 'Open connections not running a query', (load) => load.idle);
    poolGauge('zhaoshang_db_pool_waiting_queries', 'Queries waiting for a free connection', (load) => load.waiting);
  } else if (engine === 'sqlite') {
    // SQLite has one connection per process and no pool; what can make a request wait is another
    // process holding the write lock (a worker's post, a command-line import).
    const lockWaits = () => {
      const load = databaseLoad();
      return load.engine === 'sqlite' ? load.lockWaits : { waits: 0, waitedSeconds: 0, timeouts: 0 };
    };
    totalCounter(
      'zhaoshang_sqlite_lock_waits_total',
      'Writes that found the SQLite write lock held by another connection and waited',
      registers,
      () => lockWaits().waits,
    );
    totalCounter('zhaoshang_sqlite_lock_wait_seconds_total', 'Time writes spent waiting for the SQLite write lock', registers, () => lockWaits().waitedSeconds);
    totalCounter('zhaoshang_sqlite_lock_timeouts_total', 'Writes that gave up waiting for the SQLite write lock', registers, () => lockWaits().timeouts);
  }
}

function registerQueueMetrics({ db, logger }: MetricSources, registers: Registry[]): void {
  const queues: Record<string, (db: Db, cap: number) => Promise<number>> = {
    submissions: pendingSubmissions,
    applications: pendingApplications,
    messages: openMessages,
  };
  new Gauge({
    name: 'zhaoshang_queue_items',
    help: `Items waiting in a review queue (submissions and applications pending, messages open); at most ${QUEUE_COUNT_CAP}`,
    labelNames: ['queue'],
    registers,
    async collect() {
      this.reset();
      const counted = await Promise.allSettled(Object.entries(queues).map(async ([queue, count]) => this.set({ queue }, await count(db, QUEUE_COUNT_CAP))));
      const failure = counted.find((result) => result.status === 'rejected');
      if (failure) logger.error({ err: failure.reason }, 'counting the review queues for /metrics failed');
    },
  });
}
