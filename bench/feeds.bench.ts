// npm run bench:feeds [-- --articles 100000]
// Times /sitemap.xml (an index past 50,000 addresses), its largest child and the feeds on SQLite
// with `--articles` published articles (the seed's texts repeated, inserted straight into a
// temporary database). Each address is rendered once cold (what a change of content costs) and
// then answered from the page cache.
import { parseArgs } from 'node:util';
import { insertArticle } from '../src/articles/article.store.ts';
import { excerptOf } from '../src/text/excerpt.ts';
import { parseSeedText } from '../src/importer/seed-format.ts';
import { createApp } from '../src/app.ts';
import { seedText } from '../test/helpers/seed.ts';
import { appDeps } from '../test/helpers/test-app.ts';
import { testDialects } from '../test/helpers/test-db.ts';

const { values } = parseArgs({ options: { articles: { type: 'string', default: '100000' } } });
const articleCount = Number(values.articles);

const opened = await testDialects()[0]!.open();
try {
  const seed = parseSeedText(seedText()).flatMap((item) => (item.kind === 'block' ? [item.block] : []));
  const started = performance.now();
  await opened.db.transaction().execute(async (trx) => {
    for (let n = 0; n < articleCount; n += 1) {
      const item = seed[n % seed.length]!;
      const day = new Date(Date.UTC(2010, 0, 1) + Math.floor(n / 20) * 86_400_000).toISOString();
      await insertArticle(trx, {
        source_key: `bench:${n}`,
        original_title: `${item.title} ${n}`,
        title: `${item.title} ${n}`,
        channel: 'donghu',
        body: item.body,
        excerpt: excerptOf(item.body),
        published_on: day.slice(0, 10),
        created_at: day,
        updated_at: day,
        status: 'published',
        publish_at: null,
      });
    }
  });
  process.stderr.write(`${articleCount} articles inserted in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  const app = createApp(appDeps(opened));
  const rows: string[] = [];
  for (const path of ['/sitemap.xml', '/sitemaps/articles-1.xml', '/sitemaps/pages-1.xml', '/rss.xml', '/atom.xml', '/channels/donghu/rss.xml']) {
    const timed = async () => {
      const at = performance.now();
      const response = await app.request(path);
      const bytes = (await response.arrayBuffer()).byteLength;
      if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
      return { ms: performance.now() - at, bytes };
    };
    const cold = await timed();
    const warm = await timed();
    rows.push(
      `${path.padEnd(28)} ${cold.ms.toFixed(0).padStart(6)} ms cold ${warm.ms.toFixed(1).padStart(7)} ms cached ${(cold.bytes / 1024).toFixed(0).padStart(7)} KiB`,
    );
  }
  process.stdout.write(`Feeds and sitemaps at ${articleCount} articles on SQLite:\n${rows.join('\n')}\n`);
} finally {
  await opened.close();
}
