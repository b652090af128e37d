// The footer a government site must carry, rendered by the whole app from the configuration.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { appDeps, openSeededApp } from '../../test/helpers/test-app.ts';
import { testDialects } from '../../test/helpers/test-db.ts';

/** Every setting of the footer, as an operator writes them in the environment file. */
const CONFIGURED = {
  SITE_HOST_ORGANISATION: '南昌市投资促进局',
  SITE_ORGANISER: '南昌市信息中心',
  SITE_CODE: '3601000001',
  SITE_ICP_NUMBER: '赣ICP备12345678号-1',
  SITE_PUBLIC_SECURITY_NUMBER: '赣公网安备36010202000123号',
  CONTACT_ADDRESS: '南昌市红谷滩区卧龙路999号',
  CONTACT_PHONE: '0791-88888888',
  CONTACT_EMAIL: 'zs@example.gov.cn',
};

interface Link {
  attributes: Record<string, string>;
  /** The link's text without markup. */
  text: string;
  inner: string;
}

const unescapeHtml = (text: string) =>
  text
    .replace(/&quot;/gu, '"')
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&amp;/gu, '&');

/** The page's <footer> element, exactly one. */
function footerOf(html: string): string {
  const footers = [...html.matchAll(/<footer class="site-footer">([\s\S]*?)<\/footer>/gu)];
  assert.equal(footers.length, 1, 'one footer');
  return footers[0]![1]!;
}

/** The links of an HTML fragment with their attributes and text. */
function linksOf(html: string): Link[] {
  return [...html.matchAll(/<a ([^>]*)>([\s\S]*?)<\/a>/gu)].map(([, attributes, inner]) => ({
    attributes: Object.fromEntries([...attributes!.matchAll(/([\w-]+)="([^"]*)"/gu)].map(([, name, value]) => [name!, unescapeHtml(value!)])),
    text: unescapeHtml(inner!.replace(/<[^>]+>/gu, '')),
    inner: inner!,
  }));
}

/** The one link whose text starts with `text`. */
function linkStartingWith(links: Link[], text: string): Link {
  const found = links.filter((link) => link.text.startsWith(text));
  assert.equal(found.length, 1, `one link "${text}…" in ${JSON.stringify(links.map((link) => link.text))}`);
  return found[0]!;
}

for (const dialect of testDialects()) {
  describe(`the site footer on ${dialect.name}`, () => {
    let seeded: Awaited<ReturnType<typeof openSeededApp>>;
    before(async () => {
      seeded = await openSeededApp({ dialect });
    });
    after(() => seeded.close());

    /** The app configured from `env`, its contact details included. */
    function appFrom(env: Record<string, string>) {
      const config = loadConfig(env);
      return createApp({ ...appDeps(seeded, config.site), contact: config.contact });
    }

    it('shows every configured line, with the filing links as the registers ask', async () => {
      const app = appFrom(CONFIGURED);
      const footer = footerOf(await (await app.request('/')).text());
      const links = linksOf(footer);
      const newWindow = { target: '_blank', rel: 'noopener noreferrer' };

      for (const line of ['主办单位:南昌市投资促进局', '承办单位:南昌市信息中心', '网站标识码:3601000001', '地址:南昌市红谷滩区卧龙路999号']) {
        assert.ok(footer.includes(`<span>${line}</span>`), line);
      }
      assert.equal(linkStartingWith(links, '0791-88888888').attributes.href, 'tel:0791-88888888');
      assert.equal(linkStartingWith(links, 'zs@example.gov.cn').attributes.href, 'mailto:zs@example.gov.cn');

      const icp = linkStartingWith(links, '赣ICP备12345678号-1');
      assert.deepEqual(icp.attributes, { href: 'https://beian.miit.gov.cn/', ...newWindow });
      assert.equal(icp.text, '赣ICP备12345678号-1(在新窗口打开)', 'a screen reader hears that it opens a new window');

      const publicSecurity = linkStartingWith(links, '赣公网安备');
      assert.deepEqual(publicSecurity.attributes, {
        href: 'https://beian.mps.gov.cn/#/query/webSearch?code=36010202000123',
        class: 'public-security-filing',
        ...newWindow,
      });
      const icon = /^<img src="([^"]+)" alt="公安备案图标"[^>]*\/>赣公网安备36010202000123号/u.exec(publicSecurity.inner);
      assert.ok(icon, `the icon comes first, then the number: ${publicSecurity.inner}`);

      const errorReport = linkStartingWith(links, '我为政府网站找错');
      assert.deepEqual(errorReport.attributes, {
        href: 'https://zfwzzc.www.gov.cn/check_web/errorInfo_querySubmit.action?websitecode=3601000001',
        ...newWindow,
      });

      // The icon is one of our own files: nothing in the footer loads from another host.
      const iconSrc = unescapeHtml(icon[1]!);
      assert.match(iconSrc, /^\/static\//u);
      const served = await app.request(iconSrc);
      assert.equal(served.status, 200);
      assert.equal(served.headers.get('content-type'), 'image/svg+xml');
      assert.match(await served.text(), /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/u);
      assert.ok(![...footer.matchAll(/ src="([^"]*)"/gu)].some(([, src]) => /^(https?:)?\/\//u.test(src!)), 'no image from another host');
    });

    it('leads 我为政府网站找错 to the URL configured in its place', async () => {
      const own = 'https://zs.example.gov.cn/jiucuo?from=footer&v=1';
      const links = linksOf(footerOf(await (await appFrom({ ...CONFIGURED, SITE_ERROR_REPORT_URL: own }).request('/')).text()));
      assert.equal(linkStartingWith(links, '我为政府网站找错').attributes.href, own);
    });

    it('with nothing configured, shows only our own links', async () => {
      const app = appFrom({});
      const footer = footerOf(await (await app.request('/')).text());
      const links = linksOf(footer);
      assert.deepEqual(
        links.map((link) => [link.text, link.attributes.href]),
        [
          ['有想补充的信息?点我投稿', '/submit'],
          ['联系我们', '/contact'],
          ['公开问答', '/qa'],
          ['企业入驻', '/enterprises/apply'],
          ['网站地图', '/sitemap'],
          ['RSS 订阅', '/rss.xml'],
        ],
      );
      for (const absent of ['主办单位', '承办单位', '网站标识码', 'ICP', '公网安备', '<img', '找错', 'footer-contact', 'footer-identity', '地址', '电话']) {
        assert.ok(!footer.includes(absent), absent);
      }
      for (const link of links) assert.equal((await app.request(link.attributes.href!)).status, 200, link.attributes.href);
    });

    it('shows each contact line alone when only it is configured', async () => {
      const footer = footerOf(await (await appFrom({ CONTACT_PHONE: '0791-88888888' }).request('/')).text());
      assert.match(footer, /<p class="footer-contact"><span>电话:<a href="tel:0791-88888888">0791-88888888<\/a><\/span><\/p>/u);
      assert.ok(!footer.includes('地址') && !footer.includes('电子邮箱') && !footer.includes('footer-identity'));
    });

    it('is the same on error pages, which render without a request’s chrome', async () => {
      const app = appFrom(CONFIGURED);
      const notFound = await app.request('/no-such-page');
      assert.equal(notFound.status, 404);
      const footer = footerOf(await notFound.text());
      assert.equal(footer, footerOf(await (await app.request('/')).text()));
      assert.ok(footer.includes('赣ICP备12345678号-1'));
    });

    it('marks 网站地图 as the current page on the site map', async () => {
      const links = linksOf(footerOf(await (await appFrom({}).request('/sitemap')).text()));
      assert.equal(linkStartingWith(links, '网站地图').attributes['aria-current'], 'page');
      assert.equal(linkStartingWith(links, '联系我们').attributes['aria-current'], undefined);
    });
  });
}
