// English /data and /projects (issue #16): only what editors checked, named in English.
import { Hono } from 'hono';
import type { RouteContext } from '../http/app-deps.ts';
import { htmlDocument } from '../http/layout.tsx';
import { indicatorRows, projectRows, type IndicatorRow, type ProjectRow } from './insight.service.ts';
import type { TitledChart } from './views/chart.tsx';
import { EnglishDataPage, EnglishProjectsPage } from './views/english-insight-pages.tsx';

// 亿元 in the texts; English charts count in CNY billion (1 billion = 10 亿).
const YI_PER_BILLION = 10;
const billions = (yi: number) => Math.round((yi / YI_PER_BILLION) * 1000) / 1000;

/** Routes: `/en/data`, `/en/projects`. */
export function insightEnglishRoutes(ctx: RouteContext): Hono {
  const { db, channels, cachedPage, insightsPublic } = ctx;
  const scripts = () => ({ echartsHref: ctx.assetHref('echarts.min.js'), chartsHref: ctx.assetHref('charts.js') });
  const english = (slug: string) => ctx.navChannel(slug).englishName;

  /** GDP by area in the latest year with checked actual figures, in CNY billion. */
  const gdpChart = (rows: IndicatorRow[]): TitledChart[] => {
    const gdp = rows.filter((r) => r.indicator === 'gdp' && r.kind === 'actual' && r.year !== null && r.value !== null && r.unit === '亿元');
    if (gdp.length === 0) return [];
    const year = Math.max(...gdp.map((r) => r.year!));
    const areas = [...new Set(gdp.filter((r) => r.year === year).map((r) => r.channel))];
    return [
      {
        title: `GDP by area, ${year} (actual)`,
        note: 'Only figures checked by editors.',
        spec: {
          unit: 'CNY billion',
          categories: areas.map(english),
          series: [{ name: `GDP ${year}`, data: areas.map((area) => billions(gdp.find((r) => r.channel === area && r.year === year)!.value!)) }],
        },
      },
    ];
  };

  /** Total checked investment by area, in CNY billion. */
  const investmentChart = (projects: ProjectRow[]): TitledChart | undefined => {
    const counted = projects.filter((p) => p.amountYi !== null);
    if (counted.length === 0) return undefined;
    const areas = [...new Set(counted.map((p) => p.channel))];
    return {
      title: 'Investment by area',
      note: 'Total investment of the checked projects with an amount.',
      spec: {
        unit: 'CNY billion',
        categories: areas.map(english),
        series: [
          { name: 'Total investment', data: areas.map((area) => billions(counted.filter((p) => p.channel === area).reduce((sum, p) => sum + p.amountYi!, 0))) },
        ],
      },
    };
  };

  return new Hono()
    .get(
      '/en/data',
      cachedPage([], async (c) => {
        const rows = (await indicatorRows(db, channels, insightsPublic)).filter((r) => r.verified && r.ownPlace);
        return c.html(
          htmlDocument(<EnglishDataPage chrome={await ctx.chrome(c)} scripts={scripts()} rows={rows} charts={gdpChart(rows)} channelName={ctx.navChannel} />),
        );
      }),
    )
    .get(
      '/en/projects',
      cachedPage([], async (c) => {
        const projects = (await projectRows(db, insightsPublic)).filter((p) => p.verified);
        return c.html(
          htmlDocument(
            <EnglishProjectsPage
              chrome={await ctx.chrome(c)}
              scripts={scripts()}
              projects={projects}
              chart={investmentChart(projects)}
              channelName={ctx.navChannel}
            />,
          ),
        );
      }),
    );
}
