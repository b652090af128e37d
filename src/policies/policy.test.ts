import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validateForm } from '../http/form.ts';
import { policySchema, validityOf, type PolicyStatus, type PolicyValidity } from './policy.ts';

describe('validityOf', () => {
  const at = (status: PolicyStatus, effectiveOn: string, validUntil: string | null, today: string) => validityOf({ status, effectiveOn, validUntil }, today);
  const cases: Array<[PolicyStatus, string, string | null, string, PolicyValidity]> = [
    ['in_force', '2026-03-01', null, '2026-02-28', 'not_yet'],
    ['in_force', '2026-03-01', null, '2026-03-01', 'in_force'],
    ['in_force', '2026-03-01', '2026-12-31', '2026-12-31', 'in_force'],
    ['in_force', '2026-03-01', '2026-12-31', '2027-01-01', 'expired'],
    // An editor's decision wins over the dates.
    ['repealed', '2026-03-01', null, '2026-02-01', 'repealed'],
    ['repealed', '2026-03-01', '2026-12-31', '2027-06-01', 'repealed'],
    ['amended', '2026-03-01', null, '2026-05-01', 'amended'],
  ];
  for (const [status, effectiveOn, validUntil, today, expected] of cases) {
    it(`${status} from ${effectiveOn} to ${validUntil ?? '(no end)'} on ${today}: ${expected}`, () => {
      assert.equal(at(status, effectiveOn, validUntil, today), expected);
    });
  }
});

describe('policySchema', () => {
  const valid = {
    title: '南昌市支持新能源汽车产业发展若干措施',
    docNumber: '洪府发[2025]12号',
    issuer: '南昌市人民政府',
    level: '市',
    channel: 'nanchang',
    topic: '产业扶持',
    writtenOn: '2025-03-01',
    publishedOn: '2025-03-05',
    effectiveOn: '2025-04-01',
    validUntil: '',
    body: '第一条 为支持新能源汽车产业发展,制定本措施。',
  };
  const schema = policySchema(['nanchang', 'donghu']);

  it('accepts a complete policy, keeping the 文号 as typed and no end date as null', () => {
    const result = validateForm(schema, valid);
    assert.ok(result.ok);
    assert.equal(result.data.docNumber, '洪府发[2025]12号');
    assert.equal(result.data.validUntil, null);
    assert.equal(validateForm(schema, { ...valid, docNumber: '  ' }).ok && validateForm(schema, { ...valid, docNumber: '' }).ok, true);
  });

  it('names each wrong field in Chinese', () => {
    const errors = (values: Record<string, string>) => {
      const result = validateForm(schema, values);
      return result.ok ? {} : result.errors;
    };
    assert.match(errors({ ...valid, docNumber: '第十二号文件' }).docNumber ?? '', /发文字号格式/);
    assert.match(errors({ ...valid, channel: 'xihu' }).channel ?? '', /所属频道/);
    assert.match(errors({ ...valid, effectiveOn: '2025-02-30' }).effectiveOn ?? '', /实施日期/);
    assert.match(errors({ ...valid, publishedOn: '2025-02-01' }).publishedOn ?? '', /不能早于成文日期/);
    assert.match(errors({ ...valid, validUntil: '2025-03-31' }).validUntil ?? '', /有效期/);
    assert.match(errors({ ...valid, title: ' ' }).title ?? '', /请填写标题/);
  });
});
