// /data (districts compared, and one district over the years) and /projects (the project library).
import { PROJECT_STAGES } from '../../lib/project-stages.ts';
import type { Channel } from '../../channels/channel.ts';
import type { InsightsPublic } from '../../config.ts';
import { FilterSelect } from '../../http/form-controls.tsx';
import { Layout, type NavChannel, type PageChrome } from '../../http/layout.tsx';
import { INDICATOR_NAMES, KIND_NAMES, UNVERIFIED_MARK, type IndicatorRow, type ProjectRow } from '../insight.service.ts';
import { sentenceHref } from '../../articles/sentence-link.ts';
import { Chart, ChartScripts, type ChartSpec, type TitledChart } from './chart.tsx';
import { TableScroll } from '../../http/table-scroll.tsx';

type Scripts = { echartsHref: string; chartsHref: string };
const percent = (value: number | null) => (value === null ? '—' : `${value}%`);

/** What the lead of a data page says about figures editors have not confirmed. */
const REVIEW_NOTE: Record<InsightsPublic, string> = {
  confirmed: '以下仅列出经编辑核实的数据,每项均可查看其在原文中的出处。',
  marked: `经编辑核实的数据为本站数据;标注“${UNVERIFIED_MARK}”的是系统从原文中识别、尚未核实的数据,附有原句,请以原文为准。每项均可查看其在原文中的出处。`,
};

/** The mark of an unconfirmed figure. */
function Unverified() {
  return <span class="unverified">{UNVERIFIED_MARK}</span>;
}

/** 近50亿元, 9000余万元, 6亿元以上: the qualifier where the text puts it. */
function amountText(project: Pick<ProjectRow, 'amount' | 'unit' | 'qualifier'>): string {
  if (project.amount === null) return '—';
  const unit = project.unit ?? '';
  if (project.qualifier === '余') return `${project.amount}余${unit}`;
  if (project.qualifier === '以上' || project.qualifier === '左右' || project.qualifier === '以内') return `${project.amount}${unit}${project.qualifier}`;
  return `${project.qualifier ?? ''}${project.amount}${unit}`;
}

function FactTable(props: { rows: IndicatorRow[]; channelName: (slug: string) => NavChannel }) {
  return (
    <TableScroll label="指标数据">
      <table class="data-table indicator-table">
        <thead>
          <tr>
            <th scope="col">地区</th>
            <th scope="col">指标</th>
            <th scope="col">年份</th>
            <th scope="col">类型</th>
            <th scope="col">数值</th>
            <th scope="col">增长</th>
            <th scope="col">力争</th>
            <th scope="col">限定</th>
            <th scope="col">出处</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr class={row.verified ? undefined : 'fact-unverified'}>
              <td>{row.ownPlace ? <a href={`/data/${row.channel}`}>{props.channelName(row.channel).name}</a> : row.place}</td>
              <td>{INDICATOR_NAMES[row.indicator]}</td>
              <td>{row.year ?? row.period ?? '—'}</td>
              <td>{KIND_NAMES[row.kind]}</td>
              <td>
                {row.value === null ? '—' : `${row.value}${row.unit ?? ''}`}
                {!row.verified && <Unverified />}
              </td>
              <td>{percent(row.growth)}</td>
              <td>{percent(row.stretch)}</td>
              <td>{row.qualifier ?? '—'}</td>
              <td>
                {!row.verified && <p class="fact-sentence">“{row.sentence}”</p>}
                <a href={sentenceHref(row)} title={row.sentence}>
                  原文
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** The charts of a page, or a notice when editors have confirmed nothing to draw yet. */
function Charts(props: { charts: TitledChart[] }) {
  if (props.charts.length === 0) return <p class="notice">图表只绘制经编辑核实的数据,目前还没有。</p>;
  return (
    <>
      {props.charts.map((chart) => (
        <Chart title={chart.title} note={chart.note} spec={chart.spec} />
      ))}
    </>
  );
}

/** Districts compared: the latest confirmed GDP, and growth of a result against the next year's target. */
export function DataPage(props: {
  chrome: PageChrome;
  scripts: Scripts;
  rows: IndicatorRow[];
  charts: TitledChart[];
  show: InsightsPublic;
  channelName: (slug: string) => NavChannel;
}) {
  return (
    <Layout
      chrome={props.chrome}
      title="经济数据"
      section="/data"
      description="南昌市及各区县政府工作报告中的主要经济指标:地区生产总值、固定资产投资、财政收入等。"
      head={<ChartScripts {...props.scripts} />}
      alternates={{ 'zh-CN': '/data', en: '/en/data' }}
    >
      <h1>经济数据</h1>
      <p class="page-lead">各区政府工作报告等文章中的主要经济指标。{REVIEW_NOTE[props.show]}</p>
      <p class="downloads">
        下载全部数据:<a href="/data.csv">CSV</a>
        <a href="/data.json">JSON</a>
      </p>
      {props.rows.length === 0 ? (
        <p class="notice">暂无经济数据。</p>
      ) : (
        <>
          <Charts charts={props.charts} />
          <h2>全部指标</h2>
          <FactTable rows={props.rows} channelName={props.channelName} />
        </>
      )}
    </Layout>
  );
}

/** One district's indicators over the years, its latest result against its next target charted. */
export function DistrictDataPage(props: {
  chrome: PageChrome;
  scripts: Scripts;
  channel: Channel;
  rows: IndicatorRow[];
  chart: TitledChart | undefined;
  show: InsightsPublic;
  channelName: (slug: string) => NavChannel;
}) {
  return (
    <Layout
      chrome={props.chrome}
      title={`${props.channel.name}经济数据`}
      section="/data"
      description={`${props.channel.name}政府工作报告中的主要经济指标。`}
      head={<ChartScripts {...props.scripts} />}
    >
      <h1>{props.channel.name}经济数据</h1>
      <p class="page-lead">{REVIEW_NOTE[props.show]}</p>
      <p class="downloads">
        下载:<a href={`/data.csv?channel=${props.channel.slug}`}>CSV</a>
        <a href={`/data.json?channel=${props.channel.slug}`}>JSON</a>
      </p>
      {props.rows.length === 0 ? (
        <p class="notice">暂无该地区的经济数据。</p>
      ) : (
        <>
          <Charts charts={props.chart ? [props.chart] : []} />
          <FactTable rows={props.rows} channelName={props.channelName} />
        </>
      )}
    </Layout>
  );
}

/** The project library with filters and totals. */
export function ProjectsPage(props: {
  chrome: PageChrome;
  scripts: Scripts;
  projects: ProjectRow[];
  filter: { channel: string; industry: string; stage: string };
  options: { channels: Array<{ value: string; label: string }>; industries: string[] };
  /** Totals of the projects editors confirmed; undefined when there are none. */
  charts: { byStage: ChartSpec; byDistrict: ChartSpec } | undefined;
  show: InsightsPublic;
  channelName: (slug: string) => NavChannel;
}) {
  const { filter } = props;
  const query = new URLSearchParams(Object.entries(filter).filter(([, v]) => v !== '')).toString();
  return (
    <Layout
      chrome={props.chrome}
      title="项目库"
      section="/projects"
      description="南昌市重大招商项目库:项目金额、地点、产业与进度。"
      head={<ChartScripts {...props.scripts} />}
      // The English list has no filters: only the unfiltered list is its counterpart.
      alternates={query === '' ? { 'zh-CN': '/projects', en: '/en/projects' } : undefined}
    >
      <h1>项目库</h1>
      <p class="page-lead">从招商新闻和政府工作报告中识别的投资项目,同一项目的多篇报道已合并。{REVIEW_NOTE[props.show]}</p>
      <form class="search-filters" action="/projects" method="get" aria-label="筛选项目">
        <FilterSelect label="地区" name="channel" allLabel="全部地区" options={props.options.channels} value={filter.channel} />
        <FilterSelect
          label="产业"
          name="industry"
          allLabel="全部产业"
          options={props.options.industries.map((i) => ({ value: i, label: i }))}
          value={filter.industry}
        />
        <FilterSelect label="阶段" name="stage" allLabel="全部阶段" options={PROJECT_STAGES.map((s) => ({ value: s, label: s }))} value={filter.stage} />
        <button type="submit">筛选</button>
      </form>
      <p class="downloads">
        下载:<a href={`/projects.csv${query ? `?${query}` : ''}`}>CSV</a>
        <a href={`/projects.json${query ? `?${query}` : ''}`}>JSON</a>
      </p>
      {props.projects.length === 0 ? (
        <p class="notice">没有符合条件的项目。</p>
      ) : (
        <>
          <TableScroll label="项目列表">
            <table class="data-table project-table">
              <thead>
                <tr>
                  <th scope="col">项目</th>
                  <th scope="col">总投资</th>
                  <th scope="col">地区</th>
                  <th scope="col">产业</th>
                  <th scope="col">阶段</th>
                  <th scope="col">报道</th>
                </tr>
              </thead>
              <tbody>
                {props.projects.map((project) => (
                  <tr class={project.verified ? undefined : 'fact-unverified'}>
                    <td>
                      {project.name}
                      {!project.verified && <Unverified />}
                      {!project.verified && project.sentence && <p class="fact-sentence">“{project.sentence}”</p>}
                    </td>
                    <td>{amountText(project)}</td>
                    <td>{props.channelName(project.channel).name}</td>
                    <td>{project.industry ?? '—'}</td>
                    <td>{project.stage ?? '—'}</td>
                    <td>
                      {project.articles.map((id, i) => (
                        <a href={`/articles/${id}`}>{`[${i + 1}]`}</a>
                      ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          <Charts
            charts={
              props.charts
                ? [
                    { title: '各阶段项目总投资', note: '仅含经编辑核实的项目。', spec: props.charts.byStage },
                    { title: '各地区项目总投资', note: '仅含经编辑核实的项目。', spec: props.charts.byDistrict },
                  ]
                : []
            }
          />
        </>
      )}
    </Layout>
  );
}
