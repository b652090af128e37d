import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { saveArticleDraft } from '../articles/article.service.ts';
import { createApp } from '../app.ts';
import { writingFor } from '../../test/helpers/seed.ts';
import { appDeps, openSeededApp } from '../../test/helpers/test-app.ts';
import { testDialects } from '../../test/helpers/test-db.ts';

const LOCAL = 'http://localhost';
const BREAKOUT_TITLE = '【东湖区招商】标题</script><script>alert(1)</script><!--注释';

/** The content of `<meta property|name="key">`, and of every such tag when `all`. */
function metaOf(html: string, key: string): string | undefined {
  return new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"/>`, 'u').exec(html)?.[1];
}

function canonicalOf(html: string): string | undefined {
  const all = [...html.matchAll(/<link rel="canonical" href="([^"]*)"\/>/gu)];
  assert.ok(all.length <= 1, 'at most one canonical link');
  return all[0]?.[1];
}

const unescapeHtml = (text: string) =>
  text
    .replace(/&quot;/gu, '"')
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&amp;/gu, '&');

for (const dialect of testDialects()) {
  describe(`canonical URLs and link previews on ${dialect.name}`, () => {
    let seeded: Awaited<ReturnType<typeof openSeededApp>>;
    let breakoutId: number;
    before(async () => {
      seeded = await openSeededApp({ dialect });
      const saved = await seeded.db
        .transaction()
        .execute((trx) => saveArticleDraft(trx, writingFor(seeded), { originalTitle: BREAKOUT_TITLE, body: '正文。', publishedOn: '2026-03-01' }));
      breakoutId = saved.id;
    });
    after(() => seeded.close());

    const page = async (path: string, init?: RequestInit) => {
      const response = await seeded.app.request(path, init);
      return { status: response.status, html: await response.text() };
    };

    it('every public page has one canonical URL, a description, Open Graph and a Twitter card', async () => {
      const pages = [
        '/',
        '/channels',
        '/channels/donghu',
        `/articles/${breakoutId}`,
        '/data',
        '/projects',
        '/policies',
        '/parks',
        '/enterprises',
        '/submit',
        '/contact',
        '/enterprises/apply',
        '/appeals/stats',
        '/sitemap',
      ];
      for (const path of pages) {
        const { status, html } = await page(path);
        assert.equal(status, 200, path);
        assert.equal(canonicalOf(html), `${LOCAL}${path}`, path);
        assert.ok(metaOf(html, 'description'), `${path}: description`);
        assert.equal(metaOf(html, 'og:url'), `${LOCAL}${path}`, path);
        assert.equal(metaOf(html, 'og:site_name'), '南昌招商');
        assert.equal(metaOf(html, 'og:locale'), 'zh_CN');
        assert.ok(metaOf(html, 'og:title') && metaOf(html, 'og:description'), path);
        assert.equal(metaOf(html, 'og:type'), path.startsWith('/articles/') ? 'article' : 'website', path);
        assert.equal(metaOf(html, 'twitter:card'), 'summary');
        assert.match(html, /<link rel="alternate" type="application\/rss\+xml" title="[^"]+" href="\/rss.xml"\/>/u, `${path}: site RSS`);
        assert.match(html, /<link rel="alternate" type="application\/atom\+xml" title="[^"]+" href="\/atom.xml"\/>/u, `${path}: site Atom`);
        assert.match(html, /<a href="\/rss.xml" type="application\/rss\+xml">RSS 订阅<\/a>/u, `${path}: visible feed link`);
      }
    });

    it('the case status pages ask search engines not to index them; the public pages do not', async () => {
      const noindex = /<meta name="robots" content="noindex"\/>/u;
      for (const path of ['/submit/status', '/contact/status', '/enterprises/status']) {
        const { status, html } = await page(path);
        assert.equal(status, 200, path);
        assert.match(html, noindex, path);
      }
      for (const path of ['/', '/channels/donghu', `/articles/${breakoutId}`, '/submit']) assert.doesNotMatch((await page(path)).html, noindex, path);
    });

    it('junk and default parameters give the same canonical URL as the bare address', async () => {
      for (const [url, canonical] of [
        ['/?utm_source=x&page=1', '/'],
        ['/?from=singlemessage&isappinstalled=0', '/'],
        ['/channels/donghu?utm_source=x&page=1&spm=a.b', '/channels/donghu'],
        [`/articles/${breakoutId}?utm_medium=social`, `/articles/${breakoutId}`],
        ['/projects?utm_campaign=c', '/projects'],
      ]) {
        const { html } = await page(url!);
        assert.equal(canonicalOf(html), `${LOCAL}${canonical}`, url);
      }
    });

    it('pages answered with an error carry no canonical URL', async () => {
      for (const [path, status] of [
        ['/articles/999999', 404],
        ['/channels/atlantis', 404],
        ['/?page=abc', 400],
        ['/no-such-page', 404],
      ] as const) {
        const response = await page(path);
        assert.equal(response.status, status, path);
        assert.equal(canonicalOf(response.html), undefined, path);
        assert.equal(metaOf(response.html, 'og:url'), undefined, path);
      }
    });

    it('channel and article pages link their channel’s feeds', async () => {
      const channel = (await page('/channels/donghu')).html;
      const article = (await page(`/articles/${breakoutId}`)).html;
      for (const html of [channel, article]) {
        assert.match(html, /<link rel="alternate" type="application\/rss\+xml" title="[^"]*" href="\/channels\/donghu\/rss.xml"\/>/u);
        assert.match(html, /<link rel="alternate" type="application\/atom\+xml" title="[^"]*" href="\/channels\/donghu\/atom.xml"\/>/u);
      }
      assert.match(channel, /<a href="\/channels\/donghu\/rss.xml" type="application\/rss\+xml">RSS 订阅本频道<\/a>/u);
    });

    it('article pages describe the article: Open Graph article properties and NewsArticle JSON-LD that no title can break out of', async () => {
      const { html } = await page(`/articles/${breakoutId}`);
      const row = await seeded.db.selectFrom('article').selectAll().where('id', '=', breakoutId).executeTakeFirstOrThrow();
      assert.equal(metaOf(html, 'article:published_time'), '2026-03-01T00:00:00+08:00');
      assert.equal(metaOf(html, 'article:modified_time'), row.updated_at);
      assert.equal(metaOf(html, 'article:section'), '东湖区');
      assert.equal(unescapeHtml(metaOf(html, 'og:title')!), row.title);
      const scripts = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/gu)];
      assert.equal(scripts.length, 1, 'the JSON-LD script is not cut short by the title');
      const json = scripts[0]![1]!;
      assert.ok(!json.includes('<'), 'no < inside the script element');
      const data = JSON.parse(json);
      const url = `${LOCAL}/articles/${breakoutId}`;
      assert.deepEqual(data, {
        '@context': 'https://schema.org',
        '@type': 'NewsArticle',
        headline: row.title,
        description: row.excerpt,
        datePublished: '2026-03-01T00:00:00+08:00',
        dateModified: row.updated_at,
        articleSection: '东湖区',
        inLanguage: 'zh-CN',
        url,
        mainEntityOfPage: { '@type': 'WebPage', '@id': url },
        publisher: { '@type': 'GovernmentOrganization', name: '南昌招商', url: LOCAL },
        author: { '@type': 'GovernmentOrganization', name: '南昌招商', url: LOCAL },
      });
      assert.ok(row.title.includes('</script>'), 'the title really holds the break-out attempt');
    });

    it('absolute URLs use PUBLIC_ORIGIN when set, whatever Host the request names', async () => {
      const app = createApp({ ...appDeps(seeded), publicOrigin: 'https://zs.example.gov.cn' });
      for (const url of ['http://evil.example/', 'http://localhost/']) {
        const html = await (await app.request(url)).text();
        assert.equal(canonicalOf(html), 'https://zs.example.gov.cn/');
      }
      const rss = await (await app.request('http://evil.example/rss.xml')).text();
      assert.ok(rss.includes('<link>https://zs.example.gov.cn/</link>') && !rss.includes('evil.example'));
    });

    it('without PUBLIC_ORIGIN a forged Host is answered to its sender only', async () => {
      // The test app trusts the proxy's X-Forwarded-Host, the header an attacker would try.
      const forged = await page('/channels/donghu', { headers: { 'X-Forwarded-Host': 'evil.example' } });
      assert.equal(canonicalOf(forged.html), 'http://evil.example/channels/donghu');
      const honest = await page('/channels/donghu');
      assert.equal(canonicalOf(honest.html), `${LOCAL}/channels/donghu`);
      const sitemap = await (await seeded.app.request('/sitemap.xml')).text();
      assert.ok(!sitemap.includes('evil.example'));
    });
  });
}
