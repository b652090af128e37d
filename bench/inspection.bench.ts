// npm run bench:inspection [-- --articles 10000]
// Times each inspection check over `--articles` published Markdown articles on SQLite (the seed's
// texts repeated, inserted straight into a temporary database), every fifth one with site links:
// to an earlier article, a missing one, a channel, an unknown channel and two other paths.
import { parseArgs } from 'node:util';
import { insertArticle } from '../src/articles/article.store.ts';
import { createApp } from '../src/app.ts';
import { INSPECTION_CHECKS } from '../src/inspection/inspection-checks.ts';
import { parseSeedText } from '../src/importer/seed-format.ts';
import { excerptOf } from '../src/text/excerpt.ts';
import { channels, seedText } from '../test/helpers/seed.ts';
import { appDeps, shippedCalendar } from '../test/helpers/test-app.ts';
import { testDialects } from '../test/helpers/test-db.ts';

const { values } = parseArgs({ options: { articles: { type: 'string', default: '10000' } } });
const articleCount = Number(values.articles);

const opened = await testDialects()[0]!.open();
try {
  const seed = parseSeedText(seedText()).flatMap((item) => (item.kind === 'block' ? [item.block] : []));
  await opened.db.transaction().execute(async (trx) => {
    for (let n = 0; n < articleCount; n += 1) {
      const item = seed[n % seed.length]!;
      const day = new Date(Date.UTC(2010, 0, 1) + Math.floor(n / 20) * 86_400_000).toISOString();
      const links =
        n % 5 === 4
          ? `\n\n见[前文](/articles/${n})、[缺失](/articles/${n + 10_000_000})、[频道](/channels/donghu)、[未知](/channels/x${n % 7})、[搜索](/search?q=${n})、[数据](/data)。`
          : '';
      await insertArticle(trx, {
        source_key: `bench:${n}`,
        original_title: `${item.title} ${n}`,
        title: `${item.title} ${n}`,
        channel: channels.all[n % channels.all.length]!.slug,
        body: `${item.body}${links}`,
        body_format: 'markdown',
        excerpt: excerptOf(item.body),
        published_on: day.slice(0, 10),
        created_at: day,
        updated_at: day,
        status: 'published',
        publish_at: null,
      });
    }
  });
  const app = createApp(appDeps(opened));
  const context = { db: opened.db, channels, calendar: shippedCalendar, now: new Date(), requestPage: async (path: string) => app.request(path) };
  const rows: string[] = [];
  for (const check of INSPECTION_CHECKS) {
    const heapBefore = process.memoryUsage().heapUsed;
    const started = performance.now();
    const findings = await check.run(context);
    const ms = performance.now() - started;
    const heapMiB = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
    rows.push(
      `${check.id.padEnd(20)} ${ms.toFixed(0).padStart(6)} ms ${String(findings.length).padStart(6)} findings  heap ${heapMiB >= 0 ? '+' : ''}${heapMiB.toFixed(0)} MiB`,
    );
  }
  process.stdout.write(`Inspection checks at ${articleCount} articles on SQLite:\n${rows.join('\n')}\n`);
} finally {
  await opened.close();
}
