// 企业诉求办理情况: a period's figures by district and by category with totals, the monthly trend of
// its year as charts with their tables, and how each rate is counted.
import { Layout, type PageChrome } from '../../http/layout.tsx';
import { TableScroll } from '../../http/table-scroll.tsx';
import { Chart, ChartScripts, type ChartSpec } from '../../insights/views/chart.tsx';
import type { AppealStatistics } from '../appeal-stats.service.ts';
import { APPEAL_RATE_NOTES, monthKey, monthName, periodKey, periodName, rateText, type AppealFigures, type StatsPeriod } from '../appeal-stats.ts';

/** The statistics page. `years`: the years with a page, newest first; `lastMonth`: the newest month with one (YYYY-MM). */
export function AppealStatsPage(props: {
  chrome: PageChrome;
  scripts: { echartsHref: string; chartsHref: string };
  statistics: AppealStatistics;
  years: readonly number[];
  lastMonth: string;
  districtName: (slug: string) => string;
}) {
  const { statistics, districtName } = props;
  const { period, total } = statistics;
  const title = `${periodName(period)}企业诉求办理情况`;
  const trend = statistics.byMonth;
  const counts: ChartSpec = {
    unit: '件',
    categories: trend.map((row) => monthName(row.month)),
    series: [
      { name: '受理', data: trend.map((row) => row.figures.received) },
      { name: '办结', data: trend.map((row) => row.figures.resolved) },
      { name: '按期办结', data: trend.map((row) => row.figures.resolvedOnTime) },
    ],
  };
  const rates: ChartSpec = {
    unit: '%',
    categories: counts.categories,
    series: [
      { name: '办结率', data: trend.map((row) => row.figures.resolvedRate ?? null) },
      { name: '按期办结率', data: trend.map((row) => row.figures.onTimeRate ?? null) },
      { name: '满意率', data: trend.map((row) => row.figures.satisfiedRate ?? null) },
    ],
  };
  return (
    <Layout
      chrome={props.chrome}
      title={title}
      section="/appeals"
      description="企业诉求的受理、办结、按期办结和满意情况,按地区、类别和月份统计。"
      head={<ChartScripts {...props.scripts} />}
      feeds={[{ title: '企业诉求办理情况(按月)', basePath: '/appeals/stats' }]}
    >
      <h1>{title}</h1>
      <PeriodLinks period={period} years={props.years} lastMonth={props.lastMonth} />
      <p class="page-lead" data-total>
        受理 {total.received} 件,办结 {total.resolved} 件,办结率 {rateText(total.resolvedRate)},按期办结率 {rateText(total.onTimeRate)},满意率{' '}
        {rateText(total.satisfiedRate)}。
      </p>
      <FiguresTable
        caption={`${periodName(period)}各地区诉求办理情况`}
        heading="地区"
        rows={statistics.byChannel.map((row) => ({ key: districtName(row.channel), figures: row.figures }))}
        total={total}
      />
      <FiguresTable
        caption={`${periodName(period)}各类别诉求办理情况`}
        heading="类别"
        rows={statistics.byCategory.map((row) => ({ key: row.category, figures: row.figures }))}
        total={total}
      />
      <Chart title={`${period.year}年各月受理与办结件数`} note="按提交诉求的月份统计。" spec={counts} />
      <Chart title={`${period.year}年各月办结率、按期办结率、满意率`} note="分母为 0 的月份显示“—”。" spec={rates} format={(value) => `${value.toFixed(1)}%`} />
      <section aria-labelledby="appeal-stats-notes">
        <h2 id="appeal-stats-notes">统计口径</h2>
        <ul>
          {APPEAL_RATE_NOTES.map((note) => (
            <li>{note}</li>
          ))}
        </ul>
      </section>
      <p class="link-row">
        <a href="/appeals">返回企业诉求</a>
        <a href="/appeals/stats/rss.xml" type="application/rss+xml">
          订阅每月办理情况(RSS)
        </a>
        <a href="/api/docs">开放接口</a>
      </p>
    </Layout>
  );
}

function PeriodLinks(props: { period: StatsPeriod; years: readonly number[]; lastMonth: string }) {
  const { period } = props;
  const current = periodKey(period);
  const months = Array.from({ length: 12 }, (_, i) => monthKey(period.year, i + 1)).filter((month) => month <= props.lastMonth);
  const link = (key: string, label: string) =>
    key === current ? <strong aria-current="page">{label}</strong> : <a href={`/appeals/stats?period=${key}`}>{label}</a>;
  return (
    <nav aria-label="统计期">
      <p class="link-row">
        <span>按年:</span>
        {props.years.map((year) => link(String(year), `${year}年`))}
      </p>
      <p class="link-row">
        <span>按月:</span>
        {months.map((month) => link(month, monthName(month).slice(5)))}
      </p>
    </nav>
  );
}

function FiguresTable(props: { caption: string; heading: string; rows: Array<{ key: string; figures: AppealFigures }>; total: AppealFigures }) {
  return (
    <TableScroll label={props.caption}>
      <table class="data-table appeal-figures">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{props.heading}</th>
            <th scope="col">受理(件)</th>
            <th scope="col">办结(件)</th>
            <th scope="col">办结率</th>
            <th scope="col">按期办结(件)</th>
            <th scope="col">按期办结率</th>
            <th scope="col">已评价(件)</th>
            <th scope="col">满意和基本满意(件)</th>
            <th scope="col">满意率</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.length === 0 ? (
            <tr>
              <td colspan={9}>本期没有收到诉求。</td>
            </tr>
          ) : (
            props.rows.map((row) => <FiguresRow label={row.key} figures={row.figures} />)
          )}
        </tbody>
        <tfoot>
          <FiguresRow label="合计" figures={props.total} />
        </tfoot>
      </table>
    </TableScroll>
  );
}

function FiguresRow(props: { label: string; figures: AppealFigures }) {
  const { figures } = props;
  return (
    <tr>
      <th scope="row">{props.label}</th>
      <td>{figures.received}</td>
      <td>{figures.resolved}</td>
      <td>{rateText(figures.resolvedRate)}</td>
      <td>{figures.resolvedOnTime}</td>
      <td>{rateText(figures.onTimeRate)}</td>
      <td>{figures.rated}</td>
      <td>{figures.satisfied}</td>
      <td>{rateText(figures.satisfiedRate)}</td>
    </tr>
  );
}
