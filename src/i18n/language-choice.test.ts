// Which visitors `/` sends to /en, and the chrome catalogue's two languages.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { safeNextPath } from './alternates.ts';
import { homeRedirect, prefersEnglish, rememberedLanguage } from './language-choice.ts';
import { MESSAGES } from './messages.ts';

describe('the language a visitor reads', () => {
  it('prefers English only when an English range outranks every Chinese one', () => {
    const table: Array<[string | undefined, boolean]> = [
      ['en-US,en;q=0.9', true],
      ['en-GB,en;q=0.9,zh-CN;q=0.8', true],
      ['zh-CN,zh;q=0.9,en;q=0.8', false],
      ['en;q=0.5,zh;q=0.9', false],
      ['zh-TW;q=0.4,en-AU;q=0.6', true],
      ['en,zh', true],
      ['zh,en', false],
      ['fr-FR,fr;q=0.9', false],
      ['fr,en;q=0.5', true],
      ['en;q=0', false],
      ['*', false],
      ['', false],
      [undefined, false],
      ['EN-us', true],
    ];
    for (const [header, expected] of table) assert.equal(prefersEnglish(header), expected, String(header));
  });

  it('a remembered choice wins over Accept-Language; only a first visit reads the header', () => {
    assert.equal(rememberedLanguage('a=1; zs_lang=en; b=2'), 'en');
    assert.equal(rememberedLanguage('zs_lang=zh'), 'zh-CN');
    assert.equal(rememberedLanguage('zs_lang=fr'), undefined);
    assert.equal(rememberedLanguage('xzs_lang=en'), undefined);
    assert.deepEqual(homeRedirect(undefined, 'en'), { to: '/en', remember: true });
    assert.deepEqual(homeRedirect('zs_lang=en', 'zh-CN'), { to: '/en', remember: false });
    assert.equal(homeRedirect('zs_lang=zh', 'en'), undefined);
    assert.equal(homeRedirect(undefined, 'zh-CN'), undefined);
  });

  it('the switch goes only to paths of this site', () => {
    assert.equal(safeNextPath('/en/articles/5', 'en'), '/en/articles/5');
    assert.equal(safeNextPath('/policies?validity=in_force', 'zh-CN'), '/policies?validity=in_force');
    for (const bad of ['//evil.example', '/\\evil.example', 'https://evil.example', 'javascript:alert(1)', '', '/a b', undefined]) {
      assert.equal(safeNextPath(bad, 'en'), '/en', String(bad));
    }
  });

  it('every chrome text exists in both languages (the types check the keys); English has no Chinese but the switch', () => {
    const zh = MESSAGES['zh-CN'];
    const en = MESSAGES.en;
    assert.deepEqual(Object.keys(en).sort(), Object.keys(zh).sort());
    for (const [key, value] of Object.entries(en)) {
      assert.ok(value.trim() !== '', key);
      if (key !== 'languageSwitch' && key !== 'languageSwitchLabel') assert.doesNotMatch(value, /\p{Script=Han}/u, key);
    }
  });
});
