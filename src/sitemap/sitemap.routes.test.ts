import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Hono } from 'hono';
import { channels, writingFor } from '../../test/helpers/seed.ts';
import { CHANNEL_KIND_LABELS } from '../channels/channel.ts';
import { openSeededApp } from '../../test/helpers/test-app.ts';
import { testChrome } from '../../test/helpers/test-chrome.ts';
import { testDialects } from '../../test/helpers/test-db.ts';
import { parseXml, textOf } from '../../test/helpers/xml.ts';
import { PageCache } from '../http/page-cache.ts';
import { chinaDate } from '../lib/china-time.ts';
import { sitemapRoutes } from './sitemap.routes.tsx';
import { saveArticleEnglish } from '../articles/article-english.service.ts';

const LOCAL = 'http://localhost';
const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';

type Seeded = Awaited<ReturnType<typeof openSeededApp>>;

/** The page's <main> element. */
function mainOf(html: string): string {
  return /<main[\s\S]*?<\/main>/u.exec(html)![0];
}

/** The href of every link in an HTML fragment. */
function hrefsOf(html: string): string[] {
  return [...html.matchAll(/<a [^>]*?href="([^"]*)"/gu)].map(([, href]) => href!.replace(/&amp;/gu, '&'));
}

/** The <loc> and <lastmod> of each <url> of a urlset document, checking its structure. */
function urlsetEntries(xml: string): Array<{ loc: string; lastmod: string | undefined }> {
  const doc = parseXml(xml);
  assert.equal(doc.sitemapindex, undefined);
  assert.equal(doc.urlset['@xmlns'], SITEMAP_NS);
  return (doc.urlset.url ?? []).map((url: Record<string, unknown>) => {
    assert.ok(textOf(url.loc), 'every url has a loc');
    return { loc: textOf(url.loc)!, lastmod: textOf(url.lastmod) };
  });
}

/** The child sitemaps' paths of an index document, checking its structure. */
function indexChildren(xml: string): string[] {
  const doc = parseXml(xml);
  assert.equal(doc.urlset, undefined);
  assert.equal(doc.sitemapindex['@xmlns'], SITEMAP_NS);
  return doc.sitemapindex.sitemap.map((sitemap: Record<string, unknown>) => new URL(textOf(sitemap.loc)!).pathname);
}

for (const dialect of testDialects()) {
  describe(`sitemaps and robots.txt on ${dialect.name}`, () => {
    let seeded: Seeded;
    let draftId: number;
    before(async () => {
      seeded = await openSeededApp({ dialect });
      const draft = await seeded.db.selectFrom('article').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow();
      draftId = Number(draft.id);
      await seeded.db.updateTable('article').set({ status: 'draft' }).where('id', '=', draftId).execute();
    });
    after(() => seeded.close());

    /** Every address the site should list, with its date, read from the database. */
    async function expectedEntries() {
      const rows = await seeded.db.selectFrom('article').select(['id', 'channel', 'updated_at']).where('status', '=', 'published').execute();
      const expected = new Map<string, string | undefined>();
      const newestOf = (dates: string[]) => (dates.length === 0 ? undefined : dates.sort().at(-1));
      expected.set(`${LOCAL}/`, newestOf(rows.map((row) => chinaDate(row.updated_at))));
      for (const path of ['/channels', '/data', '/projects', '/enterprises', '/appeals', '/appeals/stats', '/sitemap'])
        expected.set(`${LOCAL}${path}`, undefined);
      for (const channel of channels.all) {
        const dates = rows.filter((row) => row.channel === channel.slug).map((row) => chinaDate(row.updated_at));
        if (dates.length > 0) expected.set(`${LOCAL}/channels/${channel.slug}`, newestOf(dates));
      }
      for (const row of rows) expected.set(`${LOCAL}/articles/${row.id}`, chinaDate(row.updated_at));
      // The English home and lists (the seed has no English versions).
      for (const path of ['/en', '/en/data', '/en/projects']) expected.set(`${LOCAL}${path}`, undefined);
      return expected;
    }

    /** The sitemap routes alone, with at most `maxUrls` addresses a file. */
    function sitemapApp(maxUrls: number) {
      const pageCache = new PageCache(async () => 1);
      return new Hono().route(
        '/',
        sitemapRoutes({ db: seeded.db, channels, cachedPage: (params, handler) => pageCache.wrap(params, handler), chrome: async () => testChrome }, maxUrls),
      );
    }

    /** Every url of the sitemap `app` serves, following an index to its children. */
    async function allEntries(app: Hono, maxUrls: number) {
      const xml = await (await app.request('/sitemap.xml')).text();
      if (!xml.includes('<sitemapindex')) return { files: 1, entries: urlsetEntries(xml) };
      const children = indexChildren(xml);
      const entries = [];
      for (const path of children) {
        const response = await app.request(path);
        assert.equal(response.status, 200, path);
        const childEntries = urlsetEntries(await response.text());
        assert.ok(childEntries.length > 0 && childEntries.length <= maxUrls, `${path} holds 1 to ${maxUrls} addresses`);
        entries.push(...childEntries);
      }
      return { files: children.length, entries };
    }

    it('/sitemap.xml lists the public pages, channels with articles and every published article, with dates', async () => {
      const response = await seeded.app.request('/sitemap.xml');
      assert.equal(response.headers.get('content-type'), 'application/xml; charset=utf-8');
      const entries = urlsetEntries(await response.text());
      const expected = await expectedEntries();
      assert.deepEqual(new Map(entries.map((entry) => [entry.loc, entry.lastmod])), expected);
      assert.equal(entries.length, expected.size, 'no address twice');
      assert.ok(!entries.some((entry) => entry.loc === `${LOCAL}/articles/${draftId}`), 'no draft');
      assert.ok(!entries.some((entry) => entry.loc.includes('/search')), 'no search results');
    });

    it('splits into an index past the limit, exactly at the limit one file', async () => {
      const expected = await expectedEntries();
      const total = expected.size;
      const atLimit = await allEntries(sitemapApp(total), total);
      assert.equal(atLimit.files, 1);
      assert.equal(atLimit.entries.length, total);
      for (const limit of [total - 1, 3, 1]) {
        const split = await allEntries(sitemapApp(limit), limit);
        assert.ok(split.files >= Math.ceil(total / limit), `limit ${limit}: enough files`);
        assert.equal(split.entries.length, total, `limit ${limit}: every address once`);
        assert.deepEqual(new Map(split.entries.map((entry) => [entry.loc, entry.lastmod])), expected);
      }
    });

    it('answers 404 for child sitemaps that hold nothing or do not exist', async () => {
      const app = seeded.app;
      assert.equal((await app.request('/sitemaps/articles-1.xml')).status, 200);
      for (const path of [
        '/sitemaps/articles-999.xml',
        '/sitemaps/pages-99.xml',
        '/sitemaps/other-1.xml',
        '/sitemaps/articles-0.xml',
        '/sitemaps/articles-1',
      ]) {
        assert.equal((await app.request(path)).status, 404, path);
      }
    });

    it('/sitemap lists each channel with published articles under its kind, with its count, and no empty channel', async () => {
      const rows = await seeded.db.selectFrom('article').select('channel').where('status', '=', 'published').execute();
      const published = new Map<string, number>();
      for (const { channel } of rows) published.set(channel, (published.get(channel) ?? 0) + 1);
      assert.ok(
        channels.all.some((channel) => !published.has(channel.slug)),
        'the seed leaves some channels empty',
      );

      const main = mainOf(await (await seeded.app.request('/sitemap')).text());
      const listed = new Map<string, { kind: string; count: number }>();
      // Each <h3> names a kind; the channels under it run to the next heading.
      for (const [, kind, list] of main.matchAll(/<h3>([^<]+)<\/h3><ul>([\s\S]*?)<\/ul>/gu)) {
        for (const [, slug, count] of list!.matchAll(/<a href="\/channels\/([a-z0-9-]+)">[^<]+<\/a> <span class="sitemap-count">(\d+) 篇<\/span>/gu)) {
          assert.ok(!listed.has(slug!), `${slug} listed once`);
          listed.set(slug!, { kind: kind!, count: Number(count) });
        }
      }
      assert.deepEqual(new Set(listed.keys()), new Set(published.keys()), 'exactly the channels with published articles');
      for (const [slug, { kind, count }] of listed) {
        const channel = channels.bySlug(slug)!;
        assert.equal(kind, CHANNEL_KIND_LABELS[channel.kind], `${slug} under its kind`);
        assert.equal(count, published.get(slug), `${slug}'s count`);
      }
    });

    it('/sitemap links every section the navigation and footer lead to, and each of its links answers', async () => {
      const html = await (await seeded.app.request('/sitemap')).text();
      const onMap = new Set(hrefsOf(mainOf(html)));
      const navigation = hrefsOf(/<nav class="channel-nav"[\s\S]*?<\/nav>/u.exec(html)![0]);
      const footer = hrefsOf(/<footer[\s\S]*?<\/footer>/u.exec(html)![0]);
      for (const href of [...navigation, ...footer].filter((href) => href.startsWith('/') && href !== '/sitemap')) assert.ok(onMap.has(href), href);
      for (const href of onMap) assert.equal((await seeded.app.request(href)).status, 200, href);
    });

    it('lists English versions with xhtml:link alternates between each pair, and x-default', async () => {
      const [article] = await seeded.db.selectFrom('article').select('id').where('status', '=', 'published').orderBy('id').limit(1).execute();
      const id = Number(article!.id);
      await saveArticleEnglish(
        seeded.db,
        writingFor(seeded),
        { id: 1, name: 'admin', roles: ['admin'], channels: [], mustChangePassword: false },
        { userId: 1, userName: 'admin' },
        id,
        { title: 'In English', summary: 'Summary.', body: 'Body.', machineTranslated: false },
      );
      const xml = await (await seeded.app.request('/sitemap.xml')).text();
      assert.match(xml, /<urlset xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9" xmlns:xhtml="http:\/\/www.w3.org\/1999\/xhtml">/);
      const links = (path: string) => {
        const url = new RegExp(`<url><loc>${LOCAL}${path}</loc>(?:<lastmod>[^<]*</lastmod>)?((?:<xhtml:link [^>]*/>)*)</url>`).exec(xml);
        assert.ok(url, path);
        return [...url[1]!.matchAll(/hreflang="([^"]+)" href="([^"]+)"/g)].map((m) => `${m[1]} ${m[2]}`);
      };
      const pair = [`zh-CN ${LOCAL}/articles/${id}`, `en ${LOCAL}/en/articles/${id}`, `x-default ${LOCAL}/articles/${id}`];
      assert.deepEqual(links(`/articles/${id}`), pair);
      assert.deepEqual(links(`/en/articles/${id}`), pair);
      assert.deepEqual(links('/en'), [`zh-CN ${LOCAL}/`, `en ${LOCAL}/en`, `x-default ${LOCAL}/`]);
      const [other] = await seeded.db.selectFrom('article').select('id').where('status', '=', 'published').where('id', '!=', id).limit(1).execute();
      assert.deepEqual(links(`/articles/${other!.id}`), [], 'no alternates without an English version');
    });

    it('/robots.txt opens the site, closes the console, APIs and search, and names the sitemap', async () => {
      const response = await seeded.app.request('/robots.txt');
      assert.match(response.headers.get('content-type') ?? '', /^text\/plain/u);
      const lines = (await response.text()).split('\n');
      assert.equal(lines[0], 'User-agent: *');
      for (const line of ['Allow: /', 'Disallow: /admin', 'Disallow: /api/', 'Disallow: /search', `Sitemap: ${LOCAL}/sitemap.xml`])
        assert.ok(lines.includes(line), line);
    });
  });
}
