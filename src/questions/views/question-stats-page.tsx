// 答复统计: questions received and answered, and the days to answer, by office and by month.
import { Layout, type PageChrome } from '../../http/layout.tsx';
import { Chart, ChartScripts, type ChartSpec } from '../../insights/views/chart.tsx';
import type { QuestionFigures } from '../question.service.ts';

function spec(rows: QuestionFigures[], label: (key: string) => string): ChartSpec {
  return {
    unit: '',
    categories: rows.map((row) => label(row.key)),
    series: [
      { name: '收到(件)', data: rows.map((row) => row.received) },
      { name: '已答复(件)', data: rows.map((row) => row.answered) },
      { name: '平均答复用时(天)', data: rows.map((row) => row.averageDays ?? null) },
      { name: '最长答复用时(天)', data: rows.map((row) => row.longestDays ?? null) },
    ],
  };
}

/** The statistics page: each breakdown as a chart with its table. */
export function QuestionStatsPage(props: {
  chrome: PageChrome;
  scripts: { echartsHref: string; chartsHref: string };
  byOffice: QuestionFigures[];
  byMonth: QuestionFigures[];
  officeName: (slug: string) => string;
}) {
  const note = '答复用时按北京时间自收到之日至答复之日的天数计算;按月统计以收到问题的月份为准。';
  return (
    <Layout
      chrome={props.chrome}
      title="问答答复统计"
      section="/qa"
      description="各招商部门收到和答复问题的数量与用时。"
      head={<ChartScripts {...props.scripts} />}
    >
      <h1>问答答复统计</h1>
      {props.byOffice.length === 0 ? (
        <p class="notice">还没有收到问题。</p>
      ) : (
        <>
          <Chart title="按答复单位" note={note} spec={spec(props.byOffice, props.officeName)} />
          <Chart title="按月份" note={note} spec={spec(props.byMonth, (month) => month)} />
        </>
      )}
      <p>
        <a href="/qa">返回公开问答</a>
      </p>
    </Layout>
  );
}
