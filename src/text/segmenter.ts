// Chinese word segmentation with jieba and our dictionary, the same for indexing and querying.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { Jieba } from '@node-rs/jieba';
import type { Channel } from '../channels/channel.ts';
import { foldWidthAndCase } from './normalize.ts';

export const DEFAULT_DICTIONARY_FILE = fileURLToPath(new URL('../../data/search-dictionary.txt', import.meta.url));

const PLACE_FREQUENCY = 50000;
// A term must hold a letter or a digit; spaces and punctuation are not terms.
const IS_TERM = /[\p{L}\p{N}]/u;
// Sub-words of a word, remembered: the same words recur in every article, and asking jieba once
// per distinct word instead of once per text makes indexing about three times faster.
const SUBWORD_CACHE_LIMIT = 200_000;

const require = createRequire(import.meta.url);
const JIEBA_PACKAGE = require.resolve('@node-rs/jieba/package.json');
const JIEBA_VERSION = (require(JIEBA_PACKAGE) as { version: string }).version;
// jieba's own dictionary file. Not through '@node-rs/jieba/dict.js': that module also reads the
// 6 MB keyword-weight file (idf.txt), which segmentation never uses, and keeps both in memory.
const JIEBA_DICTIONARY_FILE = join(dirname(JIEBA_PACKAGE), 'dict.txt');

/** Our dictionary lines (comments dropped) plus every channel name, tag and place. */
export function dictionaryLines(dictionaryText: string, channels: readonly Channel[]): string[] {
  const own = dictionaryText
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  const places = channels.flatMap((c) => [c.name, c.shortName, ...c.tags, ...c.mentions]).filter((word) => Array.from(word).length > 1);
  return [...own, ...[...new Set(places)].map((word) => `${word} ${PLACE_FREQUENCY} ns`)];
}

/** Turns text into search terms. */
export class Segmenter {
  /** Changes whenever segmentation could change: the index must then be rebuilt. */
  readonly dictionaryHash: string;
  private loadedJieba: Jieba | undefined;
  private readonly subwordCache = new Map<string, readonly string[]>();

  /** `lines`: our dictionary, as dictionaryLines() gives it; kept to build the same segmenter elsewhere. */
  constructor(readonly lines: readonly string[]) {
    this.dictionaryHash = createHash('sha256')
      .update(`jieba ${JIEBA_VERSION}\n${lines.join('\n')}`)
      .digest('hex')
      .slice(0, 16);
  }

  /**
   * jieba with its dictionary and ours, loaded on the first text to segment: about 40 MB, which a
   * process that only checks the index is current (the primary preparing the database, most
   * starts) never needs.
   */
  private get jieba(): Jieba {
    if (!this.loadedJieba) {
      this.loadedJieba = Jieba.withDict(readFileSync(JIEBA_DICTIONARY_FILE));
      this.loadedJieba.loadDict(Buffer.from(this.lines.join('\n')));
    }
    return this.loadedJieba;
  }

  /** The segmenter with the bundled dictionary and the given channels. */
  static load(channels: readonly Channel[], dictionaryFile = DEFAULT_DICTIONARY_FILE): Segmenter {
    return new Segmenter(dictionaryLines(readFileSync(dictionaryFile, 'utf8'), channels));
  }

  /**
   * The words of a text in order, and, once each, the shorter dictionary words inside them that
   * are not words of the text themselves (经开区 inside 小蓝经开区), for a lower-weighted sub-word
   * column. HMM is off: it guesses new words differently depending on context, and a query must
   * cut the same way as the text it should find.
   */
  segment(text: string): { terms: string[]; subwords: string[] } {
    const terms = this.jieba.cut(foldWidthAndCase(text), false).filter((token) => IS_TERM.test(token));
    const whole = new Set(terms);
    const subwords = new Set<string>();
    for (const term of whole) {
      for (const subword of this.subwordsOf(term)) if (!whole.has(subword)) subwords.add(subword);
    }
    return { terms, subwords: [...subwords] };
  }

  /** jieba's search-mode pieces of one word (its dictionary words of two and three characters). */
  private subwordsOf(term: string): readonly string[] {
    if (term.length < 3) return [];
    let subwords = this.subwordCache.get(term);
    if (!subwords) {
      subwords = this.jieba.cutForSearch(term, false).filter((token) => token !== term && IS_TERM.test(token));
      if (this.subwordCache.size >= SUBWORD_CACHE_LIMIT) this.subwordCache.clear();
      this.subwordCache.set(term, subwords);
    }
    return subwords;
  }
}
