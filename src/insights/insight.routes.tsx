// /data, /data/:slug and /projects, with CSV and JSON downloads of every table.
import { isProjectStage, PROJECT_STAGES } from '../lib/project-stages.ts';
import { Hono, type Context } from 'hono';
import { deprecatedAlias } from '../api/deprecated-alias.ts';
import type { RouteContext } from '../http/app-deps.ts';
import { AppError, notFound } from '../http/errors.tsx';
import { htmlDocument } from '../http/layout.tsx';
import { INDICATOR_NAMES, indicatorRows, KIND_NAMES, projectRows, UNVERIFIED_MARK, type IndicatorRow, type ProjectRow } from './insight.service.ts';
import type { IndicatorKey } from './indicator-fact.ts';
import type { ChartSpec, TitledChart } from './views/chart.tsx';
import { DataPage, DistrictDataPage, ProjectsPage } from './views/insight-pages.tsx';
import { sentenceHref } from '../articles/sentence-link.ts';
import { actualVsTargetYears } from './year-pairs.ts';

/** A CSV cell: quoted when needed; a leading = + - @ is neutralised so spreadsheets do not run it. */
function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/u.test(text)) text = `'${text}`;
  return /[",\r\n]/u.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function csv(c: Context, name: string, header: string[], rows: unknown[][]): Response {
  // A byte-order mark so that Excel opens UTF-8 Chinese correctly.
  const body = `\uFEFF${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
  return c.body(body, 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${name}.csv"` });
}

// The filters of the project table and its downloads.
const PROJECT_PARAMS = ['channel', 'industry', 'stage'];

const statusOf = (verified: boolean) => (verified ? '已核实' : UNVERIFIED_MARK);

// Charts draw only what editors confirmed: a bar cannot carry the mark and the sentence a table row does.
const chartable = (rows: IndicatorRow[]) => rows.filter((r) => r.verified && r.ownPlace);

/** Growth of actual and target figures by category, for the years the facts pair (labelled with them). */
function growthChart(
  rows: IndicatorRow[],
  categories: string[],
  categoryOf: (r: IndicatorRow) => string,
  labelOf: (category: string) => string,
  subject: string,
): TitledChart | undefined {
  const pair = actualVsTargetYears(rows);
  if (!pair) return undefined;
  const series = (
    [
      ['actual', pair.actualYear],
      ['target', pair.targetYear],
    ] as const
  )
    .filter(([, year]) => year !== null)
    .map(([kind, year]) => ({
      name: `${year}年${KIND_NAMES[kind]}增速`,
      data: categories.map((c) => rows.find((r) => categoryOf(r) === c && r.kind === kind && r.year === year && r.growth !== null)?.growth ?? null),
    }));
  const note =
    pair.actualYear !== null && pair.targetYear !== null
      ? `把${pair.actualYear}年的实际增速与${pair.targetYear}年的目标增速并列比较(报告中上年完成情况与本年预期目标)。`
      : `只有${pair.label}的数据,没有可与之比较的${pair.targetYear === null ? '下一年目标' : '上一年实际'}。`;
  return { title: `${subject}:${pair.label}`, note: `${note}仅含经编辑核实的数据。`, spec: { unit: '%', categories: categories.map(labelOf), series } };
}

/** Routes: `/data`, `/data.csv`, `/data.json`, `/data/:slug`, `/projects`, `/projects.csv`, `/projects.json`. */
export function insightRoutes(ctx: RouteContext): Hono {
  const { db, channels, cachedPage, insightsPublic: show } = ctx;
  const scripts = () => ({ echartsHref: ctx.assetHref('echarts.min.js'), chartsHref: ctx.assetHref('charts.js') });
  const name = (slug: string) => ctx.navChannel(slug).name;
  const channelParam = (c: Context) => {
    const slug = c.req.query('channel') || undefined;
    if (slug !== undefined && !channels.bySlug(slug)) throw new AppError(400, 'bad_request', '没有这个地区,请从列表中选择。');
    return slug;
  };
  const factRecords = (rows: IndicatorRow[]) =>
    rows.map((r) => ({
      place: r.place,
      district: r.ownPlace ? name(r.channel) : null,
      indicator: r.indicator,
      indicatorName: INDICATOR_NAMES[r.indicator],
      kind: r.kind,
      year: r.year,
      period: r.period,
      value: r.value,
      unit: r.unit,
      growth: r.growth,
      stretch: r.stretch,
      qualifier: r.qualifier,
      verified: r.verified,
      status: statusOf(r.verified),
      sentence: r.sentence,
      article: `/articles/${r.articleId}`,
      source: sentenceHref(r),
    }));

  const dataCharts = (all: IndicatorRow[]): TitledChart[] => {
    const gdp = chartable(all).filter((r) => r.indicator === 'gdp');
    const districts = [...new Set(gdp.map((r) => r.channel))];
    const charts: TitledChart[] = [];
    const values = gdp.filter((r) => r.kind === 'actual' && r.year !== null && r.value !== null && r.unit === '亿元');
    if (values.length > 0) {
      const year = Math.max(...values.map((r) => r.year!));
      const spec: ChartSpec = {
        unit: '亿元',
        categories: districts.map(name),
        series: [{ name: `${year}年地区生产总值`, data: districts.map((d) => values.find((r) => r.channel === d && r.year === year)?.value ?? null) }],
      };
      charts.push({ title: `各地区地区生产总值(${year}年实际)`, note: '仅含经编辑核实的数据。', spec });
    }
    const growth = growthChart(gdp, districts, (r) => r.channel, name, '各地区地区生产总值增速');
    if (growth) charts.push(growth);
    return charts;
  };

  const projectFilter = (c: Context) => {
    const stage = c.req.query('stage') || undefined;
    if (stage !== undefined && !isProjectStage(stage)) throw new AppError(400, 'bad_request', '没有这个项目阶段。');
    return { channel: channelParam(c), industry: c.req.query('industry') || undefined, stage };
  };
  const projectRecords = (projects: ProjectRow[]) =>
    projects.map((p) => ({
      name: p.name,
      amount: p.amount,
      unit: p.unit,
      qualifier: p.qualifier,
      district: name(p.channel),
      industry: p.industry,
      stage: p.stage,
      verified: p.verified,
      status: statusOf(p.verified),
      sentence: p.sentence,
      articles: p.articles.map((id) => `/articles/${id}`),
    }));
  // Totals add up only projects editors confirmed, like the indicator charts.
  const totals = (all: ProjectRow[], keyOf: (p: ProjectRow) => string, keys: string[], label: string): ChartSpec => {
    const projects = all.filter((p) => p.verified);
    return {
      unit: '亿元',
      categories: keys.map((k) => (label === 'district' ? name(k) : k)),
      series: [
        {
          name: '总投资',
          data: keys.map((k) => Math.round(projects.filter((p) => keyOf(p) === k).reduce((sum, p) => sum + (p.amountYi ?? 0), 0) * 100) / 100),
        },
      ],
    };
  };

  return new Hono()
    .get(
      '/data',
      cachedPage([], async (c) => {
        const rows = await indicatorRows(db, channels, show);
        return c.html(
          htmlDocument(
            <DataPage chrome={await ctx.chrome(c)} scripts={scripts()} rows={rows} charts={dataCharts(rows)} show={show} channelName={ctx.navChannel} />,
          ),
        );
      }),
    )
    .get(
      '/data.json',
      cachedPage(
        ['channel'],
        deprecatedAlias('/api/v1/indicators', async (c) => c.json(factRecords(await indicatorRows(db, channels, show, channelParam(c))))),
      ),
    )
    .get(
      '/data.csv',
      cachedPage(['channel'], async (c) => {
        const records = factRecords(await indicatorRows(db, channels, show, channelParam(c)));
        return csv(
          c,
          'indicators',
          ['地区', '指标代码', '指标', '类型', '年份', '期间', '数值', '单位', '增长(%)', '力争(%)', '限定', '核实', '原文', '文章'],
          records.map((r) => [
            r.place,
            r.indicator,
            r.indicatorName,
            KIND_NAMES[r.kind],
            r.year,
            r.period,
            r.value,
            r.unit,
            r.growth,
            r.stretch,
            r.qualifier,
            r.status,
            r.sentence,
            r.source,
          ]),
        );
      }),
    )
    .get(
      '/data/:slug',
      cachedPage([], async (c) => {
        const channel = channels.bySlug(c.req.param('slug') ?? '');
        if (!channel) throw notFound('没有这个地区。');
        const rows = await indicatorRows(db, channels, show, channel.slug);
        const verified = chartable(rows);
        const indicators = [...new Set(verified.map((r) => r.indicator))];
        const chart = growthChart(
          verified,
          indicators,
          (r) => r.indicator,
          (i) => INDICATOR_NAMES[i as IndicatorKey],
          `${channel.name}主要指标增速`,
        );
        return c.html(
          htmlDocument(
            <DistrictDataPage
              chrome={await ctx.chrome(c)}
              scripts={scripts()}
              channel={channel}
              rows={rows}
              chart={chart}
              show={show}
              channelName={ctx.navChannel}
            />,
          ),
        );
      }),
    )
    .get(
      '/projects',
      cachedPage(PROJECT_PARAMS, async (c) => {
        const filter = projectFilter(c);
        const [projects, all] = await Promise.all([projectRows(db, show, filter), projectRows(db, show)]);
        const verified = projects.filter((p) => p.verified);
        const districts = [...new Set(verified.map((p) => p.channel))];
        return c.html(
          htmlDocument(
            <ProjectsPage
              chrome={await ctx.chrome(c)}
              scripts={scripts()}
              projects={projects}
              filter={{ channel: filter.channel ?? '', industry: filter.industry ?? '', stage: filter.stage ?? '' }}
              options={{
                channels: channels.all.map((ch) => ({ value: ch.slug, label: ch.name })),
                industries: [...new Set(all.map((p) => p.industry).filter((i): i is string => i !== null))],
              }}
              charts={
                verified.length === 0
                  ? undefined
                  : {
                      byStage: totals(
                        projects,
                        (p) => p.stage ?? '',
                        PROJECT_STAGES.filter((s) => verified.some((p) => p.stage === s && p.amountYi !== null)),
                        'stage',
                      ),
                      byDistrict: totals(projects, (p) => p.channel, districts, 'district'),
                    }
              }
              show={show}
              channelName={ctx.navChannel}
            />,
          ),
        );
      }),
    )
    .get(
      '/projects.json',
      cachedPage(
        PROJECT_PARAMS,
        deprecatedAlias('/api/v1/projects', async (c) => c.json(projectRecords(await projectRows(db, show, projectFilter(c))))),
      ),
    )
    .get(
      '/projects.csv',
      cachedPage(PROJECT_PARAMS, async (c) => {
        const records = projectRecords(await projectRows(db, show, projectFilter(c)));
        return csv(
          c,
          'projects',
          ['项目', '总投资', '单位', '限定', '地区', '产业', '阶段', '核实', '原文', '文章'],
          records.map((r) => [r.name, r.amount, r.unit, r.qualifier, r.district, r.industry, r.stage, r.status, r.sentence, r.articles.join(' ')]),
        );
      }),
    );
}
