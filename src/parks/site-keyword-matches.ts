// Keyword search over the carrier library, answered from memory between content changes. Every
// uncached search page also lists the sites its words find in its channel, and asking the engine
// cost about 0.4–0.6 ms of CPU a search (bench:search-phases): the query cut into words, then a
// LIKE per word over every site's text, twice, for the page and for the count. Sites change rarely
// and are few (hundreds, a few thousand at most), so each process keeps, per content version, every
// site as a page shows it with its search text (about a kilobyte each), and tests filters and words
// in JS.
import type { Db } from '../db/database.ts';
import { perContentVersion } from '../http/per-content-version.ts';
import type { Site } from './site.ts';
import * as store from './site.store.ts';

/** The filters of a site list besides the words. */
export type SiteFilterBesidesWords = Omit<store.SiteFilter, 'words'>;

/** Pages of the sites matching words and filters, as store.sitePage gives them. */
export class SiteKeywordMatches {
  private readonly listing: () => Promise<store.ListedSite[]>;

  constructor(db: Db, currentVersion: () => Promise<number>) {
    this.listing = perContentVersion(currentVersion, () => store.listedSites(db));
  }

  /**
   * The sites on one page (most recently changed first) and how many match in all. The words are
   * asked for only when some site passes the other filters: cutting a query into words costs more
   * than the rest, and most channels have no site.
   */
  async page(filter: SiteFilterBesidesWords, words: () => readonly string[], offset: number, limit: number): Promise<{ items: Site[]; total: number }> {
    const candidates = (await this.listing()).filter(({ site }) => passes(site, filter));
    if (candidates.length === 0) return { items: [], total: 0 };
    const asked = words();
    // search_text and the words are both folded by normalizeQuery (lower case): a substring test is
    // what `LIKE '%word%'` (wildcards escaped) answers on every engine, SQLite's ASCII case rule included.
    const matching = candidates.filter(({ searchText }) => asked.every((word) => searchText.includes(word)));
    return { items: matching.slice(offset, offset + limit).map(({ site }) => site), total: matching.length };
  }
}

/** Whether a site passes the filters besides the words, as store.sitePage applies them (an empty filter is none). */
function passes(site: Site, filter: SiteFilterBesidesWords): boolean {
  if (filter.channel && site.channel !== filter.channel) return false;
  if (filter.kind && site.kind !== filter.kind) return false;
  if (filter.areaMin !== undefined && site.areaM2 < filter.areaMin) return false;
  if (filter.areaMax !== undefined && site.areaM2 > filter.areaMax) return false;
  // Routes take only the known section letters (upper case), so SQLite's case rule plays no part.
  return !filter.industry || site.industries.includes(filter.industry);
}
