import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readChannelFile } from '../channels/channel.ts';
import { normalizeQuery } from './normalize.ts';
import { dictionaryLines, Segmenter } from './segmenter.ts';

const channels = readChannelFile();
const segmenter = Segmenter.load(channels);

describe('segmenter', () => {
  it('keeps our dictionary words and place names whole', () => {
    assert.deepEqual(segmenter.segment('南昌小蓝经开区与富士康共建智能科技小镇').terms, ['南昌', '小蓝经开区', '与', '富士康', '共建', '智能科技小镇']);
    assert.ok(segmenter.segment('培育专精特新企业').terms.includes('专精特新'));
    assert.ok(segmenter.segment('王府井百货项目').terms.includes('王府井百货'));
    assert.ok(segmenter.segment('青云谱区政府').terms.includes('青云谱区'));
  });

  it('drops spaces and punctuation, keeps numbers and Latin words', () => {
    assert.deepEqual(segmenter.segment('OTO模式、PPP项目,2015年!').terms, ['oto', '模式', 'ppp', '项目', '2015', '年']);
  });

  it('finds the sub-words of long words for the lower-weighted column', () => {
    const subwords = segmenter.segment('小蓝经开区签约').subwords;
    assert.ok(subwords.includes('经开区'), subwords.join(' '));
    assert.ok(!subwords.includes('小蓝经开区'));
  });

  it('cuts full-width, upper-case and traditional queries like the simplified text', () => {
    assert.deepEqual(segmenter.segment(normalizeQuery('智能科技小鎮')).terms, segmenter.segment('智能科技小镇').terms);
    assert.deepEqual(segmenter.segment(normalizeQuery('ＯＴＯ　２０１５')).terms, ['oto', '2015']);
    assert.deepEqual(segmenter.segment(normalizeQuery('專精特新')).terms, ['专精特新']);
  });

  it('changes its dictionary hash when the dictionary changes', () => {
    const lines = dictionaryLines('富士康 100 nt\n', channels);
    assert.notEqual(new Segmenter(lines).dictionaryHash, new Segmenter([...lines, '新词 100 n']).dictionaryHash);
    assert.equal(new Segmenter(lines).dictionaryHash, new Segmenter(lines).dictionaryHash);
  });
});
