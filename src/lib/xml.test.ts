import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseXml } from '../../test/helpers/xml.ts';
import { el, xmlChars, xmlDocument } from './xml.ts';

describe('XML writer', () => {
  it('reads back every text and attribute as written, less the characters XML 1.0 forbids', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }), (text, attribute) => {
        const doc = parseXml(xmlDocument(el('root', { a: attribute }, el('t', {}, `x${text}x`))));
        assert.equal(doc.root.t, `x${xmlChars(text)}x`);
        assert.equal(doc.root['@a'], xmlChars(attribute));
      }),
      { numRuns: 500 },
    );
  });

  it('escapes markup, CDATA ends and quotes; drops controls and lone surrogates', () => {
    const xml = xmlDocument(el('t', { q: `"'<&>` }, ']]> <b>&amp; \u0000\u0001\u000B\u001F\uD800\uFFFF ok \t\n😀'));
    assert.ok(!xml.includes(']]>'));
    assert.ok(!/[\u0000\u0001\u000B\u001F\uFFFF]/u.test(xml));
    assert.ok(!/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/u.test(xml));
    assert.match(xml, /q="&quot;'&lt;&amp;&gt;"/u);
    assert.match(xml, /&lt;b&gt;&amp;amp; {2}ok \t\n😀/u);
  });
});
