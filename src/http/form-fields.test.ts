import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizePhoneNumber, phoneNumber, phoneOrEmail } from './form-fields.ts';

describe('phone numbers', () => {
  it('accepts mainland mobiles and landlines and international E.164 numbers, each in one form', () => {
    const cases: Array<[string, string]> = [
      ['13800138000', '13800138000'],
      ['+86 138-0013-8000', '13800138000'],
      ['0086 13800138000', '13800138000'],
      ['138 0013 8000', '13800138000'],
      ['0791-88888888', '079188888888'],
      ['010 6552 9988', '01065529988'],
      ['(0791) 8888888', '07918888888'],
      ['+86 791 8888 8888', '079188888888'],
      ['+86 (0)791 8888 8888', '079188888888'],
      ['+49 30 1234-5678', '+493012345678'],
      ['+44 20 7946 0958', '+442079460958'],
      ['+1 (415) 555-0100', '+14155550100'],
      ['0049 30 12345678', '+493012345678'],
      ['+65 6123 4567', '+6561234567'],
      ['＋８５２ ２１２３ ４５６７', '+85221234567'],
    ];
    for (const [typed, stored] of cases) assert.equal(normalizePhoneNumber(typed), stored, typed);
  });

  it('refuses what is none of them', () => {
    for (const typed of [
      '',
      '12345',
      '1380013800',
      '23800138000',
      '0791-888',
      '+12',
      '+0 123 456 789',
      '+1234567890123456',
      '+49 30 abc',
      '13800138000x',
      'phone',
      '+',
      '00',
    ]) {
      assert.equal(normalizePhoneNumber(typed), undefined, typed);
    }
  });

  it('says what is wrong with a refused number, naming the field', () => {
    const problem = (typed: string) => phoneNumber('联系电话').safeParse(typed).error?.issues[0]?.message ?? '';
    const cases: Array<[string, RegExp]> = [
      ['+12', /^联系电话格式不正确:国际号码的国家代码和号码共应为 8 至 15 位数字,您填写了 2 位。$/],
      ['+1234567890123456', /您填写了 16 位/],
      ['+0 123 456 789', /国家代码不以 0 开头/],
      ['4930 1234567', /国际号码请在国家代码前加 \+\(如 \+49 30 1234567\)/],
      ['1380013800', /^联系电话格式不正确:手机号码应为 11 位,您填写了 10 位。$/],
      ['12800138000', /手机号码第 2 位应为 3 至 9/],
      ['0791-888', /固定电话应为区号加 7 至 8 位号码\(如 0791-88888888\),您填写了 7 位数字/],
      ['+86 12345', /\+86 后应为 11 位手机号码,或带区号的固定电话/],
      ['+49 30 abc', /只能填写数字,可用空格、短横线或括号分隔,国际号码以 \+ 开头/],
    ];
    for (const [typed, message] of cases) assert.match(problem(typed), message, typed);
    assert.equal(phoneNumber().safeParse('').error?.issues[0]?.message, '请填写联系电话。');
  });

  it('takes an e-mail address or a phone number as a contact, and says which part is wrong', () => {
    assert.deepEqual(phoneOrEmail().safeParse('wang@example.cn').data, 'wang@example.cn');
    assert.deepEqual(phoneOrEmail().safeParse('+44 20 7946 0958').data, '+442079460958');
    assert.deepEqual(phoneOrEmail().safeParse('00852 2123 4567').data, '+85221234567');
    const problem = (typed: string) => phoneOrEmail().safeParse(typed).error?.issues[0]?.message ?? '';
    assert.match(problem('wang@'), /^联系方式格式不正确:电子邮箱应形如 name@example\.com。联系方式可填写电子邮箱、手机号码/);
    assert.match(problem('+12'), /^联系方式格式不正确:国际号码的国家代码和号码共应为 8 至 15 位数字.*带国家代码的国际号码\(如 \+49 30 1234567\)。$/);
  });
});
