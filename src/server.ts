// Starting the portal: prepare the database once, then serve it from one process per CPU core.
import cluster from 'node:cluster';
import { createServer, type RequestListener } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import type { Hono } from 'hono';
import type { Logger } from 'pino';
import { passwordPolicy } from './accounts/password-policy.ts';
import { settleProvisionalDeadlines } from './appeals/appeal.service.ts';
import { loadWorkingCalendar } from './calendar/working-calendar.ts';
import { createApp, type AppDeps } from './app.ts';
import type { Config } from './config.ts';
import { openDb, type OpenDb } from './db/connect.ts';
import { drainable, type Drainable } from './http/drain.ts';
import { pageCacheFirst } from './http/fast-path.ts';
import { PageCache } from './http/page-cache.ts';
import { reportMetricsToPrimary, sumWorkerMetricsOnRequest } from './ops/cluster-metrics.ts';
import { observeRequests, requestRefused } from './ops/observed-requests.ts';
import { PortalMetrics } from './ops/portal-metrics.ts';
import { articleWriting, prepareDatabase } from './prepare.ts';
import { publishDueArticles } from './articles/article-editing.service.ts';
import { smtpMailer } from './notifications/mailer.ts';
import { openBlobStore } from './uploads/open-blob-store.ts';
import { sweepNotifications } from './notifications/notification-sweep.ts';
import { refreshPolicyValidityDay } from './policies/policy.service.ts';
import { completeRelatedInBackground } from './search/search.service.ts';

const SCHEDULE_CHECK_MS = 30_000;
const REMINDER_SWEEP_MS = 60_000;

/**
 * What answers each request: the observer (request id, metrics) around the page cache's fast
 * path, which hands what it cannot answer to the router.
 */
export function portalListener(app: Hono, deps: Pick<AppDeps, 'pageCache' | 'metrics' | 'publicOrigin' | 'trustProxy'>): RequestListener {
  const router = getRequestListener(app.fetch, { errorHandler: requestRefused });
  return observeRequests(deps.metrics, pageCacheFirst(deps.pageCache, router, deps));
}

/** Prepares the database (prepareDatabase), then serves with `config.workers` processes. */
export async function startPortal(config: Config, logger: Logger): Promise<void> {
  if (cluster.isWorker) return serveHere(config, logger);
  // Read before anything starts: a wrong holiday file must stop the start, not every worker's.
  const calendar = loadWorkingCalendar(config.calendarDir);
  logger.info({ years: calendar.years }, 'official holiday arrangements read');
  const opened = await openDb(config.database);
  try {
    const { migrations, reindexed, seed } = await prepareDatabase(opened, config.seedFile);
    if (migrations.length > 0) logger.info({ migrations }, 'database migrated');
    if (reindexed) logger.info('search index rebuilt for the current dictionary');
    if (seed) logger.info({ imported: seed.imported, updated: seed.updated, rejected: seed.rejected.length }, 'seed articles imported');
    const settled = await settleProvisionalDeadlines(opened.db, calendar);
    if (settled > 0) logger.info({ settled }, 'provisional request deadlines counted on the new holiday arrangements');
  } finally {
    await opened.close();
  }
  // An embedded in-memory database cannot be shared between processes.
  const single = config.workers <= 1 || (config.database.engine === 'sqlite' && config.database.path === ':memory:') || config.database.engine === 'pglite';
  if (single) return serveHere(config, logger);
  superviseWorkers(config.workers, logger);
}

// On a stop signal a worker has DRAIN_MS to finish its requests and STOP_MS to exit; the primary
// kills a worker still there after PRIMARY_STOP_MS. All within the 10 s a deploy waits before it
// kills (systemd's and Kubernetes' default grace is longer; ours is the promise we test).
const DRAIN_MS = 8000;
const STOP_MS = 9000;
const PRIMARY_STOP_MS = 9500;

/** Calls `stop` on the first SIGTERM or SIGINT; a repeated signal (group and primary) is ignored. */
function onStopSignal(stop: () => void): void {
  let stopping = false;
  const once = () => {
    if (stopping) return;
    stopping = true;
    stop();
  };
  process.on('SIGTERM', once);
  process.on('SIGINT', once);
}

// V8 grows a busy process's young generation to 16 MB semi-spaces and keeps the heap it grew: after
// 30 s of bench:memory's load two workers held 360 MB of heap for 104 MB in use, each about 380 MB
// resident (375 MB after 60 s at 100,000 articles). With 4 MB semi-spaces: 125 MB of heap for 94 MB,
// under 290 MB resident, requests/s unchanged. A deployment may set its own in NODE_OPTIONS.
const WORKER_SEMI_SPACE = '--max-semi-space-size=4';

/** The Node options a worker starts with: the primary's, plus a bounded young generation unless set. */
export function workerExecArgv(execArgv: readonly string[], nodeOptions = ''): string[] {
  const set = [...execArgv, ...nodeOptions.split(/\s+/)].some((option) => option.startsWith('--max-semi-space-size'));
  return set ? [...execArgv] : [...execArgv, WORKER_SEMI_SPACE];
}

function superviseWorkers(count: number, logger: Logger): void {
  let stopping = false;
  cluster.setupPrimary({ execArgv: workerExecArgv(process.execArgv, process.env.NODE_OPTIONS) });
  const listening = new Set<number>();
  cluster.on('listening', (worker) => listening.add(worker.id));
  sumWorkerMetricsOnRequest((worker) => listening.has(worker.id));
  for (let i = 0; i < count; i += 1) cluster.fork();
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    logger.error({ worker: worker.process.pid, code, signal }, 'worker died; starting a new one');
    setTimeout(() => {
      if (!stopping) cluster.fork();
    }, 1000);
  });
  onStopSignal(() => {
    stopping = true;
    void stopWorkers(logger, listening).then((failed) => process.exit(failed ? 1 : 0));
  });
  logger.info({ workers: count }, 'started workers');
}

/**
 * Asks every worker to stop and waits for all of them; true if one failed or had to be killed.
 * A worker still starting (not `listening` yet) has no requests, and the signal simply ends it.
 */
async function stopWorkers(logger: Logger, listening: ReadonlySet<number>): Promise<boolean> {
  const workers = Object.values(cluster.workers ?? {}).filter((worker) => worker !== undefined);
  const exits = workers.map(
    (worker) =>
      new Promise<boolean>((resolve) => {
        if (worker.isDead()) return resolve(false);
        worker.process.once('exit', (code, signal) => {
          const failed = code !== 0 && !(signal === 'SIGTERM' && !listening.has(worker.id));
          if (failed) logger.error({ worker: worker.process.pid, code, signal }, 'worker did not stop cleanly');
          resolve(failed);
        });
        worker.process.kill('SIGTERM');
      }),
  );
  const late = setTimeout(() => {
    for (const worker of workers) if (!worker.isDead()) worker.process.kill('SIGKILL');
  }, PRIMARY_STOP_MS);
  const failed = (await Promise.all(exits)).some(Boolean);
  clearTimeout(late);
  return failed;
}

/** What the portal's app needs, over an open database: the server's, and the inspection command's in-process app. */
export function portalDeps(config: Config, opened: OpenDb, logger: Logger): AppDeps {
  const pageCache = new PageCache(opened.contentVersion);
  return {
    db: opened.db,
    dialect: opened.dialect,
    ...articleWriting(opened),
    logger,
    site: config.site,
    contact: config.contact,
    trustProxy: config.trustProxy,
    publicOrigin: config.publicOrigin,
    passwordPolicy: passwordPolicy(config.passwordPolicy),
    pageCache,
    metrics: new PortalMetrics({ db: opened.db, pageCache, databaseLoad: opened.load, logger }),
    metricsToken: config.metricsToken,
    insightsPublic: config.insightsPublic,
    apiRateLimit: { name: 'api', max: config.apiRequestsPerMinute, windowSeconds: 60 },
    calendar: loadWorkingCalendar(config.calendarDir),
    appealWorkingDays: config.appealWorkingDays,
    mailer: config.smtp ? smtpMailer(config.smtp) : undefined,
    uploads: { blobs: openBlobStore(config.uploads.store), maxBytes: config.uploads.maxBytes },
  };
}

async function serveHere(config: Config, logger: Logger): Promise<void> {
  const opened = await openDb(config.database);
  const deps = portalDeps(config, opened, logger);
  // Scheduled articles publish themselves; every instance checks, and each article is claimed once.
  const scheduler = setInterval(() => {
    publishDueArticles(opened.db, deps).catch((error: unknown) => logger.error({ err: error }, 'publishing scheduled articles failed'));
    // A policy's validity changes with the date alone: a new day makes cached pages stale.
    refreshPolicyValidityDay(opened.db).catch((error: unknown) => logger.error({ err: error }, 'refreshing policy validity failed'));
  }, SCHEDULE_CHECK_MS);
  scheduler.unref();
  const reminders = remindEveryMinute(deps, config.questionWorkingDays);
  // One process of the instance computes pending related lists (the others would repeat its work).
  const related = !cluster.isWorker || cluster.worker?.id === 1 ? completeRelatedInBackground(opened.db, deps.searchIndex, logger) : undefined;
  if (cluster.isWorker) reportMetricsToPrimary(deps.metrics.registry);
  const server = createServer(portalListener(createApp(deps), deps));
  const stoppable = drainable(server);
  server.listen(config.port, config.host, () => {
    if (!cluster.isWorker || cluster.worker?.id === 1)
      logger.info(`zhaoshang listening on http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`);
  });
  onStopSignal(() => {
    // Should closing the database hang, the process still ends in time, and says it failed.
    setTimeout(() => process.exit(1), STOP_MS).unref();
    clearInterval(reminders);
    clearInterval(related);
    deps.mailer?.close();
    void stopServing(stoppable, opened, logger).then(() => process.exit(0));
  });
}

/**
 * Runs the reminders' sweep every minute; every instance does, and each event is told once. A run
 * still sending (a slow SMTP server) is not overlapped by the next.
 */
function remindEveryMinute(deps: AppDeps, questionWorkingDays: number): NodeJS.Timeout {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    sweepNotifications({ ...deps, questionWorkingDays }, new Date())
      .then(({ told, emailed }) => {
        if (told > 0 || emailed > 0) deps.logger.info({ told, emailed }, 'reminders sent');
      })
      .catch((error: unknown) => deps.logger.error({ err: error }, 'the reminders’ sweep failed'))
      .finally(() => {
        running = false;
      });
  }, REMINDER_SWEEP_MS);
  timer.unref();
  return timer;
}

async function stopServing(server: Drainable, opened: OpenDb, logger: Logger): Promise<void> {
  const cut = await server.drain(DRAIN_MS);
  if (cut > 0) logger.warn({ cut }, 'requests still unanswered when the drain time ran out were cut off');
  await opened.close();
}
