import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { htmlDocument, Layout, type PageChrome } from './layout.tsx';
import { canonicalPath, scriptSafeJson } from './page-address.ts';
import { headLink } from './page-meta.tsx';
import { testChrome } from '../../test/helpers/test-chrome.ts';

describe('canonical paths', () => {
  it('keep only the parameters the page reads, sorted, defaults dropped', () => {
    const cases: Array<[url: string, params: string[], path: string]> = [
      ['/', ['page'], '/'],
      ['/?page=1', ['page'], '/'],
      ['/?page=01', ['page'], '/'],
      ['/?page=', ['page'], '/'],
      ['/?page=2', ['page'], '/?page=2'],
      ['/?page=002', ['page'], '/?page=2'],
      ['/?utm_source=x&page=1', ['page'], '/'],
      ['/?utm_source=x&utm_medium=y&spm=a.b&from=singlemessage&isappinstalled=0', ['page'], '/'],
      ['/?page=2&page=3', ['page'], '/?page=2'],
      ['/channels/donghu?spm=1&page=3', ['page'], '/channels/donghu?page=3'],
      ['/enterprises?page=2&industry=C&channel=donghu', ['industry', 'channel', 'page'], '/enterprises?channel=donghu&industry=C&page=2'],
      ['/enterprises?industry=&channel=donghu', ['industry', 'channel', 'page'], '/enterprises?channel=donghu'],
      ['/search?q=%E6%8B%9B%E5%95%86+a', ['q'], `/search?q=${encodeURIComponent('招商 a')}`],
      // A marked sentence is the same article.
      ['/articles/3?hl=12', ['hl'], '/articles/3'],
      ['/articles/3', [], '/articles/3'],
    ];
    for (const [url, params, path] of cases) assert.equal(canonicalPath(`http://localhost${url}`, params), path, url);
  });
});

describe('JSON inside <script>', () => {
  it('cannot end the element or open a comment, and reads back the same', () => {
    const value = { headline: '</script><script>alert(1)</script><!-- & \u2028 -->' };
    const json = scriptSafeJson(value);
    assert.ok(!json.includes('<') && !json.includes('>'), json);
    assert.ok(!json.includes('\u2028'));
    assert.deepEqual(JSON.parse(json), value);
  });
});

describe('the layout’s language', () => {
  const chrome: PageChrome = {
    ...testChrome,
    address: { origin: 'https://zs.example.gov.cn', canonicalUrl: 'https://zs.example.gov.cn/en' },
  };
  it('sets <html lang> and og:locale for English pages, zh-CN by default', () => {
    const english = htmlDocument(
      <Layout chrome={chrome} title="Invest in Nanchang" lang="en">
        <p>text</p>
      </Layout>,
    );
    assert.match(english, /<html lang="en">/u);
    assert.match(english, /<meta property="og:locale" content="en_US"\/>/u);
    const chinese = htmlDocument(
      <Layout chrome={chrome} title="首页">
        <p>text</p>
      </Layout>,
    );
    assert.match(chinese, /<html lang="zh-CN">/u);
    assert.match(chinese, /<meta property="og:locale" content="zh_CN"\/>/u);
  });
});

describe('links in <head>', () => {
  it('escape their values as JSX does', () => {
    const link = headLink({ rel: 'alternate', title: '南昌"招商"<动态> & 资讯', href: '/feed?a=1&b=2' });
    assert.equal(String(link), '<link rel="alternate" title="南昌&quot;招商&quot;&lt;动态&gt; &amp; 资讯" href="/feed?a=1&amp;b=2"/>');
    assert.equal(String(link), String(<link rel="alternate" title={'南昌"招商"<动态> & 资讯'} href="/feed?a=1&b=2" />));
  });

  it('come out as the JSX tags did (same bytes, same order): canonical, languages, feeds, stylesheet, icon', () => {
    const chrome: PageChrome = { ...testChrome, address: { origin: 'https://zs.example.gov.cn', canonicalUrl: 'https://zs.example.gov.cn/articles/3' } };
    const page = htmlDocument(
      <Layout chrome={chrome} title="文章" alternates={{ 'zh-CN': '/articles/3', en: '/en/articles/3' }}>
        <p>text</p>
      </Layout>,
    );
    const head = page.slice(page.indexOf('<head>'), page.indexOf('</head>'));
    const links = [...head.matchAll(/<link [^>]*>/g)].map(([tag]) => tag);
    assert.deepEqual(links, [
      '<link rel="canonical" href="https://zs.example.gov.cn/articles/3"/>',
      '<link rel="alternate" hreflang="zh-CN" href="https://zs.example.gov.cn/articles/3"/>',
      '<link rel="alternate" hreflang="en" href="https://zs.example.gov.cn/en/articles/3"/>',
      '<link rel="alternate" hreflang="x-default" href="https://zs.example.gov.cn/articles/3"/>',
      '<link rel="alternate" type="application/rss+xml" title="南昌招商(RSS)" href="/rss.xml"/>',
      '<link rel="alternate" type="application/atom+xml" title="南昌招商(Atom)" href="/atom.xml"/>',
      '<link rel="stylesheet" href="/s.css"/>',
      '<link rel="icon" href="/i.svg" type="image/svg+xml"/>',
    ]);
  });
});
