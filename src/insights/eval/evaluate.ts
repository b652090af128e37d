// Runs the reader on every gold report and compares: the figures `npm run eval:extract` prints and
// the quality test holds to.
import { ChannelCatalog } from '../../channels/channel-catalog.ts';
import { readChannelFile } from '../../channels/channel.ts';
import { readArticle } from '../article-reader.ts';
import type { IndicatorFact } from '../indicator-fact.ts';
import type { ProjectFact } from '../projects.ts';
import type { GoldReport, IndicatorGold, ProjectGold } from './gold.ts';
import { compareFacts, compareProjects, ratio, type Comparison, type Ratio } from './score.ts';

export interface ReportResult {
  report: GoldReport;
  facts: Comparison<IndicatorGold, IndicatorFact>;
  projects: Comparison<ProjectGold, ProjectFact>;
}

export interface Quality {
  indicators: Ratio;
  projects: Ratio;
}

/** The reader's output on each report, compared with its gold. */
export function evaluate(reports: readonly GoldReport[], channels = new ChannelCatalog(readChannelFile())): ReportResult[] {
  return reports.map((report) => {
    // The passages joined as the article body, the report's title as its title: read as any article.
    const reading = readArticle(report.source.title, report.passages.join('\n'), channels);
    return { report, facts: compareFacts(report.facts, reading.indicators), projects: compareProjects(report.projects, reading.projects) };
  });
}

export function qualityOf(results: readonly ReportResult[]): Quality {
  return { indicators: ratio(results.map((r) => r.facts)), projects: ratio(results.map((r) => r.projects)) };
}
