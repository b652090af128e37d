import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, it } from 'node:test';
import { publishedArticlesNewestFirst } from '../articles/article.service.ts';
import type { Article } from '../articles/article.ts';
import { latestArticles } from '../articles/article.store.ts';
import { loadConfig } from '../config.ts';
import type { Db } from '../db/database.ts';
import { articleWriting, openMigratedDb } from '../prepare.ts';
import { SEED_FILE, writingFor } from '../../test/helpers/seed.ts';
import { tempDir, testDialects } from '../../test/helpers/test-db.ts';
import { runExportCommand } from './export.command.ts';
import { importSeedFile, importText } from './importer.service.ts';
import { exportNdjson } from './ndjson-export.ts';

function collector() {
  let text = '';
  const stream = new Writable({
    write(chunk, _encoding, done) {
      text += String(chunk);
      done();
    },
  });
  return { stream, text: () => text };
}

async function exported(db: Db): Promise<string> {
  const out = collector();
  await exportNdjson(db, { stream: out.stream });
  return out.text();
}

async function allArticles(db: Db, pageSize?: number): Promise<Article[]> {
  const articles: Article[] = [];
  for await (const article of publishedArticlesNewestFirst(db, pageSize)) articles.push(article);
  return articles;
}

// What an article is to a reader and to the next import; ids and timestamps belong to the portal.
const comparable = ({ originalTitle, title, channel, body, excerpt, publishedOn, bodyFormat }: Article) => ({
  originalTitle,
  title,
  channel,
  body,
  excerpt,
  publishedOn,
  bodyFormat,
});

// Beside the seed: a Markdown article as the console writes them, an article moved to another
// channel than its text suggests, and three articles on one day (their order must survive).
const EXTRA = [
  {
    title: '控制台写的文章',
    body: '## 一、背景\n\n正文有 **加粗** 和 [链接](https://example.com)。',
    date: '2025-08-01',
    channel: 'gaoxin',
    format: 'markdown',
  },
  { title: '【东湖区招商】归到西湖区的文章', body: '东湖区的新闻。', date: '2025-08-01', channel: 'xihu' },
  { title: '同一天的第三篇', body: '正文 "引号" \\ 反斜杠\n第二段\u2028。', date: '2025-08-01' },
]
  .map((line) => JSON.stringify(line))
  .join('\n');

for (const dialect of testDialects()) {
  describe(`NDJSON export on ${dialect.name}`, () => {
    it('round trip: what portal A exports, imported into an empty portal B, gives the same articles; into A itself, all unchanged', async () => {
      const a = await dialect.open();
      const b = await dialect.open();
      try {
        await importSeedFile(a.db, writingFor(a), SEED_FILE);
        await importText(a.db, writingFor(a), EXTRA);
        // An article taken offline is not exported.
        await a.db.updateTable('article').set({ status: 'draft' }).where('title', '=', '南昌新兴产业高地建设驶入快车道').execute();
        const published = await allArticles(a.db);
        assert.equal(published.length, 12);

        const file = await exported(a.db);
        const lines = file.trimEnd().split('\n');
        assert.equal(lines.length, 12);
        assert.deepEqual(Object.keys(JSON.parse(lines[0]!)), ['title', 'body', 'date', 'channel', 'format']);

        const intoB = await importText(b.db, writingFor(b), file);
        assert.deepEqual([intoB.format, intoB.imported, intoB.rejected.length], ['ndjson', 12, 0]);
        assert.deepEqual((await allArticles(b.db)).map(comparable), published.map(comparable), 'every field, in the same order');
        const listOf = async (db: Db) => (await latestArticles(db, { limit: 50, offset: 0 })).map((article) => article.title);
        assert.deepEqual(await listOf(b.db), await listOf(a.db), 'same-day articles keep their order on the list pages');

        const intoA = await importText(a.db, writingFor(a), file);
        assert.deepEqual([intoA.imported, intoA.updated, intoA.unchanged], [0, 0, 12]);
        assert.equal(await exported(b.db), file, 'B exports the very same file');
      } finally {
        await a.close();
        await b.close();
      }
    });

    it('walks the articles a page at a time in the site order, ties on one day included', async () => {
      const opened = await dialect.open();
      try {
        const lines = Array.from({ length: 23 }, (_, n) => JSON.stringify({ title: `第${n}篇`, body: `第${n}篇正文。`, date: `2025-01-0${1 + (n % 3)}` }));
        await importText(opened.db, writingFor(opened), lines.join('\n'));
        const everything = (await latestArticles(opened.db, { limit: 100, offset: 0 })).map((article) => article.id);
        for (const pageSize of [1, 4, 23, 500]) {
          assert.deepEqual(
            (await allArticles(opened.db, pageSize)).map((article) => article.id),
            everything,
            `pages of ${pageSize}`,
          );
        }
      } finally {
        await opened.close();
      }
    });
  });
}

describe('zhaoshang export', () => {
  it('writes a file whole or not at all, to standard output by default, and refuses an unknown format with usage', async () => {
    const dir = tempDir();
    const databaseUrl = join(dir.path, 'portal.db');
    const config = loadConfig({ DATABASE_URL: databaseUrl });
    const run = async (args: string[]) => {
      const [out, errors] = [collector(), collector()];
      const code = await runExportCommand(config, args, out.stream, errors.stream);
      return { code, out: out.text(), errors: errors.text() };
    };
    try {
      const opened = await openMigratedDb(config);
      await importSeedFile(opened.db, articleWriting(opened), SEED_FILE);

      const toStdout = await run(['--format', 'ndjson']);
      assert.equal(toStdout.code, 0, toStdout.errors);
      assert.equal(toStdout.out.trimEnd().split('\n').length, 10);

      const output = join(dir.path, 'articles.ndjson');
      const toFile = await run(['--format', 'ndjson', '--output', output]);
      assert.deepEqual([toFile.code, toFile.out, toFile.errors], [0, '', `exported 10 articles to ${output}\n`]);
      assert.equal(readFileSync(output, 'utf8'), toStdout.out);

      for (const args of [['--format', 'csv'], [], ['--format', 'ndjson', '--bogus']]) {
        const refused = await run(args);
        assert.equal(refused.code, 2, args.join(' '));
        assert.match(refused.errors, /Usage: zhaoshang export --format ndjson \[--output FILE\]/);
      }

      // A failure half-way (here: after the fourth article) leaves the previous file as it was.
      writeFileSync(output, 'the previous export\n');
      const failing = () => ({
        update(done: number) {
          if (done === 5) throw new Error('disk full');
        },
        finish() {},
      });
      await assert.rejects(exportNdjson(opened.db, { path: output }, failing), /disk full/);
      assert.equal(readFileSync(output, 'utf8'), 'the previous export\n');
      assert.deepEqual(
        readdirSync(dir.path).filter((name) => name.startsWith('articles')),
        ['articles.ndjson'],
      );
      assert.ok(!existsSync(`${output}.partial`));
      await opened.close();
    } finally {
      dir.remove();
    }
  });
});
