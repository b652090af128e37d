import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { saveArticleDraft } from '../articles/article.service.ts';
import { countArticles, latestArticles } from '../articles/article.store.ts';
import { openDb } from '../db/connect.ts';
import { currentContentVersion } from '../db/site-state.store.ts';
import { writingFor, SEED_FILE, seedText } from '../../test/helpers/seed.ts';
import { holdWriteLock } from '../../test/helpers/sqlite-lock.ts';
import { tempDir, testDialects } from '../../test/helpers/test-db.ts';
import { isQueryProblem, parseQuery } from '../search/search-query.ts';
import { searchArticles } from '../search/search.service.ts';
import { importSeedFile, importSeedOnFirstStart, importSeedText } from './importer.service.ts';
import { parseSeedText } from './seed-format.ts';

for (const dialect of testDialects()) {
  describe(`importer on ${dialect.name}`, () => {
    it('imports the seed, newest first, and a second import changes nothing', async () => {
      const opened = await dialect.open();
      const { db, close } = opened;
      try {
        const first = await importSeedFile(db, writingFor(opened), SEED_FILE);
        assert.deepEqual([first.imported, first.updated, first.unchanged, first.rejected.length], [10, 0, 0, 0]);
        const version = await currentContentVersion(db);
        const again = await importSeedFile(db, writingFor(opened), SEED_FILE);
        assert.deepEqual([again.imported, again.updated, again.unchanged], [0, 0, 10]);
        assert.equal(await countArticles(db), 10);
        assert.equal(await currentContentVersion(db), version, 'an import that changes nothing leaves caches valid');

        const list = await latestArticles(db, { limit: 20, offset: 0 });
        assert.equal(list[0]!.title, '2015年东湖区政府工作报告', 'the file order is kept within a day');
        assert.equal(list[1]!.title, '2015年青云谱区政府工作报告');
        assert.equal(list[2]!.title, '工会法律直通车进园区优化招商营造和谐劳动关系');
        assert.equal(list[2]!.channel, 'qingshanhu');
        assert.equal(list[9]!.title, '南昌青山湖创新社区治理模式 打造社会组织孵化平台');
      } finally {
        await close();
      }
    });

    it('updates an article whose body changed', async () => {
      const opened = await dialect.open();
      const { db, close } = opened;
      try {
        await importSeedText(db, writingFor(opened), '-\n【西湖区招商】西湖区新闻\n旧的正文。\n2025-01-02\n');
        const report = await importSeedText(db, writingFor(opened), '-\n【西湖区招商】西湖区新闻\n新的正文。\n2025-01-02\n');
        assert.deepEqual([report.imported, report.updated, report.unchanged], [0, 1, 0]);
        const [article] = await latestArticles(db, { limit: 5, offset: 0 });
        assert.equal(article!.excerpt, '新的正文。');
        assert.equal(await countArticles(db), 1);
      } finally {
        await close();
      }
    });

    it('indexes a large import batch by batch, its words cut ahead on a worker thread', async () => {
      const opened = await dialect.open();
      const { db, close } = opened;
      const writing = writingFor(opened);
      const find = async (text: string) => {
        const query = parseQuery(text, writing.searchIndex.segmenter);
        if (isQueryProblem(query)) assert.fail(query.message);
        return searchArticles(db, writing.searchIndex, query, { page: 1 });
      };
      const block = (n: number, body: string) => `-\n【东湖区招商】园区动态第${n}期\n${body}\n2025-02-${String(1 + (n % 28)).padStart(2, '0')}\n`;
      const file = (changed?: number) =>
        Array.from({ length: 600 }, (_, n) => block(n, n === changed ? '氢能源项目签约。' : `第${n}号园区引进项目。`)).join('');
      try {
        assert.equal((await importSeedText(db, writing, file())).imported, 600);
        assert.equal((await find('园区')).total, 600);
        const hits = (await find('417')).hits;
        assert.deepEqual(
          hits.map((hit) => hit.title),
          ['园区动态第417期'],
        );

        // Unchanged articles are prepared but never written; a changed one in the last batch is.
        const again = await importSeedText(db, writing, file(3));
        assert.deepEqual([again.imported, again.updated, again.unchanged], [0, 1, 599]);
        assert.deepEqual(
          (await find('氢能源')).hits.map((hit) => hit.title),
          ['园区动态第3期'],
        );
        assert.equal((await find('园区')).total, 600);
      } finally {
        await close();
      }
    });

    it('imports the valid blocks and reports the rejected ones with line numbers', async () => {
      const opened = await dialect.open();
      const { db, close } = opened;
      try {
        const text = '-\n好标题\n正文。\n2025-01-02\n-\n没有日期\n正文。\n-\n【南昌招商】\n正文。\n2025-01-03\n-\n坏日期\n正文。\n2025-02-30\n';
        const report = await importSeedText(db, writingFor(opened), text);
        assert.equal(report.imported, 1);
        assert.deepEqual(
          report.rejected.map((r) => [r.position, r.reason]),
          [
            ['line 5', 'missing date'],
            ['line 8', 'empty title'],
            ['line 12', 'bad date "2025-02-30" (expected YYYY-MM-DD)'],
          ],
        );
        assert.equal(await countArticles(db), 1);
      } finally {
        await close();
      }
    });

    it('with --strict imports nothing when any block is rejected', async () => {
      const opened = await dialect.open();
      const { db, close } = opened;
      try {
        const report = await importSeedText(db, writingFor(opened), '-\n好标题\n正文。\n2025-01-02\n-\n没有日期\n正文。\n', { strict: true });
        assert.equal(report.aborted, true);
        assert.equal(await countArticles(db), 0);
      } finally {
        await close();
      }
    });

    it('never leaves half a write: an article and its version bump roll back together', async () => {
      const opened = await dialect.open();
      const { db, close } = opened;
      try {
        await assert.rejects(
          db.transaction().execute(async (trx) => {
            await saveArticleDraft(trx, writingFor(opened), { originalTitle: '标题', body: '正文。', publishedOn: '2025-01-02' });
            throw new Error('disk full');
          }),
          /disk full/,
        );
        assert.equal(await countArticles(db), 0);
        assert.equal(await currentContentVersion(db), 0);
      } finally {
        await close();
      }
    });

    it('imports the bundled seed on the first start only', async () => {
      const opened = await dialect.open();
      const { db, close } = opened;
      try {
        assert.equal((await importSeedOnFirstStart(db, writingFor(opened), SEED_FILE))?.imported, 10);
        await db.deleteFrom('article').where('title', '=', '2015年东湖区政府工作报告').execute();
        assert.equal(await importSeedOnFirstStart(db, writingFor(opened), SEED_FILE), undefined);
        assert.equal(await countArticles(db), 9, 'a deleted seed article does not come back');
      } finally {
        await close();
      }
    });
  });
}

describe('importer file handling', () => {
  it('reads CRLF files with a BOM from disk the same as the original', async () => {
    const dir = tempDir();
    const dialect = testDialects()[0]!;
    const opened = await dialect.open();
    const { db, close } = opened;
    try {
      const path = join(dir.path, 'windows.txt');
      writeFileSync(path, `\uFEFF${seedText().replace(/\n/g, '\r\n')}`);
      const report = await importSeedFile(db, writingFor(opened), path);
      assert.equal(report.imported, 10);
      const again = await importSeedFile(db, writingFor(opened), SEED_FILE);
      assert.equal(again.unchanged, 10, 'CRLF and BOM do not make a different article');
    } finally {
      await close();
      dir.remove();
    }
  });
});

// Processes sharing one SQLite file; the PostgreSQL engines lock rows, and their pool waits.
describe('importer beside other writers on SQLite', () => {
  const sqlite = testDialects().find((dialect) => dialect.name === 'sqlite')!;

  it('finishes while another connection holds the write lock for a while', async () => {
    const opened = await sqlite.open();
    try {
      const { released } = holdWriteLock(opened.sqlitePath!, 1500);
      const report = await importSeedFile(opened.db, writingFor(opened), SEED_FILE);
      assert.ok(performance.now() > (await released), 'the import waited for the lock');
      assert.equal(report.imported, 10);
    } finally {
      await opened.close();
    }
  });

  it('commits in short transactions, so another writer gets in long before a batch is written', async () => {
    const dir = tempDir();
    const opened = await sqlite.open();
    const other = await openDb({ engine: 'sqlite', path: opened.sqlitePath! });
    try {
      // 600 articles with the seed's real bodies (news and long reports), so each takes a while.
      const seed = parseSeedText(seedText()).flatMap((item) => (item.kind === 'block' ? [item.block] : []));
      const path = join(dir.path, 'many.txt');
      writeFileSync(
        path,
        Array.from({ length: 600 }, (_, n) => seed[n % seed.length]!)
          .map((block, n) => `-\n${block.title}（${n}）\n${block.body.replace(/\n/gu, ' ')}\n${block.date}\n`)
          .join(''),
      );
      let otherWrite: Promise<number> | undefined;
      // Once the import has committed its first transaction, the other connection wants to write.
      const update = () => {
        otherWrite ??= other.db.transaction().execute(async (trx) => {
          await trx.insertInto('site_meta').values({ key: 'other', value: '1' }).execute();
          return countArticles(trx);
        });
      };
      const writeProgress = () => ({ update, finish() {} });
      const report = await importSeedFile(opened.db, writingFor(opened), path, { writeProgress });
      assert.equal(report.imported, 600);
      const writtenBefore = await otherWrite!;
      assert.ok(writtenBefore < 250, `the other write waited until ${writtenBefore} articles were written, not for a whole batch of 250`);
    } finally {
      await other.close();
      await opened.close();
      dir.remove();
    }
  });
});
