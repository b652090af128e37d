import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { testChrome } from '../../test/helpers/test-chrome.ts';
import { keptFragment } from './kept-fragment.ts';
import { htmlDocument, Layout, type PageChrome } from './layout.tsx';

// One chrome for every page, as the app passes one navigation list per content version.
const chrome: PageChrome = {
  ...testChrome,
  nav: [
    { slug: 'nanchang', name: '南昌市', englishName: 'Nanchang' },
    { slug: 'donghu', name: '东湖区', englishName: 'Donghu District' },
  ],
};
const currentLinks = (page: string) => [...page.matchAll(/<a [^>]*aria-current="page"[^>]*>([^<]*)</g)].map((match) => match[1]);

describe('the layout’s kept navigation and footer', () => {
  it('mark each page’s own link, whatever page was rendered before', () => {
    const render = (props: { home?: boolean; currentChannel?: string; section?: string; lang?: 'en' }) =>
      currentLinks(
        htmlDocument(
          <Layout chrome={chrome} title="页" {...props}>
            <p>text</p>
          </Layout>,
        ),
      );
    // Twice each, in turn: a second rendering reads the kept text.
    for (let round = 0; round < 2; round += 1) {
      assert.deepEqual(render({ home: true }), ['首页']);
      assert.deepEqual(render({ currentChannel: 'donghu' }), ['东湖区']);
      assert.deepEqual(render({ currentChannel: 'nanchang' }), ['南昌市']);
      assert.deepEqual(render({ section: '/policies' }), ['政策文件']);
      assert.deepEqual(render({ section: '/submit' }), ['有想补充的信息?点我投稿']);
      assert.deepEqual(render({ lang: 'en', currentChannel: 'donghu' }), ['Donghu District']);
      assert.deepEqual(render({}), []);
    }
  });

  it('render a fragment once per owner and key, and again for a new owner', () => {
    let renderings = 0;
    const fragment = (owner: object, key: string) =>
      String(
        keptFragment(owner, key, () => {
          renderings += 1;
          return <p>{`${key}<&>`}</p>;
        }),
      );
    const owner = {};
    assert.equal(fragment(owner, 'a'), '<p>a&lt;&amp;&gt;</p>');
    assert.equal(fragment(owner, 'a'), '<p>a&lt;&amp;&gt;</p>');
    assert.equal(fragment(owner, 'b'), '<p>b&lt;&amp;&gt;</p>');
    assert.equal(renderings, 2);
    assert.equal(fragment({}, 'a'), '<p>a&lt;&amp;&gt;</p>');
    assert.equal(renderings, 3);
  });
});
