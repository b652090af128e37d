import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Kysely } from 'kysely';
import type { ConsoleUser } from '../accounts/account.ts';
import { saveEditedArticle } from '../articles/article-editing.service.ts';
import { sourceKeyOf } from '../articles/article.ts';
import { up as rekeyContributionArticles } from '../db/migrations/2026-11-29T12-10_contribution-article-keys.ts';
import { importSeedText } from '../importer/importer.service.ts';
import { writingFor } from '../../test/helpers/seed.ts';
import { testDialects, withTestDb } from '../../test/helpers/test-db.ts';
import { publishSubmission, submitContribution } from './submission.service.ts';

const reviewer: ConsoleUser = { id: 1, name: 'reviewer', roles: ['reviewer'], channels: ['honggutan'], mustChangePassword: false };
const actor = { userId: 1, userName: 'reviewer' };
const now = new Date('2026-03-02T02:00:00Z');
const TITLE = '红谷滩区新签约数字经济项目';
const contribution = (body: string) => ({ title: TITLE, body, channel: 'honggutan', name: '张三', contact: '13800138000', consent: 'yes' as const });

for (const dialect of testDialects()) {
  describe(`publishing contributions on ${dialect.name}`, () => {
    it('makes each contribution its own article, even with the same title on the same day', () =>
      withTestDb(dialect, async (opened) => {
        const writing = writingFor(opened);
        const bodies = ['第一篇投稿:红谷滩区本周签约三个数字经济项目。', '第二篇投稿:另一位作者写的同名稿件,内容完全不同。'];
        for (const body of bodies) await submitContribution(opened.db, contribution(body), now);
        const submissions = await opened.db.selectFrom('submission').select('id').orderBy('id').execute();
        for (const { id } of submissions) assert.equal(await publishSubmission(opened.db, writing, reviewer, actor, Number(id), now), 'done');

        const published = await opened.db.selectFrom('submission').select('article_id').orderBy('id').execute();
        const articleIds = published.map((row) => Number(row.article_id));
        assert.equal(new Set(articleIds).size, 2, 'two articles');
        for (const [i, articleId] of articleIds.entries()) {
          const article = await opened.db.selectFrom('article').select(['title', 'body']).where('id', '=', articleId).executeTakeFirstOrThrow();
          assert.deepEqual(article, { title: TITLE, body: bodies[i] });
        }
      }));

    it("leaves a contribution's article alone when an import has the same title and date", () =>
      withTestDb(dialect, async (opened) => {
        const writing = writingFor(opened);
        await submitContribution(opened.db, contribution('读者投稿的正文,由审核员发布。'), now);
        const { id } = await opened.db.selectFrom('submission').select('id').executeTakeFirstOrThrow();
        await publishSubmission(opened.db, writing, reviewer, actor, Number(id), now);
        const { article_id: articleId } = await opened.db.selectFrom('submission').select('article_id').executeTakeFirstOrThrow();

        const report = await importSeedText(opened.db, writing, `-\n【红谷滩区招商】${TITLE}\n导入文件里的另一篇正文。\n2026-03-02\n`);
        assert.deepEqual([report.imported, report.updated], [1, 0]);
        const contributed = await opened.db.selectFrom('article').select('body').where('id', '=', Number(articleId)).executeTakeFirstOrThrow();
        assert.equal(contributed.body, '读者投稿的正文,由审核员发布。');
        assert.equal((await opened.db.selectFrom('article').select('id').execute()).length, 2);
      }));

    it('gives articles published before the fix the key of their contribution, out of reach of imports', () =>
      withTestDb(dialect, async (opened) => {
        const writing = writingFor(opened);
        await submitContribution(opened.db, contribution('旧版本发布的投稿正文。'), now);
        const { id } = await opened.db.selectFrom('submission').select('id').executeTakeFirstOrThrow();
        await publishSubmission(opened.db, writing, reviewer, actor, Number(id), now);
        const { article_id: articleId } = await opened.db.selectFrom('submission').select('article_id').executeTakeFirstOrThrow();
        // As the old code keyed it: by title and date, like an import.
        await opened.db
          .updateTable('article')
          .set({ source_key: sourceKeyOf(`【红谷滩区招商】${TITLE}`, '2026-03-02') })
          .where('id', '=', Number(articleId))
          .execute();

        await rekeyContributionArticles(opened.db as unknown as Kysely<unknown>);
        const { source_key: key } = await opened.db.selectFrom('article').select('source_key').where('id', '=', Number(articleId)).executeTakeFirstOrThrow();
        assert.equal(key, `submission:${id}`);
        await importSeedText(opened.db, writing, `-\n【红谷滩区招商】${TITLE}\n导入文件里的另一篇正文。\n2026-03-02\n`);
        assert.equal(
          (await opened.db.selectFrom('article').select('body').where('id', '=', Number(articleId)).executeTakeFirstOrThrow()).body,
          '旧版本发布的投稿正文。',
        );
      }));

    it('keeps an imported article as an editor revised it when the file is imported again', () =>
      withTestDb(dialect, async (opened) => {
        const writing = writingFor(opened);
        const file = `-\n【红谷滩区招商】${TITLE}\n导入时的正文。\n2026-03-02\n`;
        await importSeedText(opened.db, writing, file);
        const { id } = await opened.db.selectFrom('article').select('id').executeTakeFirstOrThrow();
        const editor: ConsoleUser = { id: 2, name: 'editor', roles: ['editor'], channels: ['honggutan'], mustChangePassword: false };
        const edited = {
          title: TITLE,
          channel: 'honggutan',
          publishedOn: '2026-03-02',
          status: 'published' as const,
          publishAt: null,
          body: '编辑修订后的正文。',
        };
        assert.equal(await saveEditedArticle(opened.db, writing, editor, { userId: 2, userName: 'editor' }, Number(id), edited, now), Number(id));

        const report = await importSeedText(opened.db, writing, file);
        assert.deepEqual([report.imported, report.updated, report.unchanged], [0, 0, 1]);
        const article = await opened.db.selectFrom('article').select(['body', 'body_format']).where('id', '=', Number(id)).executeTakeFirstOrThrow();
        assert.deepEqual(article, { body: '编辑修订后的正文。', body_format: 'markdown' });
      }));
  });
}
