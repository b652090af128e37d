// /en/data and /en/projects: the figures and projects editors checked, with English names for
// indicators, kinds, stages and industries, amounts on the English scale, and English charts.
import { TableScroll } from '../../http/table-scroll.tsx';
import { Layout, type NavChannel, type PageChrome } from '../../http/layout.tsx';
import { englishFigure, englishPercent } from '../../i18n/format.ts';
import { INDUSTRY_ENGLISH_NAMES } from '../../enterprises/industry.ts';
import { isProjectStage, PROJECT_STAGE_ENGLISH_NAMES } from '../../lib/project-stages.ts';
import { INDICATOR_ENGLISH_NAMES, KIND_ENGLISH_NAMES, type IndicatorRow, type ProjectRow } from '../insight.service.ts';
import { Chart, ChartScripts, type TitledChart } from './chart.tsx';

type Scripts = { echartsHref: string; chartsHref: string };

const when = (row: Pick<IndicatorRow, 'year' | 'period'>) => (row.year !== null ? String(row.year) : (row.period ?? ''));

/** /en/data. */
export function EnglishDataPage(props: {
  chrome: PageChrome;
  scripts: Scripts;
  rows: IndicatorRow[];
  charts: TitledChart[];
  channelName: (slug: string) => NavChannel;
}) {
  return (
    <Layout
      chrome={props.chrome}
      lang="en"
      title="Economic data"
      section="/en/data"
      description="Economic figures of Nanchang and its districts read from government work reports and checked by editors."
      head={<ChartScripts {...props.scripts} />}
      alternates={{ 'zh-CN': '/data', en: '/en/data' }}
    >
      <h1>Economic data</h1>
      <p class="page-lead">
        Figures read from government work reports and checked by our editors; each links the Chinese sentence it comes from. Amounts are converted from 亿元
        (CNY 100 million) and 万元 (CNY 10 thousand). The{' '}
        <a href="/data" hreflang="zh-CN">
          Chinese page
        </a>{' '}
        also lists figures not checked yet.
      </p>
      {props.charts.map((chart) => (
        <Chart title={chart.title} note={chart.note} spec={chart.spec} lang="en" />
      ))}
      <h2>All checked figures</h2>
      {props.rows.length === 0 ? (
        <p class="notice">No figures have been checked yet.</p>
      ) : (
        <TableScroll label="Checked figures">
          <table class="data-table">
            <thead>
              <tr>
                <th scope="col">Area</th>
                <th scope="col">Indicator</th>
                <th scope="col">Year</th>
                <th scope="col">Kind</th>
                <th scope="col">Figure</th>
                <th scope="col">Growth</th>
                <th scope="col">Source</th>
              </tr>
            </thead>
            <tbody>
              {props.rows.map((row) => (
                <tr>
                  <td>{props.channelName(row.channel).englishName}</td>
                  <td>{INDICATOR_ENGLISH_NAMES[row.indicator]}</td>
                  <td>{when(row)}</td>
                  <td>{KIND_ENGLISH_NAMES[row.kind]}</td>
                  <td>{row.value === null || row.unit === null ? '—' : englishFigure(row.value, row.unit)}</td>
                  <td>{row.growth === null ? '—' : englishPercent(row.growth)}</td>
                  <td>
                    <a href={`/articles/${row.articleId}`} hreflang="zh-CN">
                      Report (Chinese)
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </Layout>
  );
}

/** A project's industry in English: a GB/T 4754 section by its letter, otherwise the name as written. */
const industryOf = (industry: string | null) => (industry === null ? '—' : (INDUSTRY_ENGLISH_NAMES[industry] ?? industry));

/** /en/projects. */
export function EnglishProjectsPage(props: {
  chrome: PageChrome;
  scripts: Scripts;
  projects: ProjectRow[];
  chart: TitledChart | undefined;
  channelName: (slug: string) => NavChannel;
}) {
  return (
    <Layout
      chrome={props.chrome}
      lang="en"
      title="Projects"
      section="/en/projects"
      description="Investment projects in Nanchang checked by editors: amount, area, industry and stage."
      head={<ChartScripts {...props.scripts} />}
      alternates={{ 'zh-CN': '/projects', en: '/en/projects' }}
    >
      <h1>Projects</h1>
      <p class="page-lead">
        Investment projects named in government texts and checked by our editors, largest first. Project names are given as published, in Chinese. The{' '}
        <a href="/projects" hreflang="zh-CN">
          Chinese page
        </a>{' '}
        has filters and downloads.
      </p>
      {props.chart && <Chart title={props.chart.title} note={props.chart.note} spec={props.chart.spec} lang="en" />}
      {props.projects.length === 0 ? (
        <p class="notice">No projects have been checked yet.</p>
      ) : (
        <TableScroll label="Checked projects">
          <table class="data-table">
            <thead>
              <tr>
                <th scope="col">Project</th>
                <th scope="col">Area</th>
                <th scope="col">Industry</th>
                <th scope="col">Stage</th>
                <th scope="col">Investment</th>
              </tr>
            </thead>
            <tbody>
              {props.projects.map((project) => (
                <tr>
                  <td lang="zh-CN">{project.name}</td>
                  <td>{props.channelName(project.channel).englishName}</td>
                  <td>{industryOf(project.industry)}</td>
                  <td>{project.stage !== null && isProjectStage(project.stage) ? PROJECT_STAGE_ENGLISH_NAMES[project.stage] : '—'}</td>
                  <td>{project.amount === null || project.unit === null ? '—' : englishFigure(project.amount, project.unit)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </Layout>
  );
}
