import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { validateForm } from '../http/form.ts';
import { requiredText } from '../http/form-fields.ts';
import {
  companyIdentityColumns,
  companyIdentityLines,
  companyIdentityOf,
  registrationPlace,
  withCompanyIdentity,
  type CompanyIdentity,
} from './company-identity.ts';
import { COUNTRIES, countryName } from './country.ts';

const schema = withCompanyIdentity(z.object({ title: requiredText('标题', 20, 4) }));
const check = (values: Record<string, string>) => validateForm(schema, { title: '外资企业诉求', ...values });

describe('company identity', () => {
  it('reads a mainland company by its credit code, and a company abroad by its country and number', () => {
    assert.deepEqual(check({ registration: 'china', creditCode: '9144 0300 7152 6726 xg' }), {
      ok: true,
      data: { company: { kind: 'china', creditCode: '9144030071526726XG' }, title: '外资企业诉求' },
    });
    assert.deepEqual(check({ creditCode: '91110000802100433B' }), {
      ok: true,
      data: { company: { kind: 'china', creditCode: '91110000802100433B' }, title: '外资企业诉求' },
    });
    const abroad = check({ registration: 'abroad', registrationCountry: 'DE', registrationNumber: '  hrb \u3000 12345 ', creditCode: 'ignored' });
    assert.deepEqual(abroad, { ok: true, data: { company: { kind: 'abroad', country: 'DE', number: 'HRB 12345' }, title: '外资企业诉求' } });
  });

  it('never skips the credit code check: a wrong check character, the mainland as "abroad", or a credit code as a foreign number are refused', () => {
    const cases: Array<[Record<string, string>, string, RegExp]> = [
      [{ registration: 'china', creditCode: '9144030071526726XH' }, 'creditCode', /校验位不符/],
      [{ registration: 'china', creditCode: '' }, 'creditCode', /请填写统一社会信用代码/],
      [{ registration: 'abroad', registrationCountry: 'CN', registrationNumber: 'HRB 1' }, 'registrationCountry', /请选择注册国家或地区/],
      [{ registration: 'abroad', registrationCountry: 'cn', registrationNumber: 'HRB 1' }, 'registrationCountry', /请选择注册国家或地区/],
      [{ registration: 'abroad', registrationCountry: 'HK', registrationNumber: '9144030071526726XG' }, 'registrationNumber', /这是一个统一社会信用代码/],
      [{ registration: 'abroad', registrationCountry: 'DE', registrationNumber: '--' }, 'registrationNumber', /应含有字母或数字/],
      [{ registration: 'abroad', registrationCountry: 'DE', registrationNumber: 'X'.repeat(51) }, 'registrationNumber', /不能超过 50 个字/],
      [{ registration: 'abroad', registrationCountry: 'DE', registrationNumber: 'HRB\u0007 1' }, 'registrationNumber', /无效字符/],
      [{ registration: 'mars', creditCode: '91110000802100433B' }, 'registration', /请选择企业注册地/],
    ];
    for (const [values, field, message] of cases) {
      const result = check(values);
      assert.equal(result.ok, false, JSON.stringify(values));
      if (!result.ok) assert.match(result.errors[field] ?? '', message, JSON.stringify(values));
    }
  });

  it('reports problems of the identity and of the other fields in one pass, each on its own field', () => {
    const result = validateForm(schema, { registration: 'abroad', registrationCountry: '', registrationNumber: '', creditCode: 'wrong', title: 'x' });
    assert.equal(result.ok, false);
    if (!result.ok) assert.deepEqual(Object.keys(result.errors).sort(), ['registrationCountry', 'registrationNumber', 'title']);
  });

  it('lists Hong Kong, Macao and Taiwan as regions of China first, and never the mainland', () => {
    assert.deepEqual(
      COUNTRIES.slice(0, 3).map(({ name }) => name),
      ['中国香港', '中国澳门', '中国台湾'],
    );
    assert.equal(countryName('TW'), '中国台湾');
    assert.equal(countryName('DE'), '德国');
    assert.ok(!COUNTRIES.some(({ code }) => code === 'CN'));
    assert.equal(new Set(COUNTRIES.map(({ code }) => code)).size, COUNTRIES.length);
    assert.ok(
      COUNTRIES.slice(3).every(({ name }) => !name.startsWith('中国')),
      'no other entry is named as part of China',
    );
  });

  it('stores and reads back both kinds, a row from before companies abroad reading as a mainland one', () => {
    const companies: CompanyIdentity[] = [
      { kind: 'china', creditCode: '91110000802100433B' },
      { kind: 'abroad', country: 'MO', number: '12345 SO' },
    ];
    for (const company of companies) assert.deepEqual(companyIdentityOf(companyIdentityColumns(company)), company);
    assert.deepEqual(companyIdentityColumns(companies[1]!), { credit_code: '', registration_country: 'MO', registration_number: '12345 SO' });
    assert.deepEqual(companyIdentityOf({ credit_code: '91110000802100433B', registration_country: null, registration_number: null }), companies[0]);
    assert.equal(registrationPlace(companies[1]!), '境外:中国澳门');
    assert.deepEqual(companyIdentityLines(companies[1]!), [
      ['注册地', '境外(含港澳台地区)'],
      ['注册国家或地区', '中国澳门'],
      ['境外注册号', '12345 SO'],
    ]);
  });
});
