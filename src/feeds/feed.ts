// The shape every feed of the site has, whatever library it lists: articles now, policies and
// published answers later. A feature describes its feed with these; rss.ts and atom.ts write it.
import type { Context } from 'hono';

/** The page an entry or a feed points to, and the label and term that name its category. */
export interface FeedCategory {
  /** Machine name an importer maps back (a channel's slug). */
  term: string;
  /** What readers see (a channel's name). */
  label: string;
  /** The category's page on this site (`/channels/donghu`). */
  path: string;
}

/** One item of a feed. Paths are made absolute with the site's origin when the feed is written. */
export interface FeedEntry {
  /** The entry's page (`/articles/12`): its link, and with the origin its permanent id. */
  path: string;
  title: string;
  /** When it was published, as an RFC 3339 instant with its offset (`2026-03-01T00:00:00+08:00`). */
  published: string;
  /** When it last changed, as an RFC 3339 instant. */
  updated: string;
  category: FeedCategory | undefined;
  /** Plain-text summary. */
  summary: string;
  /** The full text as the entry's page renders it (safe HTML). */
  contentHtml: string;
}

/** A feed: what it lists, the page it mirrors, and its entries newest first. */
export interface Feed {
  title: string;
  description: string;
  /** The HTML page with the same list (`/`, `/channels/donghu`). */
  path: string;
  /** BCP 47 language tag of the entries. */
  language: string;
  entries: FeedEntry[];
}

/** Loads a feed for a request (route parameters read from `c`); undefined answers 404. */
export type FeedSource = (c: Context) => Promise<Feed | undefined>;

/** Absolute URLs and the publisher, which the writers add to a feed. */
export interface FeedSite {
  /** The origin absolute URLs start with (`https://zs.example.gov.cn`). */
  origin: string;
  /** The feed's own absolute URL (rel="self"). */
  selfUrl: string;
  /** Who publishes the site: Atom's author, RSS's managingEditor is left out (it must be an e-mail). */
  publisher: string;
  siteName: string;
}

/** The newest `updated` among the entries, or `fallback` for an empty feed. */
export function feedUpdated(feed: Feed, fallback: string): string {
  let newest: string | undefined;
  let newestMs = Number.NEGATIVE_INFINITY;
  for (const entry of feed.entries) {
    const ms = Date.parse(entry.updated);
    if (ms > newestMs) [newest, newestMs] = [entry.updated, ms];
  }
  return newest ?? fallback;
}
