// A deterministic corpus for the search benchmark: articles recombined from the seed's own
// sentences (real text only), with the seed's mix of short news and long work reports.
import { readFileSync } from 'node:fs';
import type { ArticleDraft } from '../src/articles/article.ts';
import { parseSeedText } from '../src/importer/seed-format.ts';
import { randomSource } from '../test/helpers/random.ts';

const SENTENCE_END = /(?<=[。！？；!?;])/u;
const TITLE_TAG = /^【[^】]+】/u;

/** `count` articles; the same seed file and random seed always give the same articles. */
export function* recombinedArticles(seedFile: string, count: number, randomSeed = 20151): Generator<ArticleDraft> {
  const blocks = parseSeedText(readFileSync(seedFile, 'utf8')).flatMap((item) => (item.kind === 'block' ? [item.block] : []));
  const sentences = blocks.flatMap((block) =>
    block.body
      .split(SENTENCE_END)
      .map((s) => s.trim())
      .filter((s) => s.length > 4),
  );
  const sentenceCounts = blocks.map((block) => block.body.split(SENTENCE_END).length);
  const tags = blocks.map((block) => TITLE_TAG.exec(block.title)?.[0] ?? '');
  const random = randomSource(randomSeed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  for (let i = 0; i < count; i += 1) {
    const length = pick(sentenceCounts);
    const body: string[] = [];
    for (let s = 0; s < length; s += 1) body.push(pick(sentences));
    // A title is the first clause of a sentence, as news titles often are, behind a channel tag.
    const clause = pick(sentences)
      .split(/[,,。；;：:]/u)[0]!
      .slice(0, 40);
    const day = Math.floor(random() * 365 * 16);
    const date = new Date(Date.UTC(2010, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
    yield { originalTitle: `${pick(tags)}${clause}（${i + 1}）`, body: body.join(''), publishedOn: date };
  }
}
