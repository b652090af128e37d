// A chart drawn by public/charts.js, always with the same figures as a table beside it.
import type { Child } from 'hono/jsx';
import type { PageLanguage } from '../../http/page-meta.tsx';
import { TableScroll } from '../../http/table-scroll.tsx';

/** Bar chart data: one value per category and series (null where there is none). */
export interface ChartSpec {
  unit: string;
  categories: string[];
  series: Array<{ name: string; data: Array<number | null> }>;
}

/** A chart with its title and a note saying what it compares (which years, which figures). */
export interface TitledChart {
  title: string;
  note: string;
  spec: ChartSpec;
}

/** The chart, a caption (with the note), and its accessible table. */
export function Chart(props: { title: string; spec: ChartSpec; note?: string | undefined; format?: (value: number) => string; lang?: PageLanguage }) {
  const english = props.lang === 'en';
  const format = props.format ?? ((value: number) => value.toLocaleString(english ? 'en-GB' : 'zh-CN'));
  return (
    <figure class="chart-block">
      <figcaption>
        <h2>{props.title}</h2>
        {props.note && <p class="chart-note">{props.note}</p>}
      </figcaption>
      <div
        class="chart"
        data-chart={JSON.stringify(props.spec)}
        role="img"
        aria-label={english ? `${props.title} (chart; the figures are in the table below)` : `${props.title}(图表,数据见下表)`}
      />
      <TableScroll label={english ? `${props.title} (table)` : `${props.title}(数据表)`}>
        <table class="data-table">
          <thead>
            <tr>
              <th scope="col">{props.spec.unit === '' ? '' : english ? `Unit: ${props.spec.unit}` : `单位:${props.spec.unit}`}</th>
              {props.spec.series.map((series) => (
                <th scope="col">{series.name}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.spec.categories.map((category, i) => (
              <tr>
                <th scope="row">{category}</th>
                {props.spec.series.map((series) => {
                  const value = series.data[i];
                  return <td>{value === null || value === undefined ? '—' : format(value)}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </figure>
  );
}

/** The scripts that draw charts, for a page's head. */
export function ChartScripts(props: { echartsHref: string; chartsHref: string }): Child {
  return (
    <>
      <script src={props.echartsHref} defer />
      <script src={props.chartsHref} defer />
    </>
  );
}
