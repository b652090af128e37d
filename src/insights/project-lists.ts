// Projects named with the verb that governs them, the way work reports write them:
// `A、B、C等重大项目建成投产`, `开工建设X`, `建成X`, `加快X、Y等高速公路建设`. One clause is read at a
// time: a verb before the names, a verb after them, or both (`推动X建成投产`: the later one governs).
import type { ProjectStage } from './projects.ts';

/** One project a clause names, with the stage its verb gives it. */
export interface ListedProject {
  name: string;
  stage: ProjectStage;
}

// Stage verbs, longest first within a stage so that 建成投产 wins over 建成.
const VERBS: ReadonlyArray<[string, ProjectStage]> = [
  ...['拟竣工投产', '建成投产', '竣工投产', '投产达效', '稳产达产', '建成通车', '全线通车', '建成投用', '交工投用', '建成投运', '投入运营', '投入商业运行', '开通运营', '建成运营', '建成运行', '贯通运营', '全流程贯通', '投入使用', '通水通航', '建成通航', '通车', '投产', '投用', '投运', '通水', '通航', '蓄水', '开诊'].map((v): [string, ProjectStage] => [v, '投产/运营']),
  ...['完成提速改造', '完成改造', '全面建成', '建成', '完工', '竣工'].map((v): [string, ProjectStage] => [v, '竣工']),
  ...['规划建设', '前期工作', '谋划储备', '谋划', '纳规', '获批', '获国家支持', '纳入国家盘子'].map((v): [string, ProjectStage] => [v, '谋划/储备']),
  ...['签约落地', '成功落地', '力争签约', '集中签约', '签约', '落地'].map((v): [string, ProjectStage] => [v, '签约']),
  ...['开工建设', '新开工', '力争开工', '开工', '启动建设', '启动实施', '加快建设', '加力建设', '提速建设', '加快推进', '有序实施', '全线铺轨贯通', '全线贯通', '完成建设任务', '建设加快推进', '加快', '推进', '推动', '提速', '续建', '实施', '改扩建', '建设', '启动', '建好', '抓好', '力促'].map((v): [string, ProjectStage] => [v, '开工/在建']),
];
// Verbs that only carry the sentence along: the stage comes from a verb after the names when there is one.
const LIGHT = new Set(['加快', '推进', '推动', '提速', '实施', '建设', '启动', '建好', '抓好', '力促', '加快推进']);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
const VERB_ALTERNATION = [...VERBS].sort((a, b) => b[0].length - a[0].length).map(([v]) => escape(v)).join('|');
const stageOf = (verb: string): ProjectStage => VERBS.find(([v]) => v === verb)![1];

// Adverbs and frames around the verbs (积极推动…纳规, 2027年、2028年分别建成…).
const LEAD = /^(?:——|—|\d{4}年(?:、\d{4}年)*分别|今年|明年|积极|大力|全力|加力|扎实开展|扎实|稳步|努力|力争|确保|全面|持续|有序|加快|重点)*/u;
const PREFIX = new RegExp(`^(${VERB_ALTERNATION})`, 'u');
const SUFFIX = new RegExp(`(${VERB_ALTERNATION})(?:进度)?$`, 'u');
const TRAIL = /(?:正式|提前|全线|顺利|有序|超时序|加快|全面|等)+$/u;

// Nouns naming a kind of work: shared by list items that lack one (`京津塘、津沧等高速公路`).
const WORK_NOUNS = ['特高压工程', '轨道交通线', '高速公路', '城际铁路', '过江通道', '综合枢纽', '高速', '铁路', '高铁', '城际', '地铁', '机场', '航道', '港口', '枢纽', '电站', '工程'];
// An item already has a work noun when it ends in one, before a section or phase.
const OWN_WORK_NOUN = /(?:线|高铁|铁路|城际|高速|公路|机场|航道|水道|通道|港|港区|站|枢纽|水库|灌区|电站|工程|运河|大桥|船闸|地铁)(?:[^、]{0,4}?段|（[^）]*段）)?(?:[一二三四五六七八九十]期)?(?:[东西南北]?延伸线?)?(?:[一二三四五六七八九十]期)?(?:[东西南北]段)?$/u;
// Counters and tails between 等 and the shared noun, or after it.
const COUNTER = /^(?:一批|[\d.]+万?多?个|\d+条|\d+座|[一二三四五六七八九十]+条)/u;
const NOUN_TAIL = /(?:续建项目|项目|建设)$/u;

// What a list item may not be: groups, counts, programmes, generic works.
const NOT_A_PROJECT = /一批|[\d.]+万?多?个|^在建|等|提质扩容|骨干水网|配套工程|十大|“两重”|重点项目$|重大项目$|^项目$|^工程$|体系|机制|能力$|水平|环境|改革|政策|行动|试点|示范|集群|走廊|产业链$|^[^、]{0,1}$/u;
// A name must end like a thing one builds or runs.
const THING = /(?:线|高铁|铁路|城际|高速|公路|机场|航道|水道|通道|港|港区|站|枢纽|水库|灌区|电站|工程|运河|大桥|船闸|地铁|项目|中心|基地|医院|院区|校区|园|厂房|核电|电厂|机组|航站楼|泊位|设施|口岸|综合体|管网|联网|油田|乙烯|炼化|期|段|改造|改扩建|扩建|迁建|整治|治理|配置|生产线|中试线|晶圆|纤维|玻璃纤维|新材料|储能|创新药|药|冷链|储备库|作业区|网|走廊”|线公园|公园|大道|隧道|桥|港城|大楼|电池|工厂|装备制造|一体化|制造|转型|合作|雷达|显示模组|组件|开发|提升|服务器生产线|风电|抽水蓄能|特高压|“[^”]+”)$/u;

/** The names in a list: split at 、 and 和, shared noun appended where an item lacks its own. */
function namesIn(list: string): string[] {
  let body = list.replace(/^(?:新建|续建|在建)?/u, '');
  let shared: string | null = null;
  let group = false;
  const etc = body.lastIndexOf('等');
  if (etc > 0) {
    let noun = body.slice(etc + 1).replace(COUNTER, '').replace(NOUN_TAIL, '').replace(NOUN_TAIL, '');
    body = body.slice(0, etc);
    if (WORK_NOUNS.includes(noun)) shared = noun;
    else group = true;
    noun = '';
  }
  const items = body.split(/、|和(?![^（]*）)/u).map((s) => s.trim()).filter(Boolean);
  if (!group && shared === null && items.length > 1) {
    // `雄忻、石雄铁路`, `台黑4条高速`: the last item's work noun is shared by the bare short ones.
    const last = items[items.length - 1]!;
    const counted = /^(.*?)(\d+条|[一二三四五六七八九十]+条)([^\d]+)$/u.exec(last);
    if (counted && WORK_NOUNS.includes(counted[3]!.replace(NOUN_TAIL, ''))) {
      items[items.length - 1] = counted[1]!;
      shared = counted[3]!.replace(NOUN_TAIL, '');
    } else {
      const noun = WORK_NOUNS.find((w) => last.endsWith(w) && last.length > w.length);
      if (noun && items.slice(0, -1).some((item) => !OWN_WORK_NOUN.test(item) && Array.from(item).length <= 6)) {
        for (let i = 0; i < items.length - 1; i++) if (!OWN_WORK_NOUN.test(items[i]!) && Array.from(items[i]!).length <= 6) items[i] += noun;
      }
    }
  }
  return items
    .map((item) => item.replace(NOUN_TAIL, (tail) => (tail === '项目' ? tail : '')))
    .map((item) => (shared !== null && !OWN_WORK_NOUN.test(item) ? `${item.replace(/项目$/u, '')}${shared}` : item))
    .filter((item) => !NOT_A_PROJECT.test(item) && THING.test(item) && Array.from(item).length <= 30);
}

/** The projects one clause names, or none when it names none. */
export function projectsInClause(clause: string): ListedProject[] {
  let text = clause.replace(/^.*——/u, '').replace(/\s+/gu, '');
  text = text.replace(LEAD, '');
  let before: string | null = null;
  const prefix = PREFIX.exec(text);
  if (prefix) {
    before = prefix[1]!;
    text = text.slice(before.length).replace(LEAD, '');
  }
  let after: string | null = null;
  const trimmed = text.replace(/(?:建设)?进度$/u, '建设');
  const suffix = SUFFIX.exec(trimmed);
  if (suffix && suffix.index > 0) {
    after = suffix[1]!;
    text = trimmed.slice(0, suffix.index).replace(TRAIL, (t) => (t.endsWith('等') ? '等' : ''));
    // `…等重大项目建设`, `…建设加快推进`: a verb before the frame word.
    const again = SUFFIX.exec(text);
    if (again && again.index > 0 && LIGHT.has(after)) {
      after = again[1]!;
      text = text.slice(0, again.index).replace(TRAIL, (t) => (t.endsWith('等') ? '等' : ''));
    }
  }
  if (before === null && after === null) return [];
  // The verb after the names governs unless it is a light one; a group label may carry its own (拟竣工投产项目).
  const labelVerb = new RegExp(`等[^、]*?(${VERB_ALTERNATION})[^、]*$`, 'u').exec(text)?.[1];
  const verb = after !== null && !(LIGHT.has(after) && before !== null && !LIGHT.has(before)) ? (LIGHT.has(after) && labelVerb && !LIGHT.has(labelVerb) ? labelVerb : after) : before !== null && LIGHT.has(before) && labelVerb ? labelVerb : before!;
  const names = namesIn(text);
  return names.map((name) => ({ name, stage: stageOf(verb) }));
}

/** Every project named in a sentence: its clauses read one by one. */
export function listedProjects(sentence: string): ListedProject[] {
  return sentence.split(/[，,：:；;。！？\n]/u).flatMap((clause) => projectsInClause(clause.trim()));
}
