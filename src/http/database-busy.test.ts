// A write that waits out the SQLite lock deadline is answered 503 with Retry-After — not the 500
// of an unexpected fault — and leaves nothing behind; the same write goes through once the lock is free.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import SQLite from 'better-sqlite3';
import { Hono } from 'hono';
import { Kysely } from 'kysely';
import { pino } from 'pino';
import { holdWriteLock } from '../../test/helpers/sqlite-lock.ts';
import { testChrome } from '../../test/helpers/test-chrome.ts';
import { tempDir } from '../../test/helpers/test-db.ts';
import { openDb } from '../db/connect.ts';
import type { Db } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { SharingSqliteDialect } from '../db/sqlite-driver.ts';
import { AppError, errorHandler } from './errors.tsx';

describe('a write that finds the database locked past its deadline', () => {
  const dir = tempDir();
  const path = join(dir.path, 'busy.db');
  let db: Db;
  let app: Hono;
  const warnings: string[] = [];

  before(async () => {
    const opened = await openDb({ engine: 'sqlite', path });
    await migrateToLatest(opened.db, opened.dialect);
    await opened.close();
    db = new Kysely({ dialect: new SharingSqliteDialect(new SQLite(path), { busyDeadlineMs: 150 }) }) as Db;
    const logger = pino({ level: 'warn' }, { write: (line: string) => void warnings.push(JSON.parse(line).msg) });
    app = new Hono();
    app.onError(errorHandler(logger, testChrome));
    const write = async () => {
      // Wrapped as a service would wrap it: the cause chain is followed.
      await db
        .insertInto('site_meta')
        .values({ key: 'posted', value: '1' })
        .execute()
        .catch((error: unknown) => {
          throw new Error('saving the message failed', { cause: error });
        });
      return new Response('saved');
    };
    app.post('/contact', write);
    app.post('/api/v1/things', write);
    app.post('/broken', () => {
      throw new AppError(400, 'bad_request', '请求有误');
    });
  });
  after(async () => {
    await db.destroy();
    dir.remove();
  });

  const posted = async () => (await db.selectFrom('site_meta').select('key').where('key', '=', 'posted').execute()).length;

  it('shows a page in Chinese with 503 and Retry-After, and stores nothing', async () => {
    const { released } = holdWriteLock(path, 600);
    try {
      const response = await app.request('/contact', { method: 'POST' });
      assert.equal(response.status, 503);
      assert.equal(response.headers.get('Retry-After'), '5');
      assert.equal(response.headers.get('Cache-Control'), 'no-store');
      const html = await response.text();
      assert.match(html, /网站正忙/);
      assert.match(html, /本次操作未能完成/);
      assert.doesNotMatch(html, /服务器出错了/);
    } finally {
      await released;
    }
    assert.equal(await posted(), 0);
    assert.deepEqual(warnings, ['database busy']);
  });

  it('answers the API with a problem document', async () => {
    const { released } = holdWriteLock(path, 600);
    try {
      const response = await app.request('/api/v1/things', { method: 'POST' });
      assert.equal(response.status, 503);
      assert.equal(response.headers.get('Content-Type'), 'application/problem+json; charset=utf-8');
      assert.equal(response.headers.get('Retry-After'), '5');
      const problem = (await response.json()) as { status: number; code: string };
      assert.deepEqual([problem.status, problem.code], [503, 'busy']);
    } finally {
      await released;
    }
  });

  it('goes through once the lock is free', async () => {
    const response = await app.request('/contact', { method: 'POST' });
    assert.equal(response.status, 200);
    assert.equal(await posted(), 1);
  });
});
