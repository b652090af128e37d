import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readChannelFile } from '../channels/channel.ts';
import { SEED_FILE } from '../../test/helpers/seed.ts';
import { readFileSync } from 'node:fs';
import { extractFromText } from './extract.command.ts';
import { extractProjects } from './projects.ts';

describe('investment projects', () => {
  it('finds the seed’s named projects with amount, qualifier, place, industry and stage', () => {
    const projects = extractFromText(readFileSync(SEED_FILE, 'utf8')).flatMap((article) => article.projects);
    const by = (name: string) => projects.find((p) => p.name === name);
    assert.deepEqual(
      ['王府井百货', '大唐西市文化产业项目', '富士康智能科技小镇'].map((name) => {
        const p = by(name);
        return p && [p.amount, p.unit, p.qualifier, p.district, p.industry, p.stage];
      }),
      [
        [50, '亿元', '近', '青云谱区', '商贸', '开工/在建'],
        [100, '亿元', null, '青云谱区', '文化创意', '开工/在建'],
        [100, '亿元', '超', '小蓝经开区', '半导体', '签约'],
      ],
    );
    assert.ok(!projects.some((p) => /^\d+个|一批/u.test(p.name)), 'groups of projects are not projects');
  });

  it('does not read registered capital as investment, nor descriptions as names', () => {
    const places = readChannelFile().map((c) => c.name);
    assert.deepEqual(extractProjects('注册资金5亿元的大唐西市文化产业项目已在我区注册。', places), []);
    assert.deepEqual(extractProjects('为落户东湖的重大投资项目提供服务;总投资约110亿元的32个重点项目有序推进。', places), []);
    const [built] = extractProjects('总投资9000余万元的“青云小镇”欧式风情商业街建成开街。', places);
    assert.deepEqual([built?.name, built?.amount, built?.unit, built?.qualifier, built?.stage], ['“青云小镇”欧式风情商业街', 9000, '万元', '余', '投产/运营']);
  });
});

describe('zhaoshang extract', () => {
  it('prints one element per article in the documented shape', () => {
    const [first, ...rest] = extractFromText(readFileSync(SEED_FILE, 'utf8'));
    assert.equal(rest.length, 9);
    assert.equal(first!.title, '【东湖区招商】2015年东湖区政府工作报告');
    assert.deepEqual(Object.keys(first!.indicators[0]!), ['indicator', 'place', 'channel', 'year', 'kind', 'period', 'value', 'unit', 'growth', 'stretch', 'qualifier', 'confidence', 'sentence']);
    assert.equal(first!.indicators[0]!.place, '东湖区');
    assert.equal(first!.indicators[0]!.channel, 'donghu');
    const plain = extractFromText('南昌市2024年国民经济统计公报\n全市地区生产总值7800亿元,增长5.6%。');
    assert.equal(plain.length, 1, 'plain text is one article');
    assert.deepEqual(plain[0]!.indicators.map((i) => [i.indicator, i.place, i.year, i.value, i.growth]), [['gdp', '南昌市', 2024, 7800, 5.6]]);
  });
});
