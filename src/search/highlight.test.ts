import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { foldWidthAndCase } from '../text/normalize.ts';
import { FOLDED_IN_PLACE, markedHtml, markedParts, plainText, snippetParts } from './highlight.ts';

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

  it('finds the first hit behind characters whose folding changes length', () => {
    // Each ㎡ folds to two units (m2): offsets in the folded text run ahead of the text's.
    const parts = snippetParts(`${'㎡'.repeat(100)}招商${'一'.repeat(200)}`, ['招商'], 60);
    assert.deepEqual(marks(parts), ['招商']);
    assert.ok(plainText(parts).startsWith('…㎡'));
  });

  it('marks the right characters where folds of different lengths cancel out', () => {
    // ㎡ folds to two units and e + U+0301 to one: the whole text keeps its length, its offsets do not.
    const text = `㎡${'一'.repeat(80)}ＰＰＰ${'二'.repeat(80)}e\u0301`;
    assert.deepEqual(marks(markedParts(text, ['ppp'])), ['ＰＰＰ']);
    assert.deepEqual(marks(snippetParts(text, ['ppp'], 60)), ['ＰＰＰ']);
  });

  it('keeps offsets for every code point it folds in place: each folds to one unit and composes with nothing', () => {
    // Hangul vowel and final jamo compose with the letter before them, as combining marks do.
    const composing = /[\p{M}\u1160-\u11ff]/u;
    const moved: string[] = [];
    for (const [from, to] of FOLDED_IN_PLACE) {
      for (let point = from; point <= to; point += 1) {
        const char = String.fromCodePoint(point);
        const folded = foldWidthAndCase(char);
        if (folded.length !== 1 || composing.test(char) || composing.test(folded)) moved.push(point.toString(16));
      }
    }
    assert.deepEqual(moved, []);
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

  it('finds the same snippet reading the text in pieces of any size as reading it whole', () => {
    // Pieces end before Han characters and after ASCII spaces; the fragments put whitespace runs,
    // case and width folding (Σ, Ｐ), length-changing folds (㎡), combining marks and astral
    // characters on every side of such ends.
    // Filler makes texts longer than the slice a snippet reads around its first hit.
    const filler = '一二三四五六七八九十'.repeat(4);
    const fragment = fc.constantFrom(
      '招商',
      '引资',
      '高新区',
      ' ',
      '\n\n ',
      '\u3000',
      'PPP ',
      'ＰＰＰ',
      'ΑΣ',
      'e\u0301',
      '㎡',
      '𠀀',
      '。',
      'm2 ',
      '富士康',
      filler,
      filler,
    );
    const text = fc.array(fragment, { maxLength: 200 }).map((parts) => parts.join(''));
    const needles = fc.array(fc.constantFrom('招商', '引资', '新区', 'ppp', 'σ', 'm2', '𠀀', '康招', 'é', ''), { maxLength: 3 });
    fc.assert(
      fc.property(text, needles, fc.constantFrom(1, 2, 5, 40), fc.integer({ min: 10, max: 60 }), (text, needles, piece, length) => {
        assert.deepEqual(snippetParts(text, needles, length, piece), snippetParts(text, needles, length, Number.POSITIVE_INFINITY));
      }),
      // Found by this property: ㎡ and a decomposed é cancel out in length, not in offsets.
      { numRuns: 2000, examples: [[`㎡${filler}${filler}e\u0301`, ['é'], 1, 10]] },
    );
  });

  it('escapes text in HTML and marks with <mark>', () => {
    assert.equal(markedHtml(markedParts('<b>税</b> & "税"', ['税'])), '&lt;b&gt;<mark>税</mark>&lt;/b&gt; &amp; &quot;<mark>税</mark>&quot;');
  });
});
