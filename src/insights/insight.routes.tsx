// /data, /data/:slug and /projects, with CSV and JSON downloads of every table.
import { Hono, type Context } from 'hono';
import type { RouteContext } from '../http/app-deps.ts';
import { AppError, notFound } from '../http/errors.tsx';
import { htmlDocument } from '../http/layout.tsx';
import { INDICATOR_NAMES, indicatorRows, projectRows, STAGES, type IndicatorRow, type ProjectRow } from './insight.service.ts';
import type { ChartSpec } from './views/chart.tsx';
import { DataPage, DistrictDataPage, ProjectsPage } from './views/insight-pages.tsx';

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

/** Routes: `/data`, `/data.csv`, `/data.json`, `/data/:slug`, `/projects`, `/projects.csv`, `/projects.json`. */
export function insightRoutes(ctx: RouteContext): Hono {
  const { db, channels, cachedPage } = ctx;
  const scripts = () => ({ echartsHref: ctx.assetHref('echarts.min.js'), chartsHref: ctx.assetHref('charts.js') });
  const name = (slug: string) => ctx.navChannel(slug).name;
  const channelParam = (c: Context) => {
    const slug = c.req.query('channel') || undefined;
    if (slug !== undefined && !channels.bySlug(slug)) throw new AppError(400, 'bad_request', '没有这个地区,请从列表中选择。');
    return slug;
  };
  const factRecords = (rows: IndicatorRow[]) =>
    rows.map((r) => ({ district: name(r.channel), indicator: r.indicator, indicatorName: INDICATOR_NAMES[r.indicator], year: r.year, kind: r.kind, value: r.value, unit: r.unit, growth: r.growth, stretch: r.stretch, sentence: r.sentence, article: `/articles/${r.articleId}` }));

  const dataCharts = (rows: IndicatorRow[]): { values: ChartSpec; growth: ChartSpec } => {
    const districts = [...new Set(rows.map((r) => r.channel))];
    const latestGdp = districts.map((d) => rows.filter((r) => r.channel === d && r.indicator === 'gdp' && r.kind === 'actual' && r.value !== null && r.unit === '亿元').sort((a, b) => (b.year ?? 0) - (a.year ?? 0))[0]);
    const growthOf = (d: string, kind: 'actual' | 'target') => rows.filter((r) => r.channel === d && r.indicator === 'gdp' && r.kind === kind && r.growth !== null).sort((a, b) => (b.year ?? 0) - (a.year ?? 0))[0]?.growth ?? null;
    return {
      values: { unit: '亿元', categories: districts.map(name), series: [{ name: '地区生产总值', data: latestGdp.map((r) => r?.value ?? null) }] },
      growth: {
        unit: '%',
        categories: districts.map(name),
        series: [
          { name: '地区生产总值增速(实际)', data: districts.map((d) => growthOf(d, 'actual')) },
          { name: '地区生产总值增速(目标)', data: districts.map((d) => growthOf(d, 'target')) },
        ],
      },
    };
  };

  const projectFilter = (c: Context) => {
    const stage = c.req.query('stage') || undefined;
    if (stage !== undefined && !(STAGES as readonly string[]).includes(stage)) throw new AppError(400, 'bad_request', '没有这个项目阶段。');
    return { channel: channelParam(c), industry: c.req.query('industry') || undefined, stage };
  };
  const projectRecords = (projects: ProjectRow[]) =>
    projects.map((p) => ({ name: p.name, amount: p.amount, unit: p.unit, qualifier: p.qualifier, district: name(p.channel), industry: p.industry, stage: p.stage, articles: p.articles.map((id) => `/articles/${id}`) }));
  const totals = (projects: ProjectRow[], keyOf: (p: ProjectRow) => string, keys: string[], label: string): ChartSpec => ({
    unit: '亿元',
    categories: keys.map((k) => (label === 'district' ? name(k) : k)),
    series: [{ name: '总投资', data: keys.map((k) => Math.round(projects.filter((p) => keyOf(p) === k).reduce((sum, p) => sum + (p.amountYi ?? 0), 0) * 100) / 100) }],
  });

  return new Hono()
    .get('/data', cachedPage([], async (c) => {
      const rows = await indicatorRows(db);
      return c.html(htmlDocument(<DataPage chrome={await ctx.chrome()} scripts={scripts()} rows={rows} charts={dataCharts(rows)} channelName={ctx.navChannel} />));
    }))
    .get('/data.json', cachedPage(['channel'], async (c) => c.json(factRecords(await indicatorRows(db, channelParam(c))))))
    .get('/data.csv', cachedPage(['channel'], async (c) => {
      const records = factRecords(await indicatorRows(db, channelParam(c)));
      return csv(c, 'indicators', ['地区', '指标代码', '指标', '年份', '类型', '数值', '单位', '增长(%)', '力争(%)', '原文', '文章'], records.map((r) => [r.district, r.indicator, r.indicatorName, r.year, r.kind, r.value, r.unit, r.growth, r.stretch, r.sentence, r.article]));
    }))
    .get('/data/:slug', cachedPage([], async (c) => {
      const channel = channels.bySlug(c.req.param('slug') ?? '');
      if (!channel) throw notFound('没有这个地区。');
      const rows = await indicatorRows(db, channel.slug);
      const years = [...new Set(rows.map((r) => r.year).filter((y): y is number => y !== null))].sort();
      const indicators = [...new Set(rows.map((r) => r.indicator))];
      const chart: ChartSpec = {
        unit: '%',
        categories: indicators.map((i) => INDICATOR_NAMES[i]),
        series: years.flatMap((year) => (['actual', 'target'] as const).map((kind) => ({ name: `${year}年${kind === 'actual' ? '实际' : '目标'}`, data: indicators.map((i) => rows.find((r) => r.indicator === i && r.year === year && r.kind === kind)?.growth ?? null) }))).filter((s) => s.data.some((v) => v !== null)),
      };
      return c.html(htmlDocument(<DistrictDataPage chrome={await ctx.chrome()} scripts={scripts()} channel={channel} rows={rows} chart={chart} channelName={ctx.navChannel} />));
    }))
    .get('/projects', cachedPage(PROJECT_PARAMS, async (c) => {
      const filter = projectFilter(c);
      const [projects, all] = await Promise.all([projectRows(db, filter), projectRows(db)]);
      const districts = [...new Set(projects.map((p) => p.channel))];
      return c.html(
        htmlDocument(
          <ProjectsPage
            chrome={await ctx.chrome()}
            scripts={scripts()}
            projects={projects}
            filter={{ channel: filter.channel ?? '', industry: filter.industry ?? '', stage: filter.stage ?? '' }}
            options={{ channels: channels.all.map((ch) => ({ value: ch.slug, label: ch.name })), industries: [...new Set(all.map((p) => p.industry).filter((i): i is string => i !== null))] }}
            charts={{ byStage: totals(projects, (p) => p.stage ?? '', STAGES.filter((s) => projects.some((p) => p.stage === s && p.amountYi !== null)), 'stage'), byDistrict: totals(projects, (p) => p.channel, districts, 'district') }}
            channelName={ctx.navChannel}
          />,
        ),
      );
    }))
    .get('/projects.json', cachedPage(PROJECT_PARAMS, async (c) => c.json(projectRecords(await projectRows(db, projectFilter(c))))))
    .get('/projects.csv', cachedPage(PROJECT_PARAMS, async (c) => {
      const records = projectRecords(await projectRows(db, projectFilter(c)));
      return csv(c, 'projects', ['项目', '总投资', '单位', '限定', '地区', '产业', '阶段', '文章'], records.map((r) => [r.name, r.amount, r.unit, r.qualifier, r.district, r.industry, r.stage, r.articles.join(' ')]));
    }));
}
