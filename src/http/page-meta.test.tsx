import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { htmlDocument, Layout, type PageChrome } from './layout.tsx';
import { canonicalPath, scriptSafeJson } from './page-address.ts';
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
