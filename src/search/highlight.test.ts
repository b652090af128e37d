import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { markedHtml, markedParts, plainText, snippetParts } from './highlight.ts';

const marks = (parts: { text: string; mark: boolean }[]) => parts.filter((part) => part.mark).map((part) => part.text);

describe('highlighting', () => {
  it('marks every occurrence, ignoring width and case', () => {
    const parts = markedParts('推广ＰＰＰ模式,PPP项目与ppp', ['ppp']);
    assert.deepEqual(marks(parts), ['ＰＰＰ', 'PPP', 'ppp']);
    assert.equal(plainText(parts), '推广ＰＰＰ模式,PPP项目与ppp');
  });

  it('marks whole characters where folding changes length', () => {
    const parts = markedParts('面积12㎡的厂房', ['m2']);
    assert.deepEqual(marks(parts), ['㎡']);
    assert.equal(plainText(parts), '面积12㎡的厂房');
  });

  it('merges overlapping terms into one mark', () => {
    assert.deepEqual(marks(markedParts('小蓝经开区', ['小蓝经开区', '经开区'])), ['小蓝经开区']);
  });

  it('cuts snippets between characters, with an ellipsis where text is left out', () => {
    const text = `${'𠀀'.repeat(200)}富士康${'😀'.repeat(200)}`;
    const parts = snippetParts(text, ['富士康'], 60);
    const snippet = plainText(parts);
    assert.ok(snippet.startsWith('…') && snippet.endsWith('…'));
    assert.equal(Array.from(snippet).length, 62);
    assert.ok(!/[\ud800-\udfff]/u.test(snippet.replace(/[\u{10000}-\u{10ffff}]/gu, '')), 'no lone surrogates');
    assert.deepEqual(marks(parts), ['富士康']);
  });

  it('starts at the text when nothing matches and keeps short texts whole', () => {
    assert.equal(plainText(snippetParts('短文。', ['税'])), '短文。');
    assert.equal(plainText(snippetParts('一'.repeat(150), ['税'], 100)), `${'一'.repeat(100)}…`);
  });

  it('escapes text in HTML and marks with <mark>', () => {
    assert.equal(markedHtml(markedParts('<b>税</b> & "税"', ['税'])), '&lt;b&gt;<mark>税</mark>&lt;/b&gt; &amp; &quot;<mark>税</mark>&quot;');
  });
});
