import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Hono } from 'hono';
import { pino } from 'pino';
import { z } from 'zod';
import { testDialects, withTestDb } from '../../test/helpers/test-db.ts';
import type { Db } from '../db/database.ts';
import { csrfToken, CSRF_FIELD } from './csrf.ts';
import { errorHandler } from './errors.tsx';
import { requiredText } from './form-fields.ts';
import { publicForm } from './public-form.ts';
import { testChrome } from '../../test/helpers/test-chrome.ts';

const chrome = testChrome;
const LIMIT = { name: 'test-form', max: 2, windowSeconds: 600 };

/** A form app whose POST answers the reader's result as JSON. */
function formApp(db: Db) {
  const app = new Hono();
  app.onError(errorHandler(pino({ level: 'silent' }), chrome));
  const form = publicForm({ db, trustProxy: true }, LIMIT);
  const schema = z.object({ name: requiredText('姓名', 10) });
  app.get('/form', (c) => c.text(csrfToken(c)));
  app.post('/form', form.guard, async (c) => {
    const result = await form.read(c, schema);
    return c.json(result, result.ok ? 200 : result.problem ? 429 : 400);
  });
  return async (client: string) => {
    const page = await app.request('/form', { headers: { 'X-Forwarded-For': client } });
    const token = await page.text();
    const cookie = (page.headers.get('set-cookie') ?? '').split(';')[0]!;
    return (fields: Record<string, string>, withToken = true) =>
      app.request('/form', {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookie, 'X-Forwarded-For': client },
        body: new URLSearchParams(withToken ? { [CSRF_FIELD]: token, ...fields } : fields).toString(),
      });
  };
}

for (const dialect of testDialects()) {
  describe(`public form limits on ${dialect.name}`, () => {
    it('count accepted posts only, and answer one too many with the values and Retry-After', () =>
      withTestDb(dialect, async ({ db }) => {
        const post = await (await formApp(db))('203.0.113.1');
        for (let i = 0; i < 10; i += 1) assert.equal((await post({ name: '' })).status, 400, `invalid post ${i}`);
        assert.equal((await post({ name: '张三' })).status, 200);
        assert.equal((await post({ name: '李四' })).status, 200);
        const limited = await post({ name: '王五' });
        assert.equal(limited.status, 429);
        assert.ok(Number(limited.headers.get('retry-after')) > 0);
        const body = (await limited.json()) as { values: Record<string, string>; problem: string };
        assert.equal(body.values.name, '王五');
        assert.match(body.problem, /^提交过于频繁,请在 \d+ 分钟后再试。您填写的内容已保留。$/);
      }));

    it('count a filled honeypot and a failed CSRF check against the same allowance', () =>
      withTestDb(dialect, async ({ db }) => {
        const post = await (await formApp(db))('203.0.113.2');
        assert.equal((await post({ name: '张三', website: 'http://spam.example' })).status, 400);
        assert.equal((await post({ name: '张三' }, false)).status, 403);
        assert.equal((await post({ name: '张三' })).status, 429, 'two strikes used up the allowance of two');
      }));

    it('stop a client hammering the form with invalid posts at ten times the allowance', () =>
      withTestDb(dialect, async ({ db }) => {
        const open = await formApp(db);
        const post = await open('203.0.113.3');
        for (let i = 0; i < LIMIT.max * 10; i += 1) assert.equal((await post({ name: '' })).status, 400, `invalid post ${i}`);
        const refused = await post({ name: '张三' });
        assert.equal(refused.status, 429);
        assert.match(await refused.text(), /提交过于频繁/);
        assert.equal((await (await open('203.0.113.4'))({ name: '张三' })).status, 200, 'other clients are not limited');
      }));
  });
}
