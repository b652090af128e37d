// English article pages, hreflang, the language switch and the first visit's Accept-Language.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ConsoleUser } from '../accounts/account.ts';
import { openSeededApp, textOf } from '../../test/helpers/test-app.ts';
import { writingFor } from '../../test/helpers/seed.ts';
import { testDialects } from '../../test/helpers/test-db.ts';
import { MACHINE_TRANSLATION_NOTICE } from '../i18n/english-version.ts';
import { saveArticleEnglish } from './article-english.service.ts';
import { latestArticles } from './article.store.ts';

const ADMIN: ConsoleUser = { id: 1, name: 'admin', roles: ['admin'], channels: [], mustChangePassword: false };
const EDITOR_ELSEWHERE: ConsoleUser = { id: 2, name: 'xihu-editor', roles: ['editor'], channels: ['xihu'], mustChangePassword: false };
const ACTOR = { userId: 1, userName: 'admin' };

for (const dialect of testDialects()) {
  describe(`English article pages on ${dialect.name}`, () => {
    let seeded: Awaited<ReturnType<typeof openSeededApp>>;
    let translated: { id: number; channel: string };
    let untranslated: { id: number; title: string };
    before(async () => {
      seeded = await openSeededApp({ dialect });
      const [first, second] = await latestArticles(seeded.db, { limit: 2, offset: 0 });
      translated = first!;
      untranslated = second!;
      const saved = await saveArticleEnglish(seeded.db, writingFor(seeded), ADMIN, ACTOR, translated.id, {
        title: 'Donghu District Government Work Report 2015',
        summary: 'The district reviews 2014 and sets its targets for 2015.',
        body: '## Review of 2014\n\nGDP reached **CNY 58.2 billion**.',
        machineTranslated: true,
      });
      assert.equal(saved, 'saved');
    });
    after(() => seeded.close());

    it('/en lists only articles with an English version, says so, and links the Chinese list', async () => {
      const response = await seeded.app.request('/en');
      assert.equal(response.status, 200);
      const html = await response.text();
      assert.match(html, /<html lang="en">/);
      const titles = [...html.matchAll(/<h2><a href="\/en\/articles\/(\d+)">([^<]+)<\/a><\/h2>/g)].map((m) => [Number(m[1]), m[2]]);
      assert.deepEqual(titles, [[translated.id, 'Donghu District Government Work Report 2015']]);
      assert.match(html, /1 article has an English version; only these are listed here/);
      assert.match(html, /<a href="\/" hreflang="zh-CN">Chinese list<\/a>/);
      assert.match(html, /<time datetime="2025-07-30">30 July 2025<\/time>/);
      assert.match(html, /<a class="channel-tag" href="\/en\/channels\/donghu">Donghu District<\/a>/);
      // The chrome is English: navigation, footer, skip link.
      assert.match(html, /Skip to main content/);
      assert.match(html, /<a href="\/en\/policies"[^>]*>Policies<\/a>/);
      assert.match(html, /<a href="\/en\/contact"[^>]*>Contact us<\/a>/);
      assert.doesNotMatch(html, />首页</);
      // The English navigation links only channels that have English articles.
      const nav = [...(/<nav class="channel-nav"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? '').matchAll(/href="\/en\/channels\/([a-z]+)"/g)].map((m) => m[1]);
      assert.deepEqual(nav, ['donghu']);
    });

    it('an English article shows its text, the machine-translation notice, hreflang and the switch to its Chinese page', async () => {
      const html = await (await seeded.app.request(`/en/articles/${translated.id}`)).text();
      assert.equal(textOf(html, /<h1>(.*?)<\/h1>/), 'Donghu District Government Work Report 2015');
      assert.ok(html.includes(MACHINE_TRANSLATION_NOTICE.replace('—', '—')), 'the notice');
      assert.match(html, /<strong>CNY 58.2 billion<\/strong>/);
      assert.match(html, new RegExp(`<link rel="alternate" hreflang="zh-CN" href="http://localhost/articles/${translated.id}"/>`));
      assert.match(html, new RegExp(`<link rel="alternate" hreflang="en" href="http://localhost/en/articles/${translated.id}"/>`));
      assert.match(html, new RegExp(`<link rel="alternate" hreflang="x-default" href="http://localhost/articles/${translated.id}"/>`));
      assert.match(html, new RegExp(`class="language-switch" href="/language/zh\\?next=%2Farticles%2F${translated.id}"`));
      // The Chinese page links back.
      const chinese = await (await seeded.app.request(`/articles/${translated.id}`)).text();
      assert.match(chinese, new RegExp(`<link rel="alternate" hreflang="en" href="http://localhost/en/articles/${translated.id}"/>`));
      assert.match(chinese, new RegExp(`class="language-switch" href="/language/en\\?next=%2Fen%2Farticles%2F${translated.id}"`));
    });

    it('an article without an English version says so and links the Chinese original; no hreflang either way', async () => {
      const response = await seeded.app.request(`/en/articles/${untranslated.id}`);
      assert.equal(response.status, 200);
      const html = await response.text();
      assert.equal(textOf(html, /<h1>(.*?)<\/h1>/), 'No English version yet');
      assert.ok(html.includes(`<a href="/articles/${untranslated.id}" hreflang="zh-CN" lang="zh-CN">${untranslated.title}</a>`));
      assert.doesNotMatch(html, /hreflang="en" href=/);
      const chinese = await (await seeded.app.request(`/articles/${untranslated.id}`)).text();
      assert.doesNotMatch(chinese, /<link rel="alternate" hreflang/);
      // Without a counterpart the switch goes to the other home.
      assert.match(chinese, /class="language-switch" href="\/language\/en\?next=%2Fen"/);
      assert.equal((await seeded.app.request('/en/articles/999999')).status, 404);
    });

    it('an English channel page lists that channel in English; an unknown channel is a 404', async () => {
      const html = await (await seeded.app.request(`/en/channels/${translated.channel}`)).text();
      assert.match(html, /<h1>Donghu District<\/h1>/);
      assert.match(html, new RegExp(`href="/en/articles/${translated.id}"`));
      const other = await (await seeded.app.request('/en/channels/xihu')).text();
      assert.match(other, /No articles in English in this channel yet\./);
      assert.equal((await seeded.app.request('/en/channels/nowhere')).status, 404);
    });

    it('the English feed carries only translated articles, marked as machine translations', async () => {
      const xml = await (await seeded.app.request('/en/rss.xml')).text();
      assert.match(xml, /<language>en<\/language>/);
      const items = [...xml.matchAll(/<item>[\s\S]*?<\/item>/g)];
      assert.equal(items.length, 1);
      assert.match(items[0]![0], /Donghu District Government Work Report 2015/);
      assert.match(items[0]![0], /Machine translation/);
    });

    it('the open API gives the English version and which articles have one', async () => {
      const one = (await (await seeded.app.request(`/api/v1/articles/${translated.id}`)).json()) as { english: Record<string, unknown>; englishUrl: string };
      assert.equal(one.englishUrl, `/en/articles/${translated.id}`);
      assert.equal(one.english.title, 'Donghu District Government Work Report 2015');
      assert.equal(one.english.machineTranslated, true);
      assert.equal(one.english.url, `/en/articles/${translated.id}`);
      const other = (await (await seeded.app.request(`/api/v1/articles/${untranslated.id}`)).json()) as { english: unknown; englishUrl: unknown };
      assert.equal(other.english, null);
      assert.equal(other.englishUrl, null);
      const list = (await (await seeded.app.request('/api/v1/articles?limit=2')).json()) as { items: Array<{ id: number; englishUrl: string | null }> };
      assert.deepEqual(
        list.items.map((item) => [item.id, item.englishUrl]),
        [
          [translated.id, `/en/articles/${translated.id}`],
          [untranslated.id, null],
        ],
      );
    });

    it('an editor outside the channel cannot write its English version; removing it takes the article off /en', async () => {
      assert.equal(await saveArticleEnglish(seeded.db, writingFor(seeded), EDITOR_ELSEWHERE, ACTOR, translated.id, null), 'not_found');
      const entries = await seeded.db.selectFrom('audit_log').select(['action', 'target_id']).where('action', 'like', 'article.english%').execute();
      assert.deepEqual(
        entries.map((e) => [e.action, e.target_id]),
        [['article.english_update', String(translated.id)]],
      );
      assert.equal(await saveArticleEnglish(seeded.db, writingFor(seeded), ADMIN, ACTOR, translated.id, null), 'removed');
      assert.match(await (await seeded.app.request('/en')).text(), /0 articles have an English version/);
      assert.equal(textOf(await (await seeded.app.request(`/en/articles/${translated.id}`)).text(), /<h1>(.*?)<\/h1>/), 'No English version yet');
    });
  });
}

describe('the first visit and the language switch', () => {
  let seeded: Awaited<ReturnType<typeof openSeededApp>>;
  before(async () => (seeded = await openSeededApp()));
  after(() => seeded.close());

  it('a first visit preferring English is sent to /en once, with a cookie, never cached', async () => {
    const response = await seeded.app.request('/', { headers: { 'Accept-Language': 'en-GB,en;q=0.9,zh-CN;q=0.5' } });
    assert.equal(response.status, 302);
    assert.equal(response.headers.get('location'), '/en');
    assert.equal(response.headers.get('cache-control'), 'no-store');
    assert.match(response.headers.get('set-cookie') ?? '', /^zs_lang=en; Max-Age=31536000; Path=\/; SameSite=Lax/);
  });

  it('Chinese first, no header, or a visitor who chose Chinese get the Chinese home', async () => {
    for (const headers of [{ 'Accept-Language': 'zh-CN,zh;q=0.9,en;q=0.8' }, {}, { 'Accept-Language': 'en', Cookie: 'zs_lang=zh' }] as Record<
      string,
      string
    >[]) {
      const response = await seeded.app.request('/', { headers });
      assert.equal(response.status, 200, JSON.stringify(headers));
      assert.match(await response.text(), /<html lang="zh-CN">/);
    }
  });

  it('a visitor who chose English is sent from / to /en without a new cookie', async () => {
    const response = await seeded.app.request('/', { headers: { Cookie: 'zs_lang=en', 'Accept-Language': 'zh-CN' } });
    assert.equal(response.status, 302);
    assert.equal(response.headers.get('set-cookie'), null);
  });

  it('the switch remembers the choice and goes to the page named, only ever on this site', async () => {
    const toChinese = await seeded.app.request('/language/zh?next=%2Farticles%2F3');
    assert.equal(toChinese.status, 303);
    assert.equal(toChinese.headers.get('location'), '/articles/3');
    assert.match(toChinese.headers.get('set-cookie') ?? '', /^zs_lang=zh;/);
    assert.equal(toChinese.headers.get('cache-control'), 'no-store');
    for (const next of ['//evil.example', 'https://evil.example', '/\\evil.example', '']) {
      const response = await seeded.app.request(`/language/en?next=${encodeURIComponent(next)}`);
      assert.equal(response.headers.get('location'), '/en', next);
    }
    assert.equal((await seeded.app.request('/language/fr')).status, 404);
  });
});

for (const dialect of testDialects()) {
  describe(`errors under /en on ${dialect.name}`, () => {
    let seeded: Awaited<ReturnType<typeof openSeededApp>>;
    before(async () => (seeded = await openSeededApp({ dialect })));
    after(() => seeded.close());
    const mainOf = (html: string) => /<main[\s\S]*?<\/main>/.exec(html)?.[0] ?? assert.fail('no <main>');

    it('a 404 under /en is an English page in the English layout, with a link to the English home', async () => {
      for (const path of ['/en/no-such-page', '/en/articles/999999', '/en/channels/atlantis']) {
        const response = await seeded.app.request(path);
        assert.equal(response.status, 404, path);
        const html = await response.text();
        assert.match(html, /<html lang="en">/, path);
        assert.match(html, /<h1>Page not found<\/h1>/, path);
        assert.match(html, /Skip to main content/, 'the English chrome');
        assert.match(mainOf(html), /<a href="\/en">Back to the home page<\/a>/);
        assert.doesNotMatch(mainOf(html), /\p{Script=Han}/u, `${path}: no Chinese in the message`);
      }
      assert.match(await (await seeded.app.request('/en/articles/999999')).text(), /There is no such article\./, 'its own English message');
    });

    it('a 400 under /en is English too, even when the shared code that refused it speaks Chinese', async () => {
      const badValidity = await seeded.app.request('/en/policies?validity=bogus');
      assert.equal(badValidity.status, 400);
      const html = await badValidity.text();
      assert.match(html, /<h1>Bad request<\/h1>/);
      assert.match(html, /Unknown validity/);
      const badPage = await seeded.app.request('/en?page=abc');
      assert.equal(badPage.status, 400);
      const main = mainOf(await badPage.text());
      assert.match(main, /The request could not be understood/);
      assert.doesNotMatch(main, /\p{Script=Han}/u, 'the Chinese message of parsePageNumber is not shown on an English page');
    });

    it('errors elsewhere stay Chinese, and /enterprises is not taken for an English address', async () => {
      for (const path of ['/no-such-page', '/enterprises/no-such-page']) {
        const html = await (await seeded.app.request(path)).text();
        assert.match(html, /<html lang="zh-CN">/, path);
        assert.match(html, /<h1>页面不存在<\/h1>/, path);
      }
    });
  });
}
