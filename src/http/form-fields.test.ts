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

  it('names the field and the accepted formats in Chinese', () => {
    const refused = phoneNumber('联系电话').safeParse('+12');
    assert.equal(refused.success, false);
    assert.match(refused.error?.issues[0]?.message ?? '', /^联系电话格式不正确,请填写手机号码\(11 位\)、带区号的固定电话/);
    assert.equal(phoneNumber().safeParse('').error?.issues[0]?.message, '请填写联系电话。');
    assert.deepEqual(phoneOrEmail().safeParse('wang@example.cn').data, 'wang@example.cn');
    assert.deepEqual(phoneOrEmail().safeParse('+44 20 7946 0958').data, '+442079460958');
    assert.match(phoneOrEmail().safeParse('wang@').error?.issues[0]?.message ?? '', /联系方式请填写电子邮箱,或手机号码/);
  });
});
