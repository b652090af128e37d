// Projects named with the verb that governs them, the way work reports write them:
// `A、B、C等重大项目建成投产`, `开工建设X`, `建成X`, `加快X、Y等高速公路建设`. One clause is read at a
// time: a verb before the names, a verb after them, or both (`推动X建成投产`: the later one governs).
import type { ProjectStage } from '../lib/project-stages.ts';

/** One project a clause names, with the stage its verb gives it. */
export interface ListedProject {
  name: string;
  stage: ProjectStage;
}

const stageVerbs = (stage: ProjectStage, verbs: string[]) => verbs.map((verb): [string, ProjectStage] => [verb, stage]);
// The stage verbs of FORMAT.md; the longest verb at a place wins (建成投产 over 建成).
const VERBS: ReadonlyArray<[string, ProjectStage]> = [
  ...stageVerbs('投产/运营', [
    '拟竣工投产',
    '建成投产',
    '竣工投产',
    '投产达效',
    '稳产达产',
    '建成通车',
    '全线通车',
    '建成投用',
    '交工投用',
    '建成投运',
    '投入运营',
    '投入商业运行',
    '开通运营',
    '建成运营',
    '建成运行',
    '贯通运营',
    '全流程贯通',
    '投入使用',
    '通水通航',
    '建成通航',
    '通车',
    '投产',
    '投用',
    '投运',
    '通水',
    '通航',
    '蓄水',
    '开诊',
  ]),
  ...stageVerbs('竣工', ['完成提速改造', '完成改造', '全面建成', '建成', '完工', '竣工', '完成']),
  ...stageVerbs('谋划/储备', ['规划建设', '前期工作', '谋划储备', '谋划', '纳规', '获批', '获国家支持', '纳入国家盘子']),
  ...stageVerbs('签约', ['签约落地', '成功落地', '力争签约', '集中签约', '签约', '落地']),
  ...stageVerbs('开工/在建', [
    '开工建设',
    '新开工',
    '力争开工',
    '开工',
    '启动建设',
    '启动实施',
    '加快建设',
    '加力建设',
    '提速建设',
    '加快推进',
    '有序实施',
    '全线铺轨贯通',
    '全线贯通',
    '贯通',
    '完成建设任务',
    '建设加快推进',
    '加快',
    '推进',
    '推动',
    '提速',
    '续建',
    '实施',
    '改扩建',
    '建设',
    '启动',
    '建好',
    '抓好',
    '力促',
  ]),
];
// Verbs that only carry the clause along: a stage verb after the names, or in the list's label, governs.
const LIGHT = new Set(['加快', '推进', '推动', '提速', '实施', '建设', '启动', '建好', '抓好', '力促', '加快推进']);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
const VERB_ALTERNATION = [...VERBS]
  .sort((a, b) => b[0].length - a[0].length)
  .map(([v]) => escape(v))
  .join('|');
const stageOf = (verb: string): ProjectStage => VERBS.find(([v]) => v === verb)![1];

// Adverbs and frames before the verb (积极推动…纳规, 2027年、2028年分别建成…, 实现…蓄水).
const LEAD =
  /^(?:——|—|\d+[.、．]|[一二三四五六七八九十]+、|（[一二三四五六七八九十\d]+）|了|做好|研究|高质量|\d{4}年(?:、\d{4}年)*分别|今年|明年|积极|大力|全力|加力|扎实开展|扎实|稳步|努力|力争|确保|全面|持续|有序|加快|重点|实现)*/u;
const PREFIX = new RegExp(`^(${VERB_ALTERNATION})`, 'u');
const SUFFIX = new RegExp(`(${VERB_ALTERNATION})(?:进度)?$`, 'u');
const LABEL_VERB = new RegExp(`(${VERB_ALTERNATION})`, 'u');
// Adverbs between the names and the verb after them (…等项目顺利开工, …正式投用).
const TRAIL = /(?:正式|提前|全线|顺利|有序|超时序|加快|全面|如期|的)+$/u;

// Nouns naming a kind of work, which list items without one of their own share (`京津塘、津沧等高速公路`).
const WORK_NOUNS = [
  '特高压工程',
  '轨道交通线',
  '高速公路',
  '城际铁路',
  '过江通道',
  '综合枢纽',
  '高速',
  '铁路',
  '高铁',
  '城际',
  '地铁',
  '机场',
  '航道',
  '港口',
  '枢纽',
  '电站',
  '工程',
];
const WORK_HEAD = '码头|线|高铁|铁路|城际|高速|公路|机场|航道|水道|通道|港|港区|站|枢纽|水库|灌区|电站|工程|运河|大桥|船闸|地铁';
// An item has its own work noun when it ends in one, before a section or phase (京滨城际南段, 13号线东延伸).
const OWN_WORK_NOUN = new RegExp(
  `(?:${WORK_HEAD})(?:[^、]{0,4}?段|（[^）]*段）)?(?:[一二三四五六七八九十]期)?(?:[东西南北]?延伸线?)?(?:[一二三四五六七八九十]期)?(?:[东西南北]段)?$`,
  'u',
);
// An item naming an action on a work, not the work (吴淞江江苏段整治 + 工程).
const ACTION_END = /(?:整治|改造|扩能|升级|提升|改扩建)$/u;
const hasOwnWorkNoun = (item: string) => Array.from(item).length > 2 && OWN_WORK_NOUN.test(item);
// Counters between 等 and the noun, and tails after it (等7个铁路项目, 等高速公路续建项目).
const COUNTER = /^(?:一批|[\d.]+万?多?个|\d+条|\d+座|[一二三四五六七八九十]+条)/u;
const NOUN_TAIL = /(?:续建项目|项目|建设)$/u;
// What follows 等 in a list of projects: projects, works, or a kind of work.
const PROJECT_LABEL = new RegExp(`(?:项目|工程|${WORK_HEAD})$`, 'u');

// Never a project: groups and counts, designations, slogans, generic works, clauses that are policy.
const NOT_A_PROJECT = [
  /一批|^[\d.]+万?多?(?:个|条|座|家|项)|^[一二三四五六七八九十百千两\d]+大|等|^在建|续建|标志性|百亿级|亿元以上|中小微|公共服务|基础设施|重点项目$|重大项目$|^项目$|^工程$|配套工程$|^骨干/u,
  /体系|机制|能力$|水平|环境|改革|政策|行动|试点|示范(?:区|县)?$|集群$|走廊$|产业链$|(?:区域[^、]{0,4}|创新|集结|物流)中心$|任务|提质扩容|“两[重新]”/u,
  // A verb first is a policy clause, not a name (深化“两区”, 强化国际航空货运枢纽).
  /^(?:深化|加强|强化|支持|参与|建强|狠抓|统筹|打造|培育|促进|鼓励|完善|提升|发展|举办|安全|积极|更多|首届|推|抓|用好|优化|开展|配合)/u,
  // Generic works without a name of their own (新一轮打通断头路工程, 社区菜店, 旧城大改造), and a number cut off a list (洪都小学1).
  /新一轮|第[一二三四五六七八九十\d]+[批轮届]|^第[^、]{1,3}阶段|^[一二三四五六七八九十]期|\d+项(?!目)|(?:投资|募投|招商引资|投融资|各类|更新|修复)项目$|^(?:社区|村庄|城市|道路|旧城)|[^A-Za-z\d]\d+$/u,
  // A slogan in quotes (“六区一高地”, 提振消费“五大工程”): quoted numbers, or a short frame around a quote.
  /^[^“]{0,4}(?:“[^”]*[一二三四五六七八九十两百千\d][^”]*”)+(?:工程)?$|^[^“]{0,4}(?:“[^”]+”)+(?:工程|建设)?$/u,
];
// Labels of lists that are not projects whatever noun ends them: sectors (新能源汽车、生物医药等领域…项目),
// heritage and brands to apply for (豫章绣、竹丝笔等冲刺省级非遗项目).
const NOT_A_PROJECT_LABEL = /^(?:领域|行业|方面)|冲刺|申报|创建|争创|非遗|品牌|赛事|活动/u;
// An item that is a policy, not a work, makes its whole list one (推动甲和乙联动发展, 推动济南、青岛协同打造…).
const POLICY_ITEM = /打造|协同|参与|发挥|联动|融合|发展$|互联互通|领域|强调|保障|助力|下沉|标准化/u;
// Something built, inside a name ending in 工程 (…水资源配置工程, 新货场地下停车场及配套市政工程).
const PHYSICAL = new RegExp(`${WORK_HEAD}|水|航|场|厂|馆|楼|桥|路|库|堤|闸|渠|管|网|湖|江|河|海|湾|山|电|管廊|市政`, 'u');
// Heads that a light verb alone (推进…建设) does not make a project: bases and centres as designations.
const SOFT_HEAD = /(?:基地|中心|设施|系统)$/u;
// Where a list has no label saying it lists projects, each item must end like a thing one builds.
const BUILT_THING = new RegExp(
  `(?:(?<!一)(?:${WORK_HEAD})|项目|中心|基地|医院|院区|校区|园|厂房|核电|电厂|机组|航站楼|泊位|设施|口岸|综合体|环网|管网|联网|油田|跑道|作业区|核心区|生产线|中试线|公园|隧道|系统|线[东西南北]?延伸线?|期|段|[GS]\\d{1,4})$|(?:${WORK_HEAD})[^、]*(?:改造|改扩建|扩建|迁建|整治|治理)$`,
  'u',
);
// Frames that are not part of a name: 江淮儿女期盼多年的引江济淮工程 (but 世界最大的赖氨酸生产基地 is one).
const MODIFIER = /^(?!世界|全国|国内|全球|首个)[^、]{2,}的(?=[^、]{4,}$)/u;

const isProject = (name: string, listed: boolean) =>
  Array.from(name).length >= 3 &&
  Array.from(name).length <= 30 &&
  !NOT_A_PROJECT.some((pattern) => pattern.test(name)) &&
  (listed || BUILT_THING.test(name.replace(/（[^）]*）$/u, '')));

/** One run of items sharing a trailing noun (`北沿江、通苏嘉甬、盐泰锡常宜高铁`): the noun given to those lacking one. */
function shareTrailingNoun(items: string[], withoutEtc: boolean): string[] {
  if (items.length < 2) return items;
  const last = items[items.length - 1]!;
  // `台黑4条高速`: a counter marks the noun as shared.
  const counted = /^(.*?)(?:\d+|[一二三四五六七八九十]+)条([^\d]+)$/u.exec(last);
  const countedNoun = counted?.[2]!.replace(NOUN_TAIL, '');
  if (counted && countedNoun && WORK_NOUNS.includes(countedNoun)) {
    return [...items.slice(0, -1), counted[1]!].map((item) => (hasOwnWorkNoun(item) ? item : `${item}${countedNoun}`));
  }
  // `十字街、何坊西路5个综合安置小区`: a counted label, not part of the last name.
  const labelled = /^(.+?)(?:\d+|[两一二三四五六七八九十]+)(?:个|座|条|大)[^、]+$/u.exec(last);
  if (labelled && !(counted && countedNoun && WORK_NOUNS.includes(countedNoun))) return [...items.slice(0, -1), labelled[1]!];
  const bare = last.replace(/项目$/u, '');
  const noun = WORK_NOUNS.find((w) => bare.endsWith(w) && bare.length > w.length);
  // Short abbreviations (雄忻, 通苏嘉甬) lack one; so does an action (…扩能升级和…提升工程) in a list without 等.
  const lacking = (item: string) =>
    !hasOwnWorkNoun(item) && ((noun !== '工程' && Array.from(item).length <= 5 && !/[期段]$/u.test(item)) || (withoutEtc && ACTION_END.test(item)));
  if (!noun || !items.slice(0, -1).some(lacking)) return items;
  return [...items.slice(0, -1).map((item) => (lacking(item) ? `${item}${noun}` : item)), bare];
}

/**
 * The names in a list: split at 、 and 和, a shared noun appended where an item lacks its own.
 * `projectLabel`: the label after 等 says the items are projects; `withoutEtc`: the list has no 等 at
 * all; `implemented`: its verb is 实施, which also takes programmes.
 */
function namesIn(list: string, projectLabel: boolean, shared: string | null, withoutEtc: boolean, implemented: boolean): string[] {
  // 和 splits two names, not a name (新和成) nor a work's part (…南排和航道主体工程).
  const runs = list.split(new RegExp(`(?<=[^、]{2})(?:和|以及)(?!${WORK_HEAD}|[^（]*）)`, 'u'));
  // Shared within each run first, then across 和 (…扩能升级和…提升工程).
  const items = shareTrailingNoun(
    runs.flatMap((run) =>
      shareTrailingNoun(
        run
          .split('、')
          .map((s) => s.trim())
          .filter(Boolean),
        withoutEtc,
      ),
    ),
    withoutEtc,
  );
  if (items.some((item) => POLICY_ITEM.test(item))) return [];
  // `功能完善、运行高效的要素配置枢纽`: the items describe one thing; `一批海上风电、核电…项目`: kinds, not names.
  if ((items.length > 1 && items[items.length - 1]!.includes('的')) || /^一批/u.test(list)) return [];
  let names = items
    .filter((item) => !/一批/u.test(item))
    .map((item) => item.replace(MODIFIER, '').replace(/建设$/u, ''))
    .map((item) => (shared !== null && !hasOwnWorkNoun(item) ? `${item.replace(/项目$/u, '')}${shared}` : item));
  // 实施医疗卫生强基工程: a programme, unless the 工程 names something built (水库, 航道, 停车场 …).
  if (implemented && !projectLabel) names = names.filter((name) => !/工程$/u.test(name) || PHYSICAL.test(name.replace(/工程$/u, '')));
  // A list of sectors (交通、能源、水利、农业农村等重大项目): most items one or two characters.
  if (names.filter((name) => Array.from(name).length <= 2).length * 2 > names.length && names.length > 1) return [];
  // A list is a list of projects when its label says so or when one of its items is plainly one.
  const listed = projectLabel || names.some((name) => isProject(name, false));
  return names.filter((name) => isProject(name, listed));
}

/** Splits `A、B等<label>` into the list and the noun after 等 (counters and tails dropped). */
function splitLabel(text: string): { list: string; label: string | null } {
  const etc = text.lastIndexOf('等');
  if (etc <= 0 || text.slice(etc).includes('、')) return { list: text, label: null };
  return {
    list: text.slice(0, etc),
    label: text
      .slice(etc + 1)
      .replace(COUNTER, '')
      .replace(/\d+个(?:以上|左右)?$/u, ''),
  };
}

/** The projects one clause names, or none when it names none. */
export function projectsInClause(clause: string): ListedProject[] {
  let text = clause.replace(/^.*——/u, '').trim().replace(LEAD, '');
  let before: string | null = null;
  const prefix = PREFIX.exec(text);
  if (prefix) {
    before = prefix[1]!;
    text = text.slice(before.length).replace(LEAD, '');
    // 谋划启动…, 加快推进…: of two verbs in a row the first governs, unless it is light.
    const second = PREFIX.exec(text);
    if (second) {
      if (LIGHT.has(before)) before = second[1]!;
      text = text.slice(second[1]!.length).replace(LEAD, '');
    }
  }
  let after: string | null = null;
  text = text.replace(/(?:建设)?进度$/u, '建设');
  const suffix = SUFFIX.exec(text);
  // 完成 governs what follows it (完成…主体工程), not what precedes it (任务如期完成).
  if (suffix && suffix.index > 0 && suffix[1] !== '完成') {
    after = suffix[1]!;
    text = text.slice(0, suffix.index).replace(TRAIL, '');
    // `…等重大项目建设`, `…建设加快推进`: the frame word after a stage verb.
    const again = SUFFIX.exec(text);
    if (again && again.index > 0 && LIGHT.has(after) && !LIGHT.has(again[1]!)) {
      after = again[1]!;
      text = text.slice(0, again.index).replace(TRAIL, '');
    }
  }
  if (before === null && after === null) return [];
  const { list, label } = splitLabel(text);
  // 新能源汽车、生物医药等领域…项目: the items are sectors, whatever the label ends with.
  if (label !== null && label !== '' && (!PROJECT_LABEL.test(label) || NOT_A_PROJECT_LABEL.test(label))) return [];
  const noun = label?.replace(NOUN_TAIL, '').replace(NOUN_TAIL, '');
  const shared = noun !== undefined && WORK_NOUNS.includes(noun) ? noun : null;
  // The verb after the names governs unless it is light; a light verb gives way to the label's (拟竣工投产项目).
  const labelVerb = label === null ? undefined : LABEL_VERB.exec(label)?.[1];
  let verb = after !== null && !(LIGHT.has(after) && before !== null && !LIGHT.has(before)) ? after : before!;
  if (LIGHT.has(verb) && labelVerb && !LIGHT.has(labelVerb)) verb = labelVerb;
  const labelled = label !== null && label !== '';
  const names = namesIn(list, labelled || shared !== null, shared, label === null, verb === '实施');
  if (LIGHT.has(verb) && !labelled && names.every((name) => SOFT_HEAD.test(name))) return [];
  return names.map((name) => ({ name, stage: stageOf(verb) }));
}

/** Every project named in a sentence: its clauses read one by one. */
export function listedProjects(sentence: string): ListedProject[] {
  return sentence.split(/[，,：:；;。！？\n]/u).flatMap((clause) => projectsInClause(clause.trim()));
}
