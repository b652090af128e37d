// npm run bench:import [-- --articles 10000]
// Times `zhaoshang import` of an NDJSON file and of an RSS 2.0 file of that many articles
// (recombined from the seed's sentences, with varied titles and dates), each into an empty SQLite
// portal, and `zhaoshang export --format ndjson` of the result: service calls, as the commands make them.
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openDb } from '../src/db/connect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { importFile } from '../src/importer/importer.service.ts';
import { exportNdjson } from '../src/importer/ndjson-export.ts';
import { articleFeedEntry } from '../src/articles/article.feeds.ts';
import { excerptOf } from '../src/text/excerpt.ts';
import { rssDocument } from '../src/feeds/rss.ts';
import { channels, SEED_FILE, writingFor } from '../test/helpers/seed.ts';
import { tempDir } from '../test/helpers/test-db.ts';
import { recombinedArticles } from './search-corpus.ts';

const { values } = parseArgs({ options: { articles: { type: 'string', default: '10000' } } });
const count = Number(values.articles);
const dir = tempDir('zhaoshang-import-bench-');
const seconds = (started: number) => ((performance.now() - started) / 1000).toFixed(2);
const mb = (path: string) => `${(statSync(path).size / 1e6).toFixed(1)} MB`;

try {
  // Newest first, as a news list and a feed are.
  const drafts = [...recombinedArticles(SEED_FILE, count)].sort((a, b) => b.publishedOn.localeCompare(a.publishedOn));
  const ndjsonFile = join(dir.path, 'articles.ndjson');
  writeFileSync(ndjsonFile, drafts.map((draft) => `${JSON.stringify({ title: draft.originalTitle, body: draft.body, date: draft.publishedOn })}\n`).join(''));
  const rssFile = join(dir.path, 'articles.rss');
  writeFileSync(
    rssFile,
    // Written by the portal's own feed writer, as another portal's /rss.xml would be, but with every article.
    rssDocument(
      {
        title: '南昌招商',
        description: '基准测试',
        path: '/',
        language: 'zh-CN',
        entries: drafts.map((draft, i) => {
          const channel = channels.channelOf(draft.originalTitle, draft.body).slug;
          const article = {
            ...draft,
            id: i + 1,
            title: draft.originalTitle,
            channel,
            excerpt: excerptOf(draft.body),
            updatedAt: new Date().toISOString(),
            bodyFormat: 'text' as const,
          };
          return articleFeedEntry(article, channels);
        }),
      },
      { origin: 'https://zs.example.gov.cn', selfUrl: 'https://zs.example.gov.cn/rss.xml', publisher: '南昌招商', siteName: '南昌招商' },
      new Date(),
    ),
  );

  for (const [name, file] of [
    ['NDJSON', ndjsonFile],
    ['RSS 2.0', rssFile],
  ] as const) {
    const portal = await openDb({ engine: 'sqlite', path: join(dir.path, `${name}.db`) });
    await migrateToLatest(portal.db, portal.dialect);
    const started = performance.now();
    const report = await importFile(portal.db, writingFor(portal), file);
    console.log(`import ${name} (${mb(file)}): ${seconds(started)} s, imported ${report.imported}, rejected ${report.rejected.length}`);
    if (name === 'NDJSON') {
      const output = join(dir.path, 'export.ndjson');
      const exportStarted = performance.now();
      const exported = await exportNdjson(portal.db, { path: output });
      console.log(`export NDJSON of ${exported} articles (${mb(output)}): ${seconds(exportStarted)} s`);
    }
    await portal.close();
  }
} finally {
  dir.remove();
}
