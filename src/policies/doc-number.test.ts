import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { docNumberKey } from './doc-number.ts';

describe('docNumberKey', () => {
  it('gives every usual spelling of one document number the same key', () => {
    const spellings = [
      '洪府发〔2025〕12号',
      '洪府发[2025]12号',
      '洪府发［２０２５］１２号',
      '洪府发(2025)12号',
      '洪府发（2025）12号',
      '洪府发【2025】12号',
      '洪府发2025 12',
      '洪府发 2025 12 号',
      '洪府发202512',
      '洪府发〔2025〕第12号',
      '洪府发〔2025〕012号',
      '  洪府发〔2025〕12号 ',
    ];
    for (const spelling of spellings) assert.equal(docNumberKey(spelling), '洪府发〔2025〕12号', spelling);
  });

  it('tells different numbers, years and issuers apart', () => {
    const keys = ['洪府发〔2025〕12号', '洪府发〔2025〕120号', '洪府发〔2024〕12号', '洪府办发〔2025〕12号', '赣府发〔2025〕12号'].map(docNumberKey);
    assert.equal(new Set(keys).size, keys.length);
  });

  it('is undefined for text that is no document number', () => {
    for (const text of ['', '产业扶持', '2025 12', '洪府发', '洪府发〔2025〕', '洪府发〔25〕12号', '新能源汽车 补贴']) {
      assert.equal(docNumberKey(text), undefined, text);
    }
  });
});
