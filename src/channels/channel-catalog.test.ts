import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseSeedText } from '../importer/seed-format.ts';
import { ChannelCatalog, splitTitleTag } from './channel-catalog.ts';
import { readChannelFile } from './channel.ts';

const catalog = new ChannelCatalog(readChannelFile());
const seedBlocks = parseSeedText(readFileSync(new URL('../../data/seed/articles.txt', import.meta.url), 'utf8')).flatMap((i) =>
  i.kind === 'block' ? [i.block] : [],
);

describe('title tags', () => {
  const cases: Array<[string, string | undefined, string]> = [
    ['【东湖区招商】2015年东湖区政府工作报告', '东湖区', '2015年东湖区政府工作报告'],
    ['【南昌招商】南昌高新区获批建国家自主创新示范区', '南昌', '南昌高新区获批建国家自主创新示范区'],
    ['  【 小蓝经开区招商】 标题 ', '小蓝经开区', '标题'],
    ['工会法律直通车进园区优化招商营造和谐劳动关系', undefined, '工会法律直通车进园区优化招商营造和谐劳动关系'],
    ['【通知】不是频道标签', undefined, '【通知】不是频道标签'],
    ['【南昌招商】', '南昌', ''],
  ];
  for (const [title, place, display] of cases) {
    it(`splits ${JSON.stringify(title)}`, () => {
      assert.deepEqual(splitTitleTag(title), { tagPlace: place, displayTitle: display });
    });
  }
});

describe('channel of an article', () => {
  it('gives every seed article its channel', () => {
    const channelOf = (titleStart: string) => {
      const block = seedBlocks.find((b) => b.title.includes(titleStart));
      assert.ok(block, titleStart);
      return catalog.channelOf(block.title, block.body).slug;
    };
    assert.equal(channelOf('2015年东湖区政府工作报告'), 'donghu');
    assert.equal(channelOf('2015年青云谱区政府工作报告'), 'qingyunpu');
    assert.equal(channelOf('工会法律直通车'), 'qingshanhu');
    assert.equal(channelOf('南昌新兴产业高地'), 'nanchang');
    assert.equal(channelOf('南昌重大重点项目建设提速'), 'nanchang');
    assert.equal(channelOf('政银企联动'), 'nanchang');
    assert.equal(channelOf('服务维权推广并举'), 'xihu');
    assert.equal(channelOf('获批建国家自主创新示范区'), 'nanchang');
    assert.equal(channelOf('富士康共建智能科技小镇'), 'nanchang');
    assert.equal(channelOf('青山湖创新社区治理模式'), 'qingshanhu');
  });

  it('reads the district from places inside it', () => {
    assert.equal(catalog.inferFromText('扬子洲镇农业发展', '扬子洲地区生态旅游。').slug, 'donghu');
    assert.equal(catalog.inferFromText('园区新闻', '昌东工业园区新增企业。昌东工业园区扩容。青山湖区表示欢迎。').slug, 'qingshanhu');
  });

  it('prefers the longest place name: 小蓝经开区 is not 经开区', () => {
    assert.equal(catalog.inferFromText('小蓝经开区动态', '小蓝经开区签约。').slug, 'xiaolan');
    assert.equal(catalog.inferFromText('南昌经开区动态', '南昌经开区签约。').slug, 'jingkai');
  });

  it('stays city-wide when districts are only named in passing or evenly', () => {
    assert.equal(catalog.inferFromText('全市项目', '南昌县一个项目投产。').slug, 'nanchang');
    assert.equal(catalog.inferFromText('两区合作', '东湖区与西湖区共建。东湖区、西湖区联合招商。').slug, 'nanchang');
  });

  it('falls back to the text when the tag names an unknown place', () => {
    assert.equal(catalog.channelOf('【某某招商】西湖区新闻', '西湖区发布。').slug, 'xihu');
  });

  it('finds channels by tag, short name and slug', () => {
    assert.equal(catalog.byTag('南昌')?.slug, 'nanchang');
    assert.equal(catalog.byTag('红谷滩新区')?.slug, 'honggutan');
    assert.equal(catalog.bySlug('wanli')?.name, '湾里管理局');
    assert.equal(catalog.bySlug('nope'), undefined);
  });

  it('covers every district, county and zone of Nanchang with a readable slug', () => {
    const names = catalog.all.map((c) => c.name);
    for (const name of [
      '东湖区',
      '西湖区',
      '青云谱区',
      '青山湖区',
      '新建区',
      '红谷滩区',
      '南昌县',
      '进贤县',
      '安义县',
      '高新区',
      '经开区',
      '小蓝经开区',
      '湾里管理局',
    ]) {
      assert.ok(names.includes(name), name);
    }
    for (const channel of catalog.all) assert.match(channel.slug, /^[a-z]+$/);
  });
});
