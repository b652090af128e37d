import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { saveArticleDraft } from '../articles/article.service.ts';
import { saveArticleEnglish } from '../articles/article-english.service.ts';
import { latestArticles } from '../articles/article.store.ts';
import { openSeededApp } from '../../test/helpers/test-app.ts';
import { testDialects } from '../../test/helpers/test-db.ts';
import { writingFor } from '../../test/helpers/seed.ts';

describe('channel and service pages', () => {
  let seeded: Awaited<ReturnType<typeof openSeededApp>>;
  before(async () => (seeded = await openSeededApp()));
  after(() => seeded.close());

  it('a channel page lists only its articles, newest first', async () => {
    const response = await seeded.app.request('/channels/qingshanhu');
    assert.equal(response.status, 200);
    const html = await response.text();
    assert.match(html, /<h1>青山湖区招商<\/h1>/);
    const titles = [...html.matchAll(/<h2><a href="\/articles\/\d+">([^<]+)<\/a><\/h2>/g)].map((m) => m[1]);
    assert.deepEqual(titles, ['工会法律直通车进园区优化招商营造和谐劳动关系', '南昌青山湖创新社区治理模式 打造社会组织孵化平台']);
    assert.match(html, /<a href="\/channels\/qingshanhu" aria-current="page">青山湖区<\/a>/);
  });

  it('the city-wide channel holds the 南昌招商 and untagged city-wide articles', async () => {
    const html = await (await seeded.app.request('/channels/nanchang')).text();
    assert.equal([...html.matchAll(/<h2><a href/g)].length, 5);
    assert.match(html, /南昌重大重点项目建设提速 招商引资成效显著/);
  });

  it('the navigation and the directory show only channels with articles, the directory with counts', async () => {
    const home = await (await seeded.app.request('/')).text();
    const nav = /<nav class="channel-nav"[\s\S]*?<\/nav>/.exec(home)![0];
    for (const name of ['南昌市', '东湖区', '西湖区', '青云谱区', '青山湖区']) assert.ok(nav.includes(`>${name}</a>`), name);
    assert.ok(!nav.includes('>进贤县</a>'), 'an empty channel is not in the navigation');
    const directory = await (await seeded.app.request('/channels')).text();
    assert.doesNotMatch(directory, /进贤县/, 'an empty channel is not listed, neither as 0 篇');
    assert.doesNotMatch(directory, / 0 篇/);
    assert.match(directory, /<strong>青山湖区<\/strong><span class="meta">区 · 2 篇/);
    assert.match(directory, /<strong>南昌市<\/strong><span class="meta">全市 · 5 篇/);
  });

  it('an empty channel says so, and an unknown channel is a 404', async () => {
    const empty = await seeded.app.request('/channels/anyi');
    assert.equal(empty.status, 200);
    assert.match(await empty.text(), /本频道暂无文章/);
    assert.equal((await seeded.app.request('/channels/atlantis')).status, 404);
  });

  it('links the footer services on every page', async () => {
    const html = await (await seeded.app.request('/channels')).text();
    for (const path of ['/submit', '/contact', '/enterprises/apply']) assert.match(html, new RegExp(`<a href="${path}">`), path);
  });
});

for (const dialect of testDialects()) {
  describe(`channel counts on ${dialect.name}`, () => {
    it('are counted once per content version and counted again when an article is written', async () => {
      const seeded = await openSeededApp({ dialect });
      try {
        const navOf = async (path: string) => /<nav class="channel-nav"[\s\S]*?<\/nav>/.exec(await (await seeded.app.request(path)).text())![0];
        assert.ok(!(await navOf('/')).includes('>进贤县</a>'));
        assert.match(await (await seeded.app.request('/channels')).text(), /<strong>青山湖区<\/strong><span class="meta">区 · 2 篇/);
        await seeded.db.transaction().execute(async (trx) => {
          await saveArticleDraft(trx, writingFor(seeded), {
            originalTitle: '【进贤县招商】进贤县新签约项目',
            body: '进贤县签约项目。',
            publishedOn: '2026-03-01',
          });
          await saveArticleDraft(trx, writingFor(seeded), {
            originalTitle: '【青山湖区招商】青山湖区新签约项目',
            body: '青山湖区签约项目。',
            publishedOn: '2026-03-01',
          });
        });
        // A page not rendered before, so only the counts kept from the first version could be stale.
        assert.ok((await navOf('/channels/xihu')).includes('>进贤县</a>'), 'the navigation shows the channel that now has an article');
        assert.match(await (await seeded.app.request('/channels')).text(), /<strong>青山湖区<\/strong><span class="meta">区 · 3 篇/);
        const list = await (await seeded.app.request('/channels/jinxian')).text();
        assert.match(list, /进贤县新签约项目/);
        assert.doesNotMatch(list, /本频道暂无文章/);
      } finally {
        await seeded.close();
      }
    });

    it('English channel counts are kept per content version and counted again when an English version is written', async () => {
      const seeded = await openSeededApp({ dialect });
      try {
        const englishNavOf = async (path: string) => {
          const nav = /<nav class="channel-nav"[\s\S]*?<\/nav>/.exec(await (await seeded.app.request(path)).text())?.[0] ?? '';
          return [...nav.matchAll(/href="\/en\/channels\/([a-z]+)"/g)].map((m) => m[1]);
        };
        assert.deepEqual(await englishNavOf('/en'), [], 'no English version yet');
        const [newest] = await latestArticles(seeded.db, { limit: 1, offset: 0 });
        const saved = await saveArticleEnglish(
          seeded.db,
          writingFor(seeded),
          { id: 1, name: 'admin', roles: ['admin'], channels: [], mustChangePassword: false },
          { userId: 1, userName: 'admin' },
          newest!.id,
          { title: 'An English title', summary: 'A summary.', body: 'A body.', machineTranslated: false },
        );
        assert.equal(saved, 'saved');
        // A page not rendered before, so only the counts kept from the first version could be stale.
        assert.deepEqual(await englishNavOf('/en/policies'), [newest!.channel], 'the English navigation shows the channel that now has an English article');
      } finally {
        await seeded.close();
      }
    });
  });
}
