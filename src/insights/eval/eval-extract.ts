// `npm run eval:extract [-- --report beijing] [--set holdout]`: precision and recall of the indicator
// and project readers on the hand-read development set (or the held-out set), per report and overall, with every miss and every wrong
// output beside its sentence.
import { parseArgs } from 'node:util';
import { GOLD_DIR, HOLDOUT_DIR, loadGold } from './gold.ts';
import { evaluate, qualityOf, type ReportResult } from './evaluate.ts';
import { factKey, projectKey, type Ratio } from './score.ts';

const percent = (x: number) => `${(x * 100).toFixed(1)}%`;
const figures = (r: Ratio) => `P ${percent(r.precision).padStart(6)}  R ${percent(r.recall).padStart(6)}`;

function printDetails(result: ReportResult, out: NodeJS.WritableStream): void {
  const { facts, projects } = result;
  for (const miss of facts.missed) out.write(`  missed fact  ${factKey(miss)}\n               「${miss.sentence}」\n`);
  for (const wrong of facts.wrong)
    out.write(
      `  wrong fact   ${factKey(wrong)}  [${wrong.confidence.level}${wrong.confidence.reasons.length ? `: ${wrong.confidence.reasons.join('；')}` : ''}]\n               「${wrong.sentence}」\n`,
    );
  for (const miss of projects.missed) out.write(`  missed proj  ${projectKey(miss)}\n               「${miss.sentence}」\n`);
  for (const wrong of projects.wrong) out.write(`  wrong proj   ${wrong.name}|${wrong.stage}\n               「${wrong.sentence}」\n`);
}

/** Prints the evaluation; returns the exit code (2 for an unknown report). */
export function runEval(args: string[], out: NodeJS.WritableStream = process.stdout): number {
  const { values } = parseArgs({ args, options: { report: { type: 'string' }, set: { type: 'string', default: 'development' } } });
  if (values.set !== 'development' && values.set !== 'holdout') {
    process.stderr.write(`eval:extract: --set is development or holdout, not "${values.set}"\n`);
    return 2;
  }
  const all = loadGold(values.set === 'holdout' ? HOLDOUT_DIR : GOLD_DIR);
  const reports = values.report === undefined ? all : all.filter((r) => r.id === values.report || r.id === `${values.report}-2026`);
  if (reports.length === 0) {
    process.stderr.write(`eval:extract: no report "${values.report}"; reports: ${all.map((r) => r.id).join(', ')}\n`);
    return 2;
  }
  const results = evaluate(reports);
  for (const result of results) {
    const q = qualityOf([result]);
    out.write(
      `\n${result.report.id.padEnd(28)} indicators ${figures(q.indicators)} (${result.facts.matched}/${result.report.facts.length} gold)   projects ${figures(q.projects)} (${result.projects.matched}/${result.report.projects.length} gold)\n`,
    );
    printDetails(result, out);
  }
  const overall = qualityOf(results);
  const count = (pick: (r: ReportResult) => number) => results.reduce((sum, r) => sum + pick(r), 0);
  out.write(`\nOVERALL (${results.length} reports)\n`);
  out.write(
    `  indicators ${figures(overall.indicators)}  matched ${count((r) => r.facts.matched)}, missed ${count((r) => r.facts.missed.length)}, wrong ${count((r) => r.facts.wrong.length)}\n`,
  );
  out.write(
    `  projects   ${figures(overall.projects)}  matched ${count((r) => r.projects.matched)}, missed ${count((r) => r.projects.missed.length)}, wrong ${count((r) => r.projects.wrong.length)}\n`,
  );
  return 0;
}

process.exitCode = runEval(process.argv.slice(2));
