// Another connection to an SQLite file that takes the write lock for a while, as a CLI import or
// another worker does.
import SQLite from 'better-sqlite3';

/**
 * Takes the write lock on the database at `path` now and frees it after `ms`, timed on this event
 * loop (so a waiter that blocks the loop would never see it freed). Resolves with the time it did.
 */
export function holdWriteLock(path: string, ms: number): { released: Promise<number> } {
  const other = new SQLite(path);
  other.exec('begin immediate');
  // A replace, so that the lock can be taken again on the same file.
  other.prepare("insert or replace into site_meta (key, value) values ('held', 'yes')").run();
  const released = new Promise<number>((resolve) =>
    setTimeout(() => {
      other.exec('commit');
      other.close();
      resolve(performance.now());
    }, ms),
  );
  return { released };
}
