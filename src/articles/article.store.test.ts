import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { writingFor } from '../../test/helpers/seed.ts';
import { testDialects } from '../../test/helpers/test-db.ts';
import { articleListPage, articlesByIds, articleSummariesByIds, articleWithNeighbours, listPages, PAGE_SIZE, saveArticleDraft } from './article.service.ts';
import { articleCountsByChannel, countArticles, latestArticles } from './article.store.ts';

for (const dialect of testDialects()) {
  describe(`article store on ${dialect.name}`, () => {
    it('lists newest first by date then id, filters by channel, pages and finds neighbours', async () => {
      const opened = await dialect.open();
      const { db, close } = opened;
      try {
        // 45 articles over 3 days, alternating between two channels.
        const ids: number[] = [];
        for (let i = 0; i < 45; i += 1) {
          const tag = i % 2 === 0 ? '【东湖区招商】' : '【西湖区招商】';
          const day = `2025-03-0${1 + Math.floor(i / 15)}`;
          const saved = await saveArticleDraft(db, writingFor(opened), { originalTitle: `${tag}第${i}号`, body: `正文${i}。`, publishedOn: day });
          ids.push(saved.id);
        }
        const first = await latestArticles(db, { limit: 3, offset: 0 });
        assert.deepEqual(
          first.map((a) => a.title),
          ['第44号', '第43号', '第42号'],
        );
        assert.equal(first[0]!.publishedOn, '2025-03-03');

        const donghu = await latestArticles(db, { channel: 'donghu', limit: 100, offset: 0 });
        assert.equal(donghu.length, 23);
        assert.ok(donghu.every((a) => a.channel === 'donghu'));
        assert.equal(await countArticles(db, 'xihu'), 22);
        assert.deepEqual([...(await articleCountsByChannel(db))].sort(), [
          ['donghu', 23],
          ['xihu', 22],
        ]);

        const pages = await listPages(db);
        assert.deepEqual(pages.counts, await articleCountsByChannel(db));
        const page3 = await articleListPage(db, 3, pages);
        assert.equal(page3?.pageCount, Math.ceil(45 / PAGE_SIZE));
        assert.equal(page3?.items.length, 45 - 2 * PAGE_SIZE);
        assert.equal(page3?.items.at(-1)?.title, '第0号');
        assert.equal(await articleListPage(db, 4, pages), undefined);
        // Each page seeks to where the one before it ended: the same articles as counting from the top.
        for (const page of [1, 2, 3]) {
          assert.deepEqual((await articleListPage(db, page, pages))?.items, await latestArticles(db, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }));
        }
        const donghuPage2 = await articleListPage(db, 2, pages, 'donghu');
        assert.equal(donghuPage2?.total, 23);
        assert.deepEqual(
          donghuPage2?.items.map((a) => a.channel),
          ['donghu', 'donghu', 'donghu'],
        );

        // Across a day boundary: 第15号 is the first of 03-02, 第14号 the last of 03-01.
        const context = await articleWithNeighbours(db, ids[15]!);
        assert.equal(context?.newer?.title, '第16号');
        assert.equal(context?.older?.title, '第14号');
        assert.equal((await articleWithNeighbours(db, ids[44]!))?.newer, undefined);
        assert.equal((await articleWithNeighbours(db, ids[0]!))?.older, undefined);
        assert.equal(await articleWithNeighbours(db, 999_999), undefined);
      } finally {
        await close();
      }
    });

    it('reads list summaries by id in the order asked, the same as the whole articles, published ones only', async () => {
      const opened = await dialect.open();
      const { db, close } = opened;
      try {
        const ids: number[] = [];
        for (let i = 0; i < 4; i += 1) {
          const saved = await saveArticleDraft(db, writingFor(opened), {
            originalTitle: `【东湖区招商】摘要${i}`,
            body: `第${i}篇的正文。`.repeat(50),
            publishedOn: `2025-04-0${i + 1}`,
          });
          ids.push(saved.id);
        }
        await db.updateTable('article').set({ status: 'draft' }).where('id', '=', ids[1]!).execute();
        const asked = [ids[3]!, 999_999, ids[1]!, ids[0]!, ids[2]!];
        const summaries = await articleSummariesByIds(db, asked);
        assert.deepEqual(
          summaries.map((summary) => summary.id),
          [ids[3], ids[0], ids[2]],
        );
        const whole = (await articlesByIds(db, asked)).map(({ id, title, channel, excerpt, publishedOn }) => ({ id, title, channel, excerpt, publishedOn }));
        assert.deepEqual(summaries, whole);
        assert.deepEqual(await articleSummariesByIds(db, []), []);
      } finally {
        await close();
      }
    });

    it('rejects invalid drafts before touching the database', async () => {
      const opened = await dialect.open();
      const { db, close } = opened;
      try {
        const bad = [
          { originalTitle: ' ', body: '正文', publishedOn: '2025-01-01' },
          { originalTitle: '标题', body: '  ', publishedOn: '2025-01-01' },
          { originalTitle: '标题', body: '正文', publishedOn: '2025-13-01' },
          { originalTitle: '标'.repeat(201), body: '正文', publishedOn: '2025-01-01' },
          { originalTitle: '标题', body: '正文\u0000', publishedOn: '2025-01-01' },
        ];
        for (const draft of bad) await assert.rejects(saveArticleDraft(db, writingFor(opened), draft), /Cannot save article/);
        assert.equal(await countArticles(db), 0);
      } finally {
        await close();
      }
    });
  });
}
