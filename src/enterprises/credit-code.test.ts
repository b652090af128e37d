import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { creditCodeCheckCharacter, creditCodeProblem, normalizeCreditCode } from './credit-code.ts';

// Codes published on the business licences of well-known companies.
const REAL_CODES = ['9144030071526726XG', '91330100799655058B', '91110000802100433B', '911100001011122986'];

describe('unified social credit code', () => {
  it('accepts real codes', () => {
    for (const code of REAL_CODES) assert.equal(creditCodeProblem(code), undefined, code);
  });

  it('computes the check character of GB 32100-2015', () => {
    for (const code of REAL_CODES) assert.equal(creditCodeCheckCharacter(code.slice(0, 17)), code[17], code);
  });

  it('says a code with one wrong character has a wrong check character', () => {
    for (const code of REAL_CODES) {
      for (const position of [0, 5, 12, 17]) {
        const original = code[position]!;
        const replacement = original === '1' ? '2' : '1';
        const corrupted = code.slice(0, position) + replacement + code.slice(position + 1);
        assert.match(creditCodeProblem(corrupted) ?? 'accepted', /校验位不符|行政区划代码/, corrupted);
      }
    }
    // Two neighbouring characters swapped: the weights differ, so the check catches it.
    assert.match(creditCodeProblem('9144030017526726XG') ?? 'accepted', /校验位不符/);
  });

  it('names the length, the position of a bad character and the division code', () => {
    assert.equal(creditCodeProblem('91440300715267'), '统一社会信用代码应为 18 位,您填写了 14 位。');
    assert.match(creditCodeProblem('9144030071526726OG') ?? '', /第 17 位“O”不是有效字符\(代码中不使用 I、O、S、V、Z\)/);
    assert.match(creditCodeProblem('91AB030071526726XG') ?? '', /第 3 至 8 位应为行政区划代码/);
  });

  it('folds what people type', () => {
    assert.equal(normalizeCreditCode(' ９１４４０３００-71526726xg '), '9144030071526726XG');
  });
});
