// The searches of bench:search-http and bench:search-phases: readers' queries made of the words
// and phrases of the benchmark corpus, never the same twice, so no page cache can answer them.
import { channels, SEED_FILE, segmenter } from '../test/helpers/seed.ts';
import { randomSource } from '../test/helpers/random.ts';
import { recombinedArticles } from './search-corpus.ts';

/** Words and phrases readers could type: cut from the corpus by the site's own segmenter. */
export function vocabulary(sampleSize: number): { words: string[]; phrases: string[] } {
  const words = new Set<string>();
  const phrases = new Set<string>();
  const han = /^\p{Script=Han}+$/u;
  for (const article of recombinedArticles(SEED_FILE, sampleSize, 4242)) {
    const terms = segmenter.segment(article.body).terms;
    for (const term of terms) if (Array.from(term).length >= 2 && !/^\d+$/u.test(term)) words.add(term);
    // A phrase: two or three consecutive Chinese words, as a reader quotes a name or a slogan.
    for (let at = 0; at + 3 < terms.length; at += 40) {
      const run = terms.slice(at, at + 2 + (at % 2));
      if (run.every((term) => han.test(term))) phrases.add(run.join(''));
    }
  }
  return { words: [...words], phrases: [...phrases] };
}

/** An endless stream of search paths, none repeated. */
export function queryStream(words: string[], phrases: string[]): () => string {
  const random = randomSource(17);
  const below = (n: number) => Math.floor(random() * n);
  const pick = <T>(items: readonly T[]): T => items[below(items.length)]!;
  const slugs = channels.all.map((channel) => channel.slug);
  const day = () => new Date(Date.UTC(2010, 0, 1) + below(365 * 16) * 86_400_000).toISOString().slice(0, 10);
  const asked = new Set<string>();
  return () => {
    for (;;) {
      const params = new URLSearchParams();
      const terms = Array.from({ length: 1 + below(3) }, () => pick(words));
      if (random() < 0.15) terms[below(terms.length)] = `"${pick(phrases)}"`;
      params.set('q', terms.join(' '));
      if (random() < 0.2) params.set('channel', pick(slugs));
      if (random() < 0.15) {
        const [from, to] = [day(), day()].sort();
        params.set('from', from!);
        params.set('to', to!);
      }
      const path = `/search?${params}`;
      if (asked.has(path)) continue;
      asked.add(path);
      return path;
    }
  };
}
