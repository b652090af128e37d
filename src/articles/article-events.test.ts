// Article writes announce themselves inside their transaction, and the articles feature knows no listener.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { ConsoleUser } from '../accounts/account.ts';
import { writingFor } from '../../test/helpers/seed.ts';
import { testDialects, withTestDb } from '../../test/helpers/test-db.ts';
import { editedArticleSchema, saveEditedArticle } from './article-editing.service.ts';
import type { ArticleWrittenListener, WrittenArticle } from './article-events.ts';
import { articleCount, saveArticleDraft } from './article.service.ts';

const admin: ConsoleUser = { id: 1, name: 'admin', roles: ['admin'], channels: [], mustChangePassword: false };
const actor = { userId: 1, userName: 'admin' };
const now = new Date('2026-03-01T02:00:00Z');
const draft = { originalTitle: '【东湖区招商】东湖区签约三个项目', body: '东湖区签约三个项目,总投资10亿元。', publishedOn: '2026-03-01' };

for (const dialect of testDialects()) {
  describe(`article events on ${dialect.name}`, () => {
    it('tells listeners of new and changed articles in the writing transaction, where the row is already visible', () =>
      withTestDb(dialect, async (opened) => {
        const heard: Array<WrittenArticle & { rowsSeen: number }> = [];
        const listener: ArticleWrittenListener = async (trx, article) => {
          heard.push({ ...article, rowsSeen: await articleCount(trx) });
        };
        const writing = { ...writingFor(opened), articleListeners: [listener] };
        const { id } = await opened.db.transaction().execute((trx) => saveArticleDraft(trx, writing, draft, now));
        await opened.db.transaction().execute((trx) => saveArticleDraft(trx, writing, { ...draft, body: `${draft.body}又签约一个。` }, now));
        await opened.db.transaction().execute((trx) => saveArticleDraft(trx, writing, { ...draft, body: `${draft.body}又签约一个。` }, now));
        assert.deepEqual(
          heard.map(({ id: heardId, isNew, channel, rowsSeen }) => ({ heardId, isNew, channel, rowsSeen })),
          [
            { heardId: id, isNew: true, channel: 'donghu', rowsSeen: 1 },
            { heardId: id, isNew: false, channel: 'donghu', rowsSeen: 1 },
          ],
          'an unchanged import announces nothing',
        );
      }));

    it('rolls the article back when a listener fails, from an import and from the editor', () =>
      withTestDb(dialect, async (opened) => {
        const writing = { ...writingFor(opened), articleListeners: [async () => Promise.reject(new Error('listener failed'))] };
        await assert.rejects(
          opened.db.transaction().execute((trx) => saveArticleDraft(trx, writing, draft, now)),
          /listener failed/,
        );
        const edited = editedArticleSchema(['donghu'], now).parse({
          title: '东湖区签约',
          channel: 'donghu',
          publishedOn: '2026-03-01',
          status: 'published',
          body: '正文。',
        });
        await assert.rejects(saveEditedArticle(opened.db, writing, admin, actor, undefined, edited, now), /listener failed/);
        assert.equal(await articleCount(opened.db), 0);
      }));
  });
}

describe('feature boundaries', () => {
  const sources = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return sources(path);
      return /\.tsx?$/u.test(entry.name) && !/\.test\.tsx?$/u.test(entry.name) ? [path] : [];
    });
  const root = join(import.meta.dirname, '..');

  it('keeps the articles feature free of imports from insights', () => {
    const offenders = sources(join(root, 'articles')).filter((path) => /from '(\.\.\/)+insights\//u.test(readFileSync(path, 'utf8')));
    assert.deepEqual(offenders, []);
  });

  it("keeps the article tables out of the insights feature's queries", () => {
    const offenders = sources(join(root, 'insights')).filter((path) =>
      /(selectFrom|innerJoin|leftJoin|updateTable|insertInto|deleteFrom)\(\s*'article(_revision)?'|'article(_revision)?\.\w+'/u.test(
        readFileSync(path, 'utf8'),
      ),
    );
    assert.deepEqual(offenders, []);
  });
});
