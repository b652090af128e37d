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

// Written for these tests (names invented), one row per rule of FORMAT.md's "Projects" section.
const LIST_CASES: ReadonlyArray<[rule: string, sentence: string, expected: Array<[string, string]>]> = [
  // Lists with the verb after them or before them
  [
    'a list before its verb',
    '甲公司芯片、乙集团锂电等重大项目建成投产。',
    [
      ['甲公司芯片', '投产/运营'],
      ['乙集团锂电', '投产/运营'],
    ],
  ],
  [
    '开工建设 before the names',
    '开工建设丙市轨道交通5号线、丁江大桥。',
    [
      ['丙市轨道交通5号线', '开工/在建'],
      ['丁江大桥', '开工/在建'],
    ],
  ],
  ['bare 建成 is 竣工', '建成东坪水库主体工程。', [['东坪水库主体工程', '竣工']]],
  [
    '建成投产 before the names is 投产',
    '建成投产星河光伏组件、远望锂电池等项目。',
    [
      ['星河光伏组件', '投产/运营'],
      ['远望锂电池', '投产/运营'],
    ],
  ],
  [
    'a light verb gives way to the stage verb after the names',
    '推动青石人民医院新院区、赤岭职教园区二期建成投用。',
    [
      ['青石人民医院新院区', '投产/运营'],
      ['赤岭职教园区二期', '投产/运营'],
    ],
  ],
  ['a light verb gives way to the verb in the label', '抓好华岭纤维等800多个拟竣工投产项目。', [['华岭纤维', '投产/运营']]],
  [
    'of two verbs in a row a light first gives way',
    '推动建成投用南湖体育中心，谋划启动北岭片区路网工程。',
    [
      ['南湖体育中心', '投产/运营'],
      ['北岭片区路网工程', '谋划/储备'],
    ],
  ],
  [
    '前期工作 is 谋划/储备',
    '加快白沙港三期、北川机场等前期工作。',
    [
      ['白沙港三期', '谋划/储备'],
      ['北川机场', '谋划/储备'],
    ],
  ],
  [
    '签约落地 is 签约',
    '远航动力总部、云上数据中心等外资项目签约落地。',
    [
      ['远航动力总部', '签约'],
      ['云上数据中心', '签约'],
    ],
  ],
  [
    '续建 is 开工/在建',
    '续建松林至石门、江口至河西等9个公路项目。',
    [
      ['松林至石门', '开工/在建'],
      ['江口至河西', '开工/在建'],
    ],
  ],
  ['通水 is 投产/运营', '南岭引水工程通水。', [['南岭引水工程', '投产/运营']]],
  ['贯通 of a line being built is 开工/在建', '力争东江高铁北段贯通。', [['东江高铁北段', '开工/在建']]],
  ['完成 before the work is 竣工, not after it', '完成西湾船闸改造工程，全年任务如期完成。', [['西湾船闸改造工程', '竣工']]],
  ['获批 is 谋划/储备', '南部引水二期工程获批。', [['南部引水二期工程', '谋划/储备']]],
  // Shared nouns
  [
    'a shared work noun goes to items without one',
    '加快丰东、安平、吉庆等高速公路建设。',
    [
      ['丰东高速公路', '开工/在建'],
      ['安平高速公路', '开工/在建'],
      ['吉庆高速公路', '开工/在建'],
    ],
  ],
  [
    'an item with its own work noun stays as written',
    '推动东港机场二期、西河城际北段、南山高铁等工程。',
    [
      ['东港机场二期', '开工/在建'],
      ['西河城际北段', '开工/在建'],
      ['南山高铁', '开工/在建'],
    ],
  ],
  [
    'a line name is its own work noun',
    '加快建设青龙线、7号线东延伸、C3等轨道交通线。',
    [
      ['青龙线', '开工/在建'],
      ['7号线东延伸', '开工/在建'],
      ['C3轨道交通线', '开工/在建'],
    ],
  ],
  [
    'a counter marks the noun as shared',
    '北湖高铁和东平、安顺3条高速建成通车。',
    [
      ['北湖高铁', '投产/运营'],
      ['东平高速', '投产/运营'],
      ['安顺高速', '投产/运营'],
    ],
  ],
  [
    'the last item’s noun is shared by short ones',
    '加快安吉、石门铁路项目建设。',
    [
      ['安吉铁路', '开工/在建'],
      ['石门铁路', '开工/在建'],
    ],
  ],
  [
    'an action gets the noun of the item after 和',
    '实施南溪航道扩能升级和北溪水运提升工程。',
    [
      ['南溪航道扩能升级工程', '开工/在建'],
      ['北溪水运提升工程', '开工/在建'],
    ],
  ],
  [
    'a counted label is not part of the last name',
    '推进东湖花园、西山华庭、南岸新城3个安置小区建设。',
    [
      ['东湖花园', '开工/在建'],
      ['西山华庭', '开工/在建'],
      ['南岸新城', '开工/在建'],
    ],
  ],
  [
    'a group label appends nothing',
    '加快白云水库、清河灌区等水利项目建设。',
    [
      ['白云水库', '开工/在建'],
      ['清河灌区', '开工/在建'],
    ],
  ],
  // Names whole
  ['a name with a model number stays whole', '京东方第8.6代线等项目建成投产。', [['京东方第8.6代线', '投产/运营']]],
  ['a section in brackets stays in the name', '开工建设西岭至南台（东段）高速公路。', [['西岭至南台（东段）高速公路', '开工/在建']]],
  ['和 inside a work is not a split', '南湖分洪和航道主体工程完工。', [['南湖分洪和航道主体工程', '竣工']]],
  ['a frame before 的 is not the name', '群众期盼多年的东山隧道建成通车。', [['东山隧道', '投产/运营']]],
  [
    'companies in a project list are projects',
    '新开工华东化工新材料、北辰储能等12个项目。',
    [
      ['华东化工新材料', '开工/在建'],
      ['北辰储能', '开工/在建'],
    ],
  ],
  [
    '做好 and 研究 are not part of the name',
    '做好东江引水工程前期工作，谋划研究南港深水码头建设。',
    [
      ['东江引水工程', '谋划/储备'],
      ['南港深水码头', '谋划/储备'],
    ],
  ],
  ['a programme verb keeps a work that is built', '实施老城区地下停车场及配套市政工程。', [['老城区地下停车场及配套市政工程', '开工/在建']]],
  ['an enumerator and 了 are not part of the name', '3.完成了城西污水处理厂扩建工程。', [['城西污水处理厂扩建工程', '竣工']]],
  // Not projects
  ['groups and counts', '一批项目加快建设，340个市级重点项目开工建设，实施十大工程。', []],
  ['a slogan in quotes', '扎实推进“三区一中心”建设，实施“千村万园”工程。', []],
  ['a policy named with a verb', '推进企业数字化转型、工业互联网发展，推动东岭港和西岭港联动发展。', []],
  ['a list of sectors', '支持民间资本参与交通、能源、水利等重大项目建设，交通、能源、水利、农业农村等重大项目加快建设。', []],
  ['a sector label', '新能源汽车、生物医药等领域一批外资项目落地。', []],
  ['a designation', '东湖区域医疗中心建成运行。', []],
  ['a base or centre with only a light verb', '推动南部战略物资储备基地建设。', []],
  ['a list whose label is not projects', '推进人工智能、量子通信等未来产业加快建设。', []],
  ['companies outside a project list', '华为、比亚迪等企业落户。', []],
  ['items describing one thing', '建设功能完备、运转高效的区域物流枢纽。', []],
  ['kinds after 一批', '开工建设一批海上风电、光伏和储能项目。', []],
  ['a programme is not a work', '实施乡村教师培育工程、全民健身提升工程。', []],
  ['kinds of funding and phases without a name', '推动招商引资项目、技改投资项目落地，稳步推进第二阶段建设，推进二期工程建设。', []],
  ['a count of matters', '博览会促成356项合作签约。', []],
];

describe('projects named in lists', () => {
  for (const [rule, sentence, expected] of LIST_CASES) {
    it(rule, () => {
      assert.deepEqual(
        extractProjects(sentence).map((p) => [p.name, p.stage]),
        expected,
      );
    });
  }
});

describe('zhaoshang extract', () => {
  it('prints one element per article in the documented shape', () => {
    const [first, ...rest] = extractFromText(readFileSync(SEED_FILE, 'utf8'));
    assert.equal(rest.length, 9);
    assert.equal(first!.title, '【东湖区招商】2015年东湖区政府工作报告');
    assert.deepEqual(Object.keys(first!.indicators[0]!), [
      'indicator',
      'place',
      'channel',
      'year',
      'kind',
      'period',
      'value',
      'unit',
      'growth',
      'stretch',
      'qualifier',
      'confidence',
      'sentence',
    ]);
    assert.equal(first!.indicators[0]!.place, '东湖区');
    assert.equal(first!.indicators[0]!.channel, 'donghu');
    const plain = extractFromText('南昌市2024年国民经济统计公报\n全市地区生产总值7800亿元,增长5.6%。');
    assert.equal(plain.length, 1, 'plain text is one article');
    assert.deepEqual(
      plain[0]!.indicators.map((i) => [i.indicator, i.place, i.year, i.value, i.growth]),
      [['gdp', '南昌市', 2024, 7800, 5.6]],
    );
  });
});
