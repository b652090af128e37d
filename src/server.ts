// Starting the portal: prepare the database once, then serve it from one process per CPU core.
// The primary prepares the database and supervises the workers; it never loads the web app (about
// 1.4 s of CPU and 100 MB through tsx), which only the processes that serve import (serve.ts).
import cluster, { type Worker } from 'node:cluster';
import type { Logger } from 'pino';
import { settleProvisionalDeadlines } from './appeals/appeal.service.ts';
import { loadWorkingCalendar, type WorkingCalendar } from './calendar/working-calendar.ts';
import type { Config } from './config.ts';
import { openDb } from './db/connect.ts';
import { sumWorkerMetricsOnRequest } from './ops/cluster-metrics.ts';
import { prepareDatabase } from './prepare.ts';
import { onStopSignal, PRIMARY_STOP_MS } from './stop-signal.ts';

// A worker says it waits once it listens for the answer; the primary answers when the database is
// prepared, or at once when it already is (a worker started again after one died).
const WAITING = { type: 'zhaoshang:waiting-for-database' } as const;
const PREPARED = { type: 'zhaoshang:database-prepared' } as const;

/**
 * Prepares the database (prepareDatabase), then serves with `config.workers` processes. The
 * workers start at once and load their modules while the primary prepares; each opens the
 * database only when told it is prepared, so migrations still run once, before any worker serves.
 */
export async function startPortal(config: Config, logger: Logger): Promise<void> {
  if (cluster.isWorker) return serveWhenPrepared(config, logger);
  // Read before anything starts: a wrong holiday file must stop the start, not every worker's.
  const calendar = loadWorkingCalendar(config.calendarDir);
  logger.info({ years: calendar.years }, 'official holiday arrangements read');
  // An embedded in-memory database cannot be shared between processes.
  const single = config.workers <= 1 || (config.database.engine === 'sqlite' && config.database.path === ':memory:') || config.database.engine === 'pglite';
  if (single) {
    await prepare(config, calendar, logger);
    const { serveHere } = await import('./serve.ts');
    return serveHere(config, logger);
  }
  const workers = superviseWorkers(config.workers, logger);
  try {
    await prepare(config, calendar, logger);
  } catch (error) {
    workers.abandon();
    throw error;
  }
  workers.databasePrepared();
}

async function prepare(config: Config, calendar: WorkingCalendar, logger: Logger): Promise<void> {
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
}

/** A worker's start: its modules load while the primary prepares the database; it serves once told. */
async function serveWhenPrepared(config: Config, logger: Logger): Promise<void> {
  const prepared = new Promise<void>((resolve) => {
    const told = (message: unknown) => {
      if ((message as { type?: unknown } | null)?.type !== PREPARED.type) return;
      process.off('message', told);
      resolve();
    };
    process.on('message', told);
  });
  process.send?.(WAITING);
  const { serveHere } = await import('./serve.ts');
  await prepared;
  return serveHere(config, logger);
}

// V8 grows a busy process's young generation to 16 MB semi-spaces and keeps the heap it grew: after
// 30 s of bench:memory's load two workers held 360 MB of heap for 104 MB in use, each about 380 MB
// resident (375 MB after 60 s at 100,000 articles). With 4 MB semi-spaces: 125 MB of heap for 94 MB,
// under 290 MB resident, requests/s unchanged. A deployment may set its own in NODE_OPTIONS. The
// launch commands (`npm start`, the systemd unit) pass the same to the first process, which serves
// alone with WORKERS=1: V8 cannot change it once a process runs, and left alone it grew that
// process's young generation to 128 MB (457 against 352 MB resident after bench:memory's load).
export const WORKER_SEMI_SPACE = '--max-semi-space-size=4';

/** The Node options a worker starts with: the primary's, plus a bounded young generation unless set. */
export function workerExecArgv(execArgv: readonly string[], nodeOptions = ''): string[] {
  const set = [...execArgv, ...nodeOptions.split(/\s+/)].some((option) => option.startsWith('--max-semi-space-size'));
  return set ? [...execArgv] : [...execArgv, WORKER_SEMI_SPACE];
}

interface Workers {
  /** Lets every waiting worker, and each started from now on, open the database and serve. */
  databasePrepared(): void;
  /** Ends the workers when the database could not be prepared. */
  abandon(): void;
}

function superviseWorkers(count: number, logger: Logger): Workers {
  let stopping = false;
  let prepared = false;
  const waiting = new Set<Worker>();
  cluster.setupPrimary({ execArgv: workerExecArgv(process.execArgv, process.env.NODE_OPTIONS) });
  const listening = new Set<number>();
  cluster.on('listening', (worker) => listening.add(worker.id));
  cluster.on('message', (worker, message: unknown) => {
    if ((message as { type?: unknown } | null)?.type !== WAITING.type) return;
    if (prepared) worker.send(PREPARED);
    else waiting.add(worker);
  });
  sumWorkerMetricsOnRequest((worker) => listening.has(worker.id));
  for (let i = 0; i < count; i += 1) cluster.fork();
  cluster.on('exit', (worker, code, signal) => {
    waiting.delete(worker);
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
  return {
    databasePrepared() {
      prepared = true;
      for (const worker of waiting) worker.send(PREPARED);
      waiting.clear();
    },
    abandon() {
      stopping = true;
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
    },
  };
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
