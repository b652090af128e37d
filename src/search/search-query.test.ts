import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { segmenter } from '../../test/helpers/seed.ts';
import { isQueryProblem, MAX_QUERY_LENGTH, parseQuery, type ParsedQuery } from './search-query.ts';

function parsed(text: string): ParsedQuery {
  const result = parseQuery(text, segmenter);
  if (isQueryProblem(result)) assert.fail(`"${text}" was refused: ${result.message}`);
  return result;
}

const termsOf = (text: string) => JSON.stringify(parsed(text).match);

describe('search queries', () => {
  it('refuses empty, blank and over-long queries with a message in Chinese', () => {
    for (const [text, code] of [
      [undefined, 'empty'],
      ['', 'empty'],
      ['  \u3000\t ', 'empty'],
      ['税'.repeat(MAX_QUERY_LENGTH + 1), 'too_long'],
      ['"" * - ()', 'no_words'],
    ] as const) {
      const result = parseQuery(text, segmenter);
      assert.ok(isQueryProblem(result), String(text));
      assert.equal(result.code, code);
      assert.match(result.message, /[\u4e00-\u9fff]/u);
    }
    // 100 characters is allowed; astral characters count once.
    assert.ok(!isQueryProblem(parseQuery('税'.repeat(MAX_QUERY_LENGTH), segmenter)));
    assert.ok(!isQueryProblem(parseQuery(`${'𠀀'.repeat(MAX_QUERY_LENGTH - 1)}税`, segmenter)));
  });

  it('makes every word required', () => {
    assert.equal(termsOf('富士康 智能科技小镇'), JSON.stringify({ all: [{ term: '富士康' }, { term: '智能科技小镇' }] }));
    assert.equal(termsOf('商事纠纷'), JSON.stringify({ all: [{ term: '商事' }, { term: '纠纷' }] }));
  });

  it('reads query syntax as plain text', () => {
    assert.equal(termsOf('NEAR(富士康'), JSON.stringify({ all: [{ term: 'near' }, { term: '富士康' }] }));
    assert.equal(termsOf('富士康 OR 工会 -税 *'), JSON.stringify({ all: [{ term: '富士康' }, { term: 'or' }, { term: '工会' }, { term: '税' }] }));
    // An unpaired quote is text, not the start of a phrase.
    assert.deepEqual(parsed('高新区 "').phrases, []);
  });

  it('folds traditional characters, full-width forms and case', () => {
    assert.equal(termsOf('智能科技小鎮'), termsOf('智能科技小镇'));
    assert.equal(termsOf('ＰＰＰ　２０１５'), JSON.stringify({ all: [{ term: 'ppp' }, { term: '2015' }] }));
  });

  it('keeps quoted text as a phrase that must occur literally, from straight or Chinese quotes', () => {
    for (const text of ['"高新区 获批"', '“高新区获批”', '「高新区获批」']) {
      const query = parsed(text);
      assert.deepEqual(query.phrases, ['高新区获批'], text);
      assert.ok(query.highlights.includes('高新区获批'));
    }
    // A phrase word is also found through its pairs of adjacent characters, because 南昌高新区 is
    // cut as one word; a word of one character has none.
    assert.equal(
      JSON.stringify(parsed('"高新区"').match),
      JSON.stringify({ all: [{ any: [{ term: '高新区' }, { all: [{ pair: '高新' }, { pair: '新区' }] }] }] }),
    );
    assert.equal(JSON.stringify(parsed('"ppp 税"').match), JSON.stringify({ all: [{ term: 'ppp' }, { term: '税' }] }));
    // And through the pairs joining its words, which a text holding the words apart lacks.
    assert.equal(
      JSON.stringify(parsed('"高新区获批" 园区').match),
      JSON.stringify({
        all: [
          { any: [{ term: '高新区' }, { all: [{ pair: '高新' }, { pair: '新区' }] }] },
          { term: '获' },
          { term: '批' },
          { pair: '区获' },
          { pair: '获批' },
          { term: '园区' },
        ],
      }),
    );
  });
});
