// Serving the portal in this process: the web app over an open database, with the scheduled work
// every serving process does. Imported only by the processes that serve, never by a primary that
// just prepares the database and supervises workers.
import cluster from 'node:cluster';
import { createServer, type RequestListener } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import type { Hono } from 'hono';
import type { Logger } from 'pino';
import { passwordPolicy } from './accounts/password-policy.ts';
import { loadWorkingCalendar } from './calendar/working-calendar.ts';
import { createApp, type AppDeps } from './app.ts';
import type { Config } from './config.ts';
import { openDb, type OpenDb } from './db/connect.ts';
import { drainable, type Drainable } from './http/drain.ts';
import { pageCacheFirst } from './http/fast-path.ts';
import { DEFAULT_PAGE_CACHE_BOUNDS, PageCache } from './http/page-cache.ts';
import { startOnePerLoopTurn } from './http/request-turns.ts';
import { reportMetricsToPrimary } from './ops/cluster-metrics.ts';
import { observeRequests, requestRefused } from './ops/observed-requests.ts';
import { PortalMetrics } from './ops/portal-metrics.ts';
import { articleWriting } from './prepare.ts';
import { publishDueArticles } from './articles/article-editing.service.ts';
import { smtpMailer } from './notifications/mailer.ts';
import { sweepUnattachedBlobs } from './uploads/blob-sweep.ts';
import { openBlobStore } from './uploads/open-blob-store.ts';
import { sweepNotifications } from './notifications/notification-sweep.ts';
import { refreshSiteStalenessDay } from './parks/site.service.ts';
import { refreshPolicyValidityDay } from './policies/policy.service.ts';
import { compactSearchIndexesInBackground } from './search/index-compaction.ts';
import { completeRelatedInBackground } from './search/search.service.ts';
import { DRAIN_MS, onStopSignal, STOP_MS } from './stop-signal.ts';

const SCHEDULE_CHECK_MS = 30_000;
const REMINDER_SWEEP_MS = 60_000;
const FILE_SWEEP_MS = 60 * 60_000;

/**
 * What answers each request: the observer (request id, metrics) around the page cache's fast
 * path, which hands what it cannot answer to the router, one request per loop turn.
 */
export function portalListener(app: Hono, deps: Pick<AppDeps, 'pageCache' | 'metrics' | 'publicOrigin' | 'trustProxy'>): RequestListener {
  const router = startOnePerLoopTurn(getRequestListener(app.fetch, { errorHandler: requestRefused }));
  return observeRequests(deps.metrics, pageCacheFirst(deps.pageCache, router, deps));
}

/** What the portal's app needs, over an open database: the server's, and the inspection command's in-process app. */
export function portalDeps(config: Config, opened: OpenDb, logger: Logger): AppDeps {
  const pageCache = new PageCache(opened.contentVersion, { ...DEFAULT_PAGE_CACHE_BOUNDS, maxBytes: config.pageCacheMaxBytes });
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

/** Serves the portal from this process, over a database already prepared (prepareDatabase). */
export async function serveHere(config: Config, logger: Logger): Promise<void> {
  const opened = await openDb(config.database);
  const deps = portalDeps(config, opened, logger);
  // Scheduled articles publish themselves; every instance checks, and each article is claimed once.
  const scheduler = setInterval(() => {
    publishDueArticles(opened.db, deps).catch((error: unknown) => logger.error({ err: error }, 'publishing scheduled articles failed'));
    // A policy's validity changes with the date alone: a new day makes cached pages stale.
    refreshPolicyValidityDay(opened.db).catch((error: unknown) => logger.error({ err: error }, 'refreshing policy validity failed'));
    // So does a site's 待更新 mark, 90 days after its vacancy was confirmed.
    refreshSiteStalenessDay(opened.db).catch((error: unknown) => logger.error({ err: error }, 'refreshing site staleness failed'));
  }, SCHEDULE_CHECK_MS);
  scheduler.unref();
  const reminders = remindEveryMinute(deps, config.questionWorkingDays);
  // The instance's first process (the only one without a cluster) does its housekeeping.
  const firstProcess = !cluster.isWorker || cluster.worker?.id === 1;
  // It sweeps the files; another host's sweep doing the same is harmless (each deletion is checked again).
  const fileSweep = firstProcess ? sweepFilesHourly(deps) : undefined;
  // It computes pending related lists (the others would repeat its work) and keeps the full-text indexes merged.
  const related = firstProcess ? completeRelatedInBackground(opened.db, deps.searchIndex, logger) : undefined;
  const merging = firstProcess ? compactSearchIndexesInBackground(opened.db, opened.dialect, opened.contentVersion, logger) : undefined;
  if (cluster.isWorker) reportMetricsToPrimary(deps.metrics.registry);
  const server = createServer(portalListener(createApp(deps), deps));
  const stoppable = drainable(server);
  server.listen(config.port, config.host, () => {
    if (firstProcess) logger.info(`zhaoshang listening on http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`);
  });
  onStopSignal(() => {
    // Should closing the database hang, the process still ends in time, and says it failed.
    setTimeout(() => process.exit(1), STOP_MS).unref();
    clearInterval(reminders);
    clearInterval(fileSweep);
    clearInterval(related);
    clearInterval(merging);
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

/** Deletes the stored files no attachment names any more, every hour, a run never overlapping the last. */
function sweepFilesHourly(deps: AppDeps): NodeJS.Timeout {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    sweepUnattachedBlobs(deps.db, deps.uploads.blobs)
      .then((report) => {
        if ('skipped' in report) deps.logger.info('the file sweep waits: a backup is running');
        else if (report.deleted > 0) deps.logger.info(report, 'files no attachment names deleted');
      })
      .catch((error: unknown) => deps.logger.error({ err: error }, 'the file sweep failed'))
      .finally(() => {
        running = false;
      });
  }, FILE_SWEEP_MS);
  timer.unref();
  return timer;
}

async function stopServing(server: Drainable, opened: OpenDb, logger: Logger): Promise<void> {
  const cut = await server.drain(DRAIN_MS);
  if (cut > 0) logger.warn({ cut }, 'requests still unanswered when the drain time ran out were cut off');
  await opened.close();
}
