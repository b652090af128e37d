// Facts read out of articles, kept up to date as articles are written, and the tables the
// /data and /projects pages show. Only facts of published articles are shown.
import type { ArticleWrittenListener } from '../articles/article-events.ts';
import { publishedArticleIds } from '../articles/article.service.ts';
import type { ChannelCatalog } from '../channels/channel-catalog.ts';
import type { Db } from '../db/database.ts';
import type { InsightsPublic } from '../config.ts';
import { rowToIndicatorFact, type FactKind } from './indicator-fact.ts';
import { placeOfArticle } from './report-place.ts';
import { extractIndicators, type IndicatorFact, type IndicatorKey } from './indicators.ts';
import { isProjectStage, laterStage } from '../lib/project-stages.ts';
import * as factStore from './indicator-fact.store.ts';
import * as projectStore from './project.store.ts';
import { extractProjects } from './projects.ts';

export const INDICATOR_NAMES: Record<IndicatorKey, string> = {
  gdp: '地区生产总值',
  fixed_asset_investment: '固定资产投资',
  retail_sales: '社会消费品零售总额',
  fiscal_revenue: '财政总收入',
  local_budget_revenue: '地方一般公共预算收入',
  industrial_value_added: '规模以上工业增加值',
  fdi_actual: '实际利用外资',
  domestic_capital: '实际利用内资',
  exports: '出口',
  trade_total: '进出口总额',
};

/** The indicators as English pages name them. */
export const INDICATOR_ENGLISH_NAMES: Record<IndicatorKey, string> = {
  gdp: 'Gross regional product (GDP)',
  fixed_asset_investment: 'Fixed-asset investment',
  retail_sales: 'Retail sales of consumer goods',
  fiscal_revenue: 'Total fiscal revenue',
  local_budget_revenue: 'Local general public budget revenue',
  industrial_value_added: 'Value added of industry above designated size',
  fdi_actual: 'Foreign investment actually used',
  domestic_capital: 'Domestic investment actually used',
  exports: 'Exports',
  trade_total: 'Total imports and exports',
};

/** The kinds of figure as English pages name them. */
export const KIND_ENGLISH_NAMES: Record<FactKind, string> = {
  actual: 'Actual',
  target: 'Target',
  period_average: 'Annual average',
  period_total: 'Period total',
};

/** How each kind is named on pages. */
export const KIND_NAMES: Record<FactKind, string> = { actual: '实际', target: '目标', period_average: '年均', period_total: '累计' };

/** The mark of a figure no editor has confirmed, on every public page and download. */
export const UNVERIFIED_MARK = '系统识别，待核实';

/** An article as extraction reads it. */
export interface ArticleForFacts {
  id: number;
  originalTitle: string;
  body: string;
  channel: string;
}

/** The same project in different articles: 北京王府井百货项目 and 王府井百货. */
export function projectMergeKey(name: string): string {
  return name
    .replace(/^(北京|上海|深圳|广州|南昌|江西)/u, '')
    .replace(/项目$/u, '')
    .replace(/[“”"]/gu, '');
}

/** Keeps an article's facts in step with its text: the listener app composition registers for article writes. */
export function factsFollowArticles(channels: ChannelCatalog): ArticleWrittenListener {
  return (trx, article, now) => (article.isNew ? recordFacts(trx, channels, article, new Set(), now) : refreshArticleFacts(trx, channels, article, now));
}

/** Re-reads an article's indicators and projects; call in the transaction that writes it. */
async function refreshArticleFacts(db: Db, channels: ChannelCatalog, article: ArticleForFacts, now: Date): Promise<void> {
  // What editors curated stays; extraction only replaces its own uncurated facts.
  await factStore.deleteUncuratedFacts(db, article.id);
  await projectStore.deleteArticleSources(db, article.id);
  await recordFacts(db, channels, article, await factStore.curatedFactKeys(db, article.id), now);
}

/**
 * What identifies an extracted fact across re-reads, so a curated fact is not extracted again.
 * Keys written before places and periods were read (`indicator|kind|sentence`) still match.
 */
function extractedKeys(fact: IndicatorFact): [current: string, legacy: string] {
  return [`${fact.indicator}|${fact.kind}|${fact.place}|${fact.year ?? fact.period ?? ''}|${fact.sentence}`, `${fact.indicator}|${fact.kind}|${fact.sentence}`];
}

async function recordFacts(db: Db, channels: ChannelCatalog, article: ArticleForFacts, curated: ReadonlySet<string | null>, now: Date): Promise<void> {
  // The place as `zhaoshang extract` and the evaluation read it, but from the channel the article is
  // filed in when its title names none.
  const facts = extractIndicators(article.originalTitle, article.body, placeOfArticle(article.originalTitle, article.body, channels, article.channel))
    .map((f) => ({ ...f, keys: extractedKeys(f) }))
    .filter((f) => !f.keys.some((key) => curated.has(key)));
  await factStore.insertFacts(
    db,
    facts.map((f) => ({
      article_id: article.id,
      // A figure of another portal place (南昌市 in a district's report) is that channel's to review and
      // show; one of a place outside the portal (全国, 江西省) stays with the article's channel, marked by its place.
      channel: channels.byTag(f.place)?.slug ?? article.channel,
      indicator: f.indicator,
      place: f.place,
      year: f.year,
      period: f.period,
      kind: f.kind,
      value: f.value,
      unit: f.unit,
      growth: f.growth,
      stretch: f.stretch,
      qualifier: f.qualifier,
      confidence: f.confidence.level,
      confidence_reasons: JSON.stringify(f.confidence.reasons),
      sentence: f.sentence,
      extracted_key: f.keys[0],
      curation: null,
      curated_by: null,
      curated_at: null,
    })),
  );
  const places = channels.all.flatMap((channel) => [channel.name, ...channel.tags]).filter((place) => Array.from(place).length > 1);
  for (const project of extractProjects(article.body, places)) {
    const channel = (project.place && channels.byTag(project.place)?.slug) || article.channel;
    const key = projectMergeKey(project.name);
    const existing = await projectStore.projectByMergeKey(db, key);
    if (existing?.curation === 'deleted') continue;
    // Merged across articles: an amount once known is kept; the stage is the most advanced reported.
    const stage = laterStage(isProjectStage(existing?.stage) ? existing.stage : null, project.stage);
    const fields = {
      name: existing && Array.from(existing.name).length <= Array.from(project.name).length ? existing.name : project.name,
      amount: project.amount ?? existing?.amount ?? null,
      unit: project.amount !== null ? project.unit : (existing?.unit ?? null),
      qualifier: project.amount !== null ? project.qualifier : (existing?.qualifier ?? null),
      channel,
      industry: project.industry ?? existing?.industry ?? null,
      stage,
      updated_at: now.toISOString(),
    };
    let id: number;
    if (!existing) {
      id = await projectStore.insertProject(db, { ...fields, merge_key: key, curation: null });
    } else {
      id = Number(existing.id);
      // What an editor corrected stays as they set it; the article is still recorded as a source.
      // Most mentions of a known project add nothing new, and then the row is left as it is. What an
      // editor only confirmed and a later article changes is unreviewed again.
      const changed = (Object.keys(fields) as (keyof typeof fields)[]).some((field) => field !== 'updated_at' && fields[field] !== existing[field]);
      if (existing.curation !== 'corrected' && changed) await projectStore.updateProject(db, id, { ...fields, curation: null });
    }
    await projectStore.insertProjectSource(db, { project_id: id, article_id: article.id, sentence: project.sentence });
  }
}

/** One indicator fact as public pages show it. */
export interface IndicatorRow extends IndicatorFact {
  id: number;
  channel: string;
  /** Whether the figure is the channel's own (its place is the channel, or was never read). */
  ownPlace: boolean;
  /** An editor confirmed or corrected it: the portal may show it as its own. */
  verified: boolean;
  articleId: number;
}

/**
 * Indicator facts of published articles, optionally of one channel, by channel, year and id.
 * `confirmed` leaves out what no editor confirmed or corrected; `marked` keeps it, `verified: false`.
 * A channel's facts are only those of its own place: 全国 figures quoted in its articles are not its.
 */
export async function indicatorRows(db: Db, channels: ChannelCatalog, show: InsightsPublic, channel?: string): Promise<IndicatorRow[]> {
  const rows = await factStore.publishedFacts(db, publishedArticleIds(db), show, channel);
  return rows
    .map((r) => {
      const place = r.place ?? channels.bySlug(r.channel)?.name ?? r.channel;
      return {
        id: Number(r.id),
        channel: r.channel,
        ...rowToIndicatorFact(r, place),
        ownPlace: r.place === null || channels.byTag(r.place)?.slug === r.channel,
        verified: r.curation === 'confirmed' || r.curation === 'corrected',
        articleId: Number(r.article_id),
      };
    })
    .filter((r) => channel === undefined || r.ownPlace);
}

/** The sentence a fact of a published article was read from, for highlighting it there. */
export function factSentence(db: Db, articleId: number, factId: number): Promise<string | undefined> {
  return factStore.factSentenceOf(db, articleId, factId);
}

/** A project with the published articles it is named in. */
export interface ProjectRow {
  id: number;
  name: string;
  amount: number | null;
  unit: string | null;
  qualifier: string | null;
  /** The amount in 亿元, for totals and charts. */
  amountYi: number | null;
  channel: string;
  industry: string | null;
  stage: string | null;
  articles: number[];
  manual: boolean;
  /** An editor added, confirmed or corrected it. */
  verified: boolean;
  /** The sentence it was first read from (none for a project added by hand). */
  sentence: string | null;
}

const YI: Record<string, number> = { 元: 1e-8, 万元: 1e-4, 亿元: 1, 万亿元: 1e4 };

/** Projects with at least one published source, filtered; largest first. `show` as for indicatorRows. */
export async function projectRows(
  db: Db,
  show: InsightsPublic,
  filter: { channel?: string | undefined; industry?: string | undefined; stage?: string | undefined } = {},
): Promise<ProjectRow[]> {
  const [projects, sources] = await Promise.all([projectStore.listedProjects(db, show, filter), projectStore.sourcesAmong(db, publishedArticleIds(db))]);
  return projects
    .map((p) => {
      const amount = p.amount === null ? null : Number(p.amount);
      const named = sources.filter((s) => Number(s.project_id) === Number(p.id));
      return {
        id: Number(p.id),
        name: p.name,
        amount,
        unit: p.unit,
        qualifier: p.qualifier,
        amountYi: amount !== null && p.unit && p.unit in YI ? amount * YI[p.unit]! : null,
        channel: p.channel,
        industry: p.industry,
        stage: p.stage,
        articles: named.map((s) => Number(s.article_id)),
        manual: p.origin === 'manual',
        verified: p.curation === 'confirmed' || p.curation === 'corrected',
        sentence: named[0]?.sentence ?? null,
      };
    })
    .filter((p) => p.articles.length > 0 || p.manual)
    .sort((a, b) => (b.amountYi ?? -1) - (a.amountYi ?? -1) || a.name.localeCompare(b.name, 'zh-CN'));
}
