// What every import format's parser yields, so that one service validates, saves and reports them all.
import type { SeedItem, SeedStrayText } from './seed-format.ts';

/** An article as a format's parser read it, before validation. */
export interface ImportEntry {
  /** Where it is in the file, as the report names it: `line 12` (seed, NDJSON) or `entry 3` (feeds). */
  position: string;
  title: string;
  body: string;
  bodyFormat: 'text' | 'markdown';
  date: string;
  /** A channel the source names outright (slug or Chinese name); an unknown one is a rejection. */
  channel?: string;
  /** A feed item's categories: the first that names a channel decides it; the others are only tags. */
  categories?: readonly string[];
}

/** An entry that cannot become an article, with where and why. */
export interface ImportRejection {
  position: string;
  reason: string;
  title: string | undefined;
}

export type ImportItem = { kind: 'entry'; entry: ImportEntry } | { kind: 'rejected'; rejection: ImportRejection } | { kind: 'stray'; stray: SeedStrayText };

/** A seed parser's item as an import item. */
export function importItemOfSeed(item: SeedItem): ImportItem {
  if (item.kind === 'stray') return item;
  if (item.kind === 'rejected') {
    const { line, reason, title } = item.rejection;
    return { kind: 'rejected', rejection: { position: `line ${line}`, reason, title } };
  }
  const { line, title, body, date } = item.block;
  return { kind: 'entry', entry: { position: `line ${line}`, title, body, bodyFormat: 'text', date } };
}
