import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inquirySchema, isStale, M2_PER_MU, muToM2, siteSchema, vacancySchema } from './site.ts';

const TODAY = '2026-11-30';
const BUILDING = {
  kind: 'building',
  name: '红谷滩数字经济大厦',
  channel: 'honggutan',
  address: '会展路 1 号',
  advantages: '地铁口。',
  contactName: '陈敏',
  contactPhone: '0791-8888 0001',
  areaM2: '45,000',
  vacantM2: '6200.5',
  rentMin: '1.2',
  rentMax: '2.1',
  propertyFee: '12.5',
  grade: '甲级',
  floors: '32',
  confirmedOn: '2026-11-02',
  industry_C: 'yes',
  industry_I: 'yes',
  industry_Z: 'yes',
  // Land fields on a building are ignored, not stored.
  landUse: '工业',
  areaMu: '3',
};
const LAND = {
  kind: 'land',
  name: '长堎工业地块',
  channel: 'xinjian',
  address: '长堎工业园',
  advantages: '临近高速。',
  contactName: '王工',
  contactPhone: '13800138000',
  areaMu: '120',
  landUse: '工业',
  landStatus: '在售',
  plotRatioMin: '1.2',
  plotRatioMax: '2.5',
  confirmedOn: TODAY,
  rentMin: '3',
  rentMax: '4',
};
const schema = siteSchema(['honggutan', 'xinjian'], TODAY);

describe('a site', () => {
  it('is 待更新 only when its vacancy was confirmed more than 90 Beijing days ago', () => {
    // 2026-09-01 is 90 days before 2026-11-30.
    assert.equal(isStale('2026-09-02', TODAY), false, '89 days');
    assert.equal(isStale('2026-09-01', TODAY), false, '90 days');
    assert.equal(isStale('2026-08-31', TODAY), true, '91 days');
    assert.equal(isStale('2025-12-31', '2026-03-31'), false, '90 days across a year end');
    assert.equal(isStale('2025-12-30', '2026-03-31'), true, '91 days across a year end');
  });

  it('converts 亩 to m² at 10000/15 m² per 亩, to the cent', () => {
    assert.equal(M2_PER_MU * 15, 10_000);
    assert.equal(muToM2(15), 10_000);
    assert.equal(muToM2(1), 666.67);
    assert.equal(muToM2(120), 80_000);
    assert.equal(muToM2(0.5), 333.33);
  });

  it('keeps the fields of its kind and drops the others', () => {
    const building = schema.parse(BUILDING);
    assert.equal(building.areaM2, 45_000);
    assert.equal(building.areaMu, null);
    assert.equal(building.landUse, null);
    assert.equal(building.floors, 32);
    assert.equal(building.contactPhone, '079188880001');
    assert.deepEqual(building.industries, ['C', 'I'], 'known sections only, in GB/T order');
    const land = schema.parse(LAND);
    assert.equal(land.areaMu, 120);
    assert.equal(land.areaM2, 80_000);
    assert.deepEqual([land.plotRatioMin, land.plotRatioMax], [1.2, 2.5]);
    assert.deepEqual([land.rentMin, land.rentMax, land.vacantM2, land.grade], [null, null, null, null]);
    assert.deepEqual(land.industries, []);
  });

  it('refuses what a kind needs missing, reversed ranges, future dates and other channels, naming the field', () => {
    const problems = (input: Record<string, string>) => {
      const result = schema.safeParse(input);
      return result.success ? {} : Object.fromEntries(result.error.issues.map((issue) => [String(issue.path[0]), issue.message]));
    };
    for (const [input, field, message] of [
      [{ ...BUILDING, grade: '' }, 'grade', /楼宇等级/],
      [{ ...BUILDING, floors: '2.5' }, 'floors', /整数/],
      [{ ...BUILDING, vacantM2: '' }, 'vacantM2', /空置面积/],
      [{ ...BUILDING, vacantM2: '50000' }, 'vacantM2', /不能大于总面积/],
      [{ ...BUILDING, rentMin: '3', rentMax: '2' }, 'rentMax', /上限不能小于下限/],
      [{ ...BUILDING, rentMax: '' }, 'rentMax', /上下限/],
      [{ ...BUILDING, areaM2: '-5' }, 'areaM2', /数字/],
      [{ ...BUILDING, confirmedOn: '2026-12-01' }, 'confirmedOn', /不能晚于今天/],
      [{ ...BUILDING, confirmedOn: '2026-02-30' }, 'confirmedOn', /格式/],
      [{ ...BUILDING, channel: 'donghu' }, 'channel', /所属地区/],
      [{ ...BUILDING, contactPhone: '12345' }, 'contactPhone', /格式不正确/],
      [{ ...LAND, areaMu: '' }, 'areaMu', /亩/],
      [{ ...LAND, landStatus: '拍卖中' }, 'landStatus', /土地状态/],
      [{ ...LAND, plotRatioMin: '3', plotRatioMax: '1' }, 'plotRatioMax', /容积率上限/],
    ] as const) {
      assert.match(problems(input)[field] ?? '(none)', message, `${field}: ${JSON.stringify(problems(input))}`);
    }
    assert.equal(
      schema.safeParse({ ...BUILDING, kind: 'park', grade: '', floors: '', vacantM2: '', rentMin: '', rentMax: '' }).success,
      true,
      'a park needs only its area',
    );
  });

  it('confirms a vacancy with the figure of its kind', () => {
    assert.deepEqual(vacancySchema('building').parse({ vacantM2: '1,200' }), { vacantM2: 1200, landStatus: null });
    assert.equal(vacancySchema('building').safeParse({ vacantM2: '' }).success, false);
    assert.deepEqual(vacancySchema('land').parse({ landStatus: '已出让' }), { vacantM2: null, landStatus: '已出让' });
    assert.equal(vacancySchema('land').safeParse({ landStatus: '空置' }).success, false);
  });

  it('takes a 我要咨询 from a company at home (credit code) or abroad (country and number), with an international phone', () => {
    const common = { companyName: 'Rhein GmbH', name: 'Anna Weber', contact: '+49 30 1234567', question: '是否有整层出租?', consent: 'yes' };
    const abroad = inquirySchema().parse({ ...common, registration: 'abroad', registrationCountry: 'DE', registrationNumber: 'hrb 654321' });
    assert.equal(abroad.contact, '+49301234567');
    assert.deepEqual(abroad.company, { kind: 'abroad', country: 'DE', number: 'HRB 654321' });
    assert.equal(inquirySchema().safeParse({ ...common, registration: 'china', creditCode: '91110000802100433B' }).success, true);
    assert.equal(inquirySchema().safeParse({ ...common, registration: 'china', creditCode: '91110000802100433C' }).success, false, 'a wrong check character');
    assert.equal(inquirySchema().safeParse({ ...common, registration: 'abroad', registrationCountry: 'CN', registrationNumber: 'X1' }).success, false);
    assert.equal(inquirySchema().safeParse({ ...common, consent: '', registration: 'china', creditCode: '91110000802100433B' }).success, false);
  });
});
