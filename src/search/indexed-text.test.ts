import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { segmenter } from '../../test/helpers/seed.ts';
import { PAIR_MARK } from '../db/search-fts5.ts';
import { characterPairs, indexedTextOf } from './indexed-text.ts';

const MARKED_PAIR = new RegExp(`${PAIR_MARK}\\p{Script=Han}`, 'u');

describe('indexed text', () => {
  it('lists each pair of adjacent Chinese characters once, never across other characters', () => {
    assert.deepEqual(characterPairs('南昌高新区, 新区 a区b新'), ['南昌', '昌高', '高新', '新区']);
    assert.deepEqual(characterPairs('税 PPP 2015'), []);
  });

  it('indexes the pairs of the text as written: across words, never across punctuation', () => {
    const text = indexedTextOf(segmenter, {
      title: '南昌高新区获批',
      body: '园区,新签约一批项目。',
      english: { title: 'Hi-tech zone', summary: '中文摘要', body: 'Approved' },
    });
    const pairs = text.pairs.split(' ');
    // 南昌高新区 is one word and 获批 another: 区获 lies across them.
    for (const pair of ['南昌', '高新', '区获', '签约', '摘要']) assert.ok(pairs.includes(pair), pair);
    assert.ok(!pairs.includes('区新'), 'not across the comma');
    assert.ok(!pairs.includes('批园'), 'title and body are paired apart');
    assert.deepEqual(text.chars.split(' ').slice(0, 3), ['南', '昌', '高']);
  });

  it('never yields a word that looks like a pair as FTS5 stores it (marked), whatever the text holds', () => {
    const piece = fc.constantFrom('高新区', '高', '新', PAIR_MARK, 'a', 'PPP', '1', ' ', ',', 'Ａ', '经开区', 'ǂǂ');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const text = pieces.join('');
        const { terms, subwords } = segmenter.segment(text);
        for (const word of [...terms, ...subwords]) assert.doesNotMatch(word, MARKED_PAIR, JSON.stringify(text));
      }),
      { numRuns: 500 },
    );
  });
});
