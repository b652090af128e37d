// npm run bench:search-phases -- --db PATH | --database-url URL [--queries 400] [--phrases-only]
// Where an uncached search's database and application CPU time goes, phase by phase, on a corpus that
// bench:search-http built and kept (--db / --database-url): the same stream of distinct queries,
// run in this process one at a time, each phase of the /search page timed on its own (the query
// parsed, matches counted, ranked and paged, phrases confirmed, the page's articles read,
// titles and snippets marked, the policy library and the carrier library searched, the page
// rendered and compressed as on a miss). A CPU profile cannot tell these apart: every statement's
// time shows up in the database driver. What is left of bench:search-http's CPU per request is
// routing, middleware, the page cache and node:http (bench:search-http --cpu-prof, then
// bench/cpu-profile-phases.ts). --phrases-only runs only the stream's searches with a quoted
// phrase (about 15 % of it), to see their cost alone.
import { parseArgs } from 'node:util';
import { articlesByIds } from '../src/articles/article.service.ts';
import { englishChannelName } from '../src/channels/channel.ts';
import { parseDatabaseTarget } from '../src/config.ts';
import { openDb } from '../src/db/connect.ts';
import { prepareDatabase } from '../src/prepare.ts';
import { compressBody } from '../src/http/compressed-body.ts';
import { htmlDocument } from '../src/http/layout.tsx';
import { SiteKeywordMatches } from '../src/parks/site-keyword-matches.ts';
import { siteList } from '../src/parks/site.service.ts';
import { PolicyKeywordMatches } from '../src/policies/policy-keyword-matches.ts';
import { policyList } from '../src/policies/policy.service.ts';
import { markedParts, snippetParts } from '../src/search/highlight.ts';
import { isQueryProblem, parseQuery } from '../src/search/search-query.ts';
import { confirmedPhrasePage, PHRASE_CANDIDATES, SEARCH_PAGE_SIZE } from '../src/search/search.service.ts';
import { SearchPage } from '../src/search/views/search-page.tsx';
import { channels, segmenter, writingFor } from '../test/helpers/seed.ts';
import { testChrome } from '../test/helpers/test-chrome.ts';
import { settleBackgroundWork } from './bench-database.ts';
import { queryStream, vocabulary } from './search-queries.ts';

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    'database-url': { type: 'string' },
    queries: { type: 'string', default: '400' },
    'phrases-only': { type: 'boolean', default: false },
  },
});
const location = values.db ?? values['database-url'];
if (!location) {
  console.error('bench:search-phases needs the corpus of bench:search-http: --db PATH or --database-url URL');
  process.exit(2);
}
const opened = await openDb(parseDatabaseTarget(location));
// Migrations and the search index's stamp, as the server prepares a database: a server started on
// this corpus later then finds its index current.
await prepareDatabase(opened);
// And what the server's background passes do: the index searched is the one a server would search.
await settleBackgroundWork(opened);
const { searchIndex } = writingFor(opened);
const { db } = opened;
// As the server searches policies and sites: with the matches it keeps while the content is unchanged.
const policySearch = { segmenter, words: opened.dialect.policyWords, matches: new PolicyKeywordMatches(opened.dialect.policyWords, async () => 1) };
const siteMatches = new SiteKeywordMatches(db, async () => 1);
const { words, phrases } = vocabulary(2000);
const stream = queryStream(words, phrases);
const next = values['phrases-only'] ? phraseQueries(stream) : stream;

const PHASES = [
  'parse',
  'articles: match, count, rank, page',
  'articles: phrases confirmed',
  'articles: read the page',
  'titles and snippets',
  'policies',
  'carriers',
  'rendering HTML',
  'compressing (fast, one encoding)',
] as const;
type Phase = (typeof PHASES)[number];
const spent = new Map<Phase, number>(PHASES.map((phase) => [phase, 0]));
// CPU time of this process (SQLite runs on this thread): on a shared machine it moves far less
// than wall time does.
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const timed = async <T>(phase: Phase, work: () => Promise<T> | T): Promise<T> => {
  const started = cpuMs();
  try {
    return await work();
  } finally {
    spent.set(phase, spent.get(phase)! + cpuMs() - started);
  }
};

const count = Number(values.queries);
try {
  // Warm-up: the same kind of queries, not counted.
  for (let i = 0; i < 50; i += 1) await searchPage(new URL(next(), 'http://x').searchParams);
  for (const phase of PHASES) spent.set(phase, 0);
  const started = cpuMs();
  for (let i = 0; i < count; i += 1) await searchPage(new URL(next(), 'http://x').searchParams);
  const total = cpuMs() - started;
  console.log(
    `${count} distinct ${values['phrases-only'] ? 'phrase ' : ''}searches, one at a time, in process (${opened.dialect.engine}): ${(total / count).toFixed(2)} ms of CPU per search`,
  );
  for (const phase of PHASES) {
    const ms = spent.get(phase)! / count;
    console.log(`  ${phase.padEnd(36)} ${ms.toFixed(2).padStart(7)} ms  ${((100 * spent.get(phase)!) / total).toFixed(0).padStart(3)} %`);
  }
} finally {
  await opened.close();
}

/** The stream's searches whose query holds a quoted phrase. */
function phraseQueries(stream: () => string): () => string {
  return () => {
    for (;;) {
      const path = stream();
      if (new URL(path, 'http://x').searchParams.get('q')!.includes('"')) return path;
    }
  };
}

/** What GET /search does before rendering, phase by phase (search.routes.tsx, search.service.ts). */
async function searchPage(params: URLSearchParams): Promise<void> {
  const q = params.get('q')!;
  const filters = { channel: params.get('channel') ?? undefined, from: params.get('from') ?? undefined, to: params.get('to') ?? undefined };
  const query = await timed('parse', () => parseQuery(q, searchIndex.segmenter));
  if (isQueryProblem(query)) return;
  // searchArticles' first step: the ids of the page (phrases confirmed on the candidates' text).
  const filter = { match: query.match, ...filters };
  const phrases = query.phrases.length > 0;
  const page = { limit: SEARCH_PAGE_SIZE, offset: 0 };
  const found = await timed('articles: match, count, rank, page', () => searchIndex.find(db, filter, phrases ? { limit: PHRASE_CANDIDATES, offset: 0 } : page));
  const ids = phrases
    ? await timed('articles: phrases confirmed', async () => (await confirmedPhrasePage(db, searchIndex, found, query.phrases, page)).ids)
    : found.ids;
  const articles = await timed('articles: read the page', () => articlesByIds(db, ids));
  const hits = await timed('titles and snippets', () =>
    articles.map(({ id, title, body, channel, publishedOn }) => ({
      id,
      title,
      titleParts: markedParts(title, query.highlights),
      snippetParts: snippetParts(body, query.highlights),
      channel,
      publishedOn,
    })),
  );
  // As the search page asks: the first three matching policies and their count.
  const policies = await timed('policies', () => policyList(db, policySearch, { keyword: q, ...filters }, 1, new Date(), 3));
  const sites = await timed('carriers', () => siteList(db, segmenter, { keyword: q, channel: filters.channel }, 1, new Date(), siteMatches));
  const total = found.total;
  const html = await timed('rendering HTML', () =>
    htmlDocument(
      SearchPage({
        chrome: { ...testChrome, nav: channels.all.map(navChannel) },
        channels: channels.all,
        form: { q, channel: filters.channel ?? '', from: filters.from ?? '', to: filters.to ?? '' },
        results: { total, page: 1, pageSize: page.limit, pageCount: Math.max(1, Math.ceil(total / page.limit)), hits, totalIsLowerBound: false },
        navChannel: (slug) => navChannel(channels.bySlug(slug) ?? channels.city),
        policies: { items: policies.items, total: policies.total },
        sites: { items: sites.items.slice(0, 3), total: sites.total },
      }),
    ),
  );
  await timed('compressing (fast, one encoding)', () => compressBody(Buffer.from(html), { fast: true, acceptEncoding: 'gzip, deflate, br' }));
}

function navChannel(channel: (typeof channels.all)[number]) {
  return { slug: channel.slug, name: channel.name, englishName: englishChannelName(channel) };
}
