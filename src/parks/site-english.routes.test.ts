// The English carrier library lists every site with its kind, area, place and industries in English.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { appDeps } from '../../test/helpers/test-app.ts';
import { fillWithSiteContent } from '../../test/helpers/site-content.ts';
import { testDialects } from '../../test/helpers/test-db.ts';
import { createApp } from '../app.ts';
import type { OpenDb } from '../db/connect.ts';

for (const dialect of testDialects()) {
  describe(`the English carrier library on ${dialect.name}`, () => {
    let opened: OpenDb & { close(): Promise<void> };
    before(async () => {
      opened = await dialect.open();
      await fillWithSiteContent(opened);
    });
    after(() => opened.close());

    it('/en/parks lists the sites in English, linking their Chinese pages', async () => {
      const app = createApp(appDeps(opened));
      const html = await (await app.request('/en/parks')).text();
      assert.match(html, /<html lang="en">/);
      assert.match(
        html,
        /<td lang="zh-CN"><a href="\/parks\/\d+" hreflang="zh-CN">红谷滩数字经济大厦<\/a><\/td><td>Office building<\/td><td>45,000 m²<\/td><td>Honggutan District<\/td><td>5,800 m²<\/td><td>Manufacturing; Information transmission, software and IT services<\/td>/,
      );
      assert.match(html, /<td>Land<\/td><td>80,000 m²<\/td><td>Xinjian District<\/td>/);
      assert.match(html, /<link rel="alternate" hreflang="zh-CN" href="http:\/\/localhost\/parks"\/>/);
    });

    it('the unfiltered Chinese list and the English list name each other with hreflang; a filtered list has no counterpart', async () => {
      const app = createApp(appDeps(opened));
      const hreflangs = async (path: string) =>
        [...(await (await app.request(path)).text()).matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"\/>/g)].map((m) => `${m[1]} ${m[2]}`);
      const pair = ['zh-CN http://localhost/parks', 'en http://localhost/en/parks', 'x-default http://localhost/parks'];
      assert.deepEqual(await hreflangs('/parks'), pair);
      assert.deepEqual(await hreflangs('/en/parks'), pair);
      assert.deepEqual(await hreflangs('/parks?kind=land'), [], 'the English list has no filters');
    });

    it('the sitemap lists /en/parks, and /parks and /en/parks carry each other as xhtml:link alternates', async () => {
      const app = createApp(appDeps(opened));
      const xml = await (await app.request('/sitemap.xml')).text();
      const links = (path: string) => {
        const url = new RegExp(`<url><loc>http://localhost${path}</loc>(?:<lastmod>[^<]*</lastmod>)?((?:<xhtml:link [^>]*/>)*)</url>`).exec(xml);
        assert.ok(url, path);
        return [...url[1]!.matchAll(/hreflang="([^"]+)" href="([^"]+)"/g)].map((m) => `${m[1]} ${m[2]}`);
      };
      const pair = ['zh-CN http://localhost/parks', 'en http://localhost/en/parks', 'x-default http://localhost/parks'];
      assert.deepEqual(links('/parks'), pair);
      assert.deepEqual(links('/en/parks'), pair);
      assert.equal((await app.request('/en/parks')).status, 200, 'the address listed answers');
    });
  });
}
