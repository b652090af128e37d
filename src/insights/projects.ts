// Named investment projects read out of articles: 总投资近50亿元的王府井百货, 签约富士康智能科技小镇
// 项目 … 总投资规模超百亿元, and the projects work reports name in lists with their stage
// (甲、乙等重大项目建成投产: project-lists.ts). Aggregates (32个重点项目) are not projects.
import type { ProjectStage } from '../lib/project-stages.ts';
import { findQuantities } from '../text/quantity.ts';
import { listedProjects } from './project-lists.ts';

/** One project as a text states it. */
export interface ProjectFact {
  name: string;
  amount: number | null;
  unit: string | null;
  qualifier: string | null;
  /** A district or zone named with the project, if any (the caller falls back to the article's). */
  place: string | null;
  industry: string | null;
  stage: ProjectStage | null;
  sentence: string;
}

// Most advanced first: a sentence saying 签约 and 开工 reports the 开工.
const STAGES: ReadonlyArray<[RegExp, ProjectStage]> = [
  [/投产|运营|开业|开街|营业/u, '投产/运营'],
  [/竣工|建成/u, '竣工'],
  [/开工|在建|建设|推进/u, '开工/在建'],
  [/签约|签订|落户|注册/u, '签约'],
  [/洽谈|在谈|对接/u, '洽谈'],
  [/储备|谋划|策划/u, '谋划/储备'],
];

// Nanchang's promoted industry chains (DOMAIN.md) and the words that point to them.
const INDUSTRIES: ReadonlyArray<[RegExp, string]> = [
  [/半导体|芯片|集成电路/u, '半导体'],
  [/电子信息|智能终端|光电/u, '电子信息'],
  [/新能源|锂电|光伏/u, '新能源'],
  [/生物医药|医药|医疗器械/u, '生物医药'],
  [/新材料/u, '新材料'],
  [/航空/u, '航空制造'],
  [/汽车|零部件/u, '汽车及零部件'],
  [/虚拟现实|VR/u, '虚拟现实'],
  [/金融/u, '现代金融'],
  [/电子商务|电商/u, '电子商务'],
  [/文化|创意|艺术/u, '文化创意'],
  [/物流/u, '现代物流'],
  [/商贸|百货|商业|零售/u, '商贸'],
  [/总部/u, '总部经济'],
  [/旅游|酒店/u, '旅游'],
];

const INVESTMENT = /总投资(?:规模|额)?/u;
// What a name may not contain: punctuation that ends it, and the words that follow a name.
const NAME_END = /[,,。；;、:：!！?？]|为代表|建成|开工|竣工|建设|签约|落户|顺利|已在|正式|项目(?=[^\u4e00-\u9fff]|$)/u;

function firstMatch<T>(text: string, table: ReadonlyArray<[RegExp, T]>): T | null {
  return table.find(([pattern]) => pattern.test(text))?.[1] ?? null;
}

/** A project name as it follows 的, up to where the name ends (项目 kept when it ends the name). */
function nameAfter(text: string): string | null {
  const end = NAME_END.exec(text);
  let name = end ? text.slice(0, end.index) : text;
  if (end && end[0] === '项目') name += '项目';
  name = name.trim();
  // 32个重点项目, 一批项目: counts and groups are not projects.
  if (name === '' || /^[\d一二三四五六七八九十百千两几]+[个项批家]|^一批|^这些|^重点项目$/u.test(name) || Array.from(name).length > 30) return null;
  return name;
}

/** Every named project in a text; `places` are the district and zone names to recognise. */
export function extractProjects(body: string, places: readonly string[] = []): ProjectFact[] {
  const placePattern =
    places.length > 0
      ? new RegExp(
          [...places]
            .sort((a, b) => b.length - a.length)
            .map((p) => p.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&'))
            .join('|'),
          'gu',
        )
      : undefined;
  // The most specific place named: 小蓝经开区 rather than the 南昌 before it.
  const placeIn = (context: string) =>
    placePattern ? ([...context.matchAll(placePattern)].map((m) => m[0]).sort((a, b) => b.length - a.length)[0] ?? null) : null;
  const sentences = body
    .split(/(?<=[。！？!?；;])/u)
    .map((s) => s.trim())
    .filter(Boolean);
  const facts: ProjectFact[] = [];
  const describe = (name: string, sentence: string, context: string, amountText?: string, stage?: ProjectStage) => {
    const amount = amountText === undefined ? undefined : findQuantities(amountText).find((q) => q.dimension === 'money_cny' || q.dimension === 'money_usd');
    facts.push({
      name,
      amount: amount?.value ?? null,
      unit: amount?.unit ?? null,
      qualifier: amount?.qualifier ?? null,
      place: placeIn(context),
      industry: firstMatch(name, INDUSTRIES) ?? firstMatch(context, INDUSTRIES),
      stage: stage ?? firstMatch(sentence, STAGES),
      sentence: sentence.replace(/[。；;]$/u, ''),
    });
  };

  sentences.forEach((sentence, i) => {
    if (/注册资金|注册资本/u.test(sentence) && !INVESTMENT.test(sentence)) return;
    // 总投资近50亿元的王府井百货…
    for (const match of sentence.matchAll(new RegExp(`${INVESTMENT.source}([^,,。；;的]{1,20})的`, 'gu'))) {
      const name = nameAfter(sentence.slice(match.index! + match[0].length));
      if (name) describe(name, sentence, sentence, match[1]);
    }
    // 签约富士康智能科技小镇项目 … 该项目…总投资规模超百亿元 (the amount may come in a later sentence).
    for (const match of sentence.matchAll(/签约了?([\u4e00-\u9fffA-Za-z0-9“”"]{2,24}?)项目/gu)) {
      const name = match[1]!;
      // A proper name, not a description (重大投资项目, 上下游配套项目, 亿元以上项目).
      if (/[的等]|亿|万|重大|重点|配套|合作|一批|方面/u.test(name) || Array.from(name).length < 3) continue;
      if (facts.some((fact) => fact.name.startsWith(name))) continue;
      const later = sentences.slice(i, i + 4).find((s) => INVESTMENT.test(s));
      const amountText = later ? later.slice(INVESTMENT.exec(later)!.index) : undefined;
      if (nameAfter(name)) describe(name, sentence, `${sentence}${later ?? ''}`, amountText);
    }
    // 甲、乙等重大项目建成投产; 开工建设丙 (names already read with an amount are not read twice).
    // Place and industry from the name alone: a long report sentence names many places and industries.
    const named = new Set(facts.filter((fact) => fact.sentence === sentence.replace(/[。；;]$/u, '')).map((fact) => fact.name));
    for (const listed of listedProjects(sentence)) {
      if (!named.has(listed.name)) describe(listed.name, sentence, listed.name, undefined, listed.stage);
    }
  });
  return facts;
}
