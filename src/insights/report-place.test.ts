import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ChannelCatalog } from '../channels/channel-catalog.ts';
import { readChannelFile } from '../channels/channel.ts';
import { placeOfArticle, placeOfReportTitle } from './report-place.ts';

const channels = new ChannelCatalog(readChannelFile());

describe('the place an article reports on', () => {
  it('reads the place a work report title names', () => {
    assert.equal(placeOfReportTitle('2026年北京市政府工作报告'), '北京市');
    assert.equal(placeOfReportTitle('2026年广西壮族自治区政府工作报告'), '广西壮族自治区');
    assert.equal(placeOfReportTitle('【东湖区招商】2015年东湖区政府工作报告'), '东湖区');
    assert.equal(placeOfReportTitle('2026年进贤县政府工作报告（节选）'), '进贤县');
    assert.equal(placeOfReportTitle('南昌2025年实际利用内资增长8.7%'), null);
  });

  it('places a province’s report in that province, not in the portal’s city', () => {
    assert.deepEqual(placeOfArticle('2026年北京市政府工作报告', '全市地区生产总值5万亿元。', channels), {
      name: '北京市',
      level: 'province',
      city: null,
      province: null,
      inferred: false,
    });
    assert.deepEqual(placeOfArticle('2026年浙江省政府工作报告', '南昌市…', channels), {
      name: '浙江省',
      level: 'province',
      city: null,
      province: null,
      inferred: false,
    });
  });

  it('reads the place of a report whose title names none from the congress it was delivered to', () => {
    const body = '——2026年1月20日在陕西省第十四届人民代表大会第六次会议上\n各位代表：…';
    assert.equal(placeOfArticle('2026年政府工作报告', body, channels).name, '陕西省');
    assert.equal(placeOfArticle('2026年政府工作报告', body, channels).inferred, false);
  });

  it('places a district’s report in the portal’s city and province', () => {
    assert.deepEqual(placeOfArticle('2026年青山湖区政府工作报告', '', channels), {
      name: '青山湖区',
      level: 'district',
      city: '南昌市',
      province: '江西省',
      inferred: false,
    });
    assert.deepEqual(placeOfArticle('2026年进贤县政府工作报告（节选）', '', channels), {
      name: '进贤县',
      level: 'county',
      city: '南昌市',
      province: '江西省',
      inferred: false,
    });
  });

  it('places another article by its channel, marked as inferred', () => {
    assert.deepEqual(placeOfArticle('南昌2025年实际利用内资增长8.7%', '全市实际利用内资增长8.7%。', channels), {
      name: '南昌市',
      level: 'city',
      city: null,
      province: '江西省',
      inferred: true,
    });
    assert.deepEqual(placeOfArticle('【东湖区招商】园区新闻', '', channels), {
      name: '东湖区',
      level: 'district',
      city: '南昌市',
      province: '江西省',
      inferred: true,
    });
  });

  it('places a stored article by the channel it is filed in, which may differ from what its text suggests', () => {
    assert.deepEqual(placeOfArticle('【东湖区招商】园区新闻', '', channels, 'xihu'), {
      name: '西湖区',
      level: 'district',
      city: '南昌市',
      province: '江西省',
      inferred: true,
    });
    assert.equal(placeOfArticle('2026年北京市政府工作报告', '', channels, 'xihu').name, '北京市', 'a report title still wins');
  });
});
