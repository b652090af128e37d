// `zhaoshang extract FILE --json`: the indicators and projects of each article of a seed-format
// file (or of a plain-text file read as one article), as one JSON array.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ChannelCatalog } from '../channels/channel-catalog.ts';
import { readChannelFile } from '../channels/channel.ts';
import { parseSeedText } from '../importer/seed-format.ts';
import { readArticle } from './article-reader.ts';
import type { IndicatorFact } from './indicator-fact.ts';

/** What extract prints for one article. */
export interface ExtractedArticle {
  title: string;
  /** The place the article reports on: its report title's, else its channel's. */
  place: string;
  /** Each fact with the portal channel of its place, when the place is one (else null). */
  indicators: Array<IndicatorFact & { channel: string | null }>;
  projects: Array<{
    name: string;
    amount: number | null;
    unit: string | null;
    qualifier: string | null;
    district: string;
    industry: string | null;
    stage: string | null;
    sentence: string;
  }>;
}

/** The articles of a file's text: seed-format blocks, or the whole text as one article. */
function articlesOf(text: string): Array<{ title: string; body: string }> {
  const blocks = parseSeedText(text).flatMap((item) => (item.kind === 'block' ? [{ title: item.block.title, body: item.block.body }] : []));
  if (blocks.length > 0) return blocks;
  const lines = text
    .split(/\r?\n/u)
    .map((line) => line.trim())
    .filter(Boolean);
  return lines.length === 0 ? [] : [{ title: lines[0]!, body: lines.join('\n') }];
}

/** Extracts from text already read. */
export function extractFromText(text: string, channels = new ChannelCatalog(readChannelFile())): ExtractedArticle[] {
  return articlesOf(text).map(({ title, body }) => {
    const { place, indicators, projects } = readArticle(title, body, channels);
    return {
      title,
      place: place.name,
      indicators: indicators.map((fact) => ({
        indicator: fact.indicator,
        place: fact.place,
        channel: channels.byTag(fact.place)?.slug ?? null,
        year: fact.year,
        kind: fact.kind,
        period: fact.period,
        value: fact.value,
        unit: fact.unit,
        growth: fact.growth,
        stretch: fact.stretch,
        qualifier: fact.qualifier,
        confidence: fact.confidence,
        sentence: fact.sentence,
      })),
      projects: projects.map((fact) => ({
        name: fact.name,
        amount: fact.amount,
        unit: fact.unit,
        qualifier: fact.qualifier,
        district: fact.place ?? place.name,
        industry: fact.industry,
        stage: fact.stage,
        sentence: fact.sentence,
      })),
    };
  });
}

/** Runs the command; returns the process exit code. */
export function runExtractCommand(args: string[], out: NodeJS.WritableStream = process.stdout, errors: NodeJS.WritableStream = process.stderr): number {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean', default: false } } });
  if (positionals.length !== 1 || !values.json) {
    errors.write('Usage: zhaoshang extract FILE --json\n');
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(positionals[0]!, 'utf8');
  } catch {
    errors.write(`zhaoshang extract: cannot read ${positionals[0]}\n`);
    return 2;
  }
  out.write(`${JSON.stringify(extractFromText(text), null, 2)}\n`);
  return 0;
}
