import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { markInHtml, markSentences } from './highlight.ts';

describe('markSentences', () => {
  it('cuts a text into plain and marked pieces, sharing a piece between facts of one sentence', () => {
    const { pieces, found } = markSentences('甲增长8%;乙增长9%。丙', [
      { id: 2, sentence: '乙增长9%' },
      { id: 1, sentence: '甲增长8%' },
      { id: 3, sentence: '乙增长9%' },
      { id: 4, sentence: '不在文中' },
    ]);
    assert.deepEqual(pieces, [{ text: '甲增长8%', ids: [1] }, { text: ';' }, { text: '乙增长9%', ids: [2, 3] }, { text: '。丙' }]);
    assert.deepEqual([...found].sort(), [1, 2, 3]);
  });

  it('never overlaps two marks, and leaves a text without sentences whole', () => {
    assert.deepEqual(
      markSentences('增长8%增长8%', [
        { id: 1, sentence: '增长8%增长' },
        { id: 2, sentence: '8%增长8%' },
      ]).pieces,
      [{ text: '增长8%增长', ids: [1] }, { text: '8%' }],
    );
    assert.deepEqual(markSentences('正文', []).pieces, [{ text: '正文' }]);
  });
});

describe('markInHtml', () => {
  it('marks a sentence inside one text node, escaped as the HTML holds it', () => {
    assert.equal(markInHtml('<p>A &amp; B增长8%</p>', 'A & B增长8%', 'fact-1'), '<p><mark id="fact-1">A &amp; B增长8%</mark></p>');
  });

  it('never marks inside a tag or an attribute, nor across tags', () => {
    assert.equal(markInHtml('<a title="增长8%">链接</a>', '增长8%', 'fact-1'), undefined);
    assert.equal(markInHtml('<p>增长<strong>8%</strong></p>', '增长8%', 'fact-1'), undefined);
    assert.equal(markInHtml('<p>x</p>', '', 'fact-1'), undefined);
  });

  it('escapes the anchor', () => {
    assert.equal(markInHtml('<p>增长</p>', '增长', '"><script>'), '<p><mark id="&quot;&gt;&lt;script&gt;">增长</mark></p>');
  });
});
