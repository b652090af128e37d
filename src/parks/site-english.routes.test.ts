// The English carrier library lists every site with its kind, area, place and industries in English.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { appDeps } from '../../test/helpers/test-app.ts';
import { fillWithSiteContent } from '../../test/helpers/site-content.ts';
import { testDialects } from '../../test/helpers/test-db.ts';
import { createApp } from '../app.ts';
import type { OpenDb } from '../db/connect.ts';

describe('the English carrier library', () => {
  let opened: OpenDb & { close(): Promise<void> };
  before(async () => {
    opened = await testDialects()[0]!.open();
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
});
