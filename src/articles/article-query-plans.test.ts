// The query plans SQLite picks for the article lists and lookups every page and search make. Without
// table statistics SQLite guesses, and an index led by status once made it read every article for
// the home page; these plans must not depend on how many articles there are.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { withQueryPlans } from '../../test/helpers/query-plans.ts';
import {
  articleById,
  articleCountsByChannel,
  articleIdBlocks,
  articlesAfter,
  articlesAfterPosition,
  articlesByIds,
  articleStampsAfter,
  articleSummariesByIds,
  countArticles,
  lastUpdatedByChannel,
  latestArticles,
  listedPositions,
  neighbourArticles,
} from './article.store.ts';

it('lists and fetches published articles through the list indexes or by id, never by status alone', () =>
  withQueryPlans(async (db, plansOf) => {
    const plans = async (run: () => Promise<unknown>): Promise<string> => (await plansOf(run)).join(' | ');
    // The lists read their indexes alone: an article's row holds its body before its excerpt.
    assert.match(await plans(() => latestArticles(db, { limit: 20, offset: 0 })), /^SCAN article USING COVERING INDEX article_newest$/);
    assert.match(
      await plans(() => latestArticles(db, { channel: 'donghu', limit: 20, offset: 0 })),
      /^SEARCH article USING COVERING INDEX article_channel_newest \(channel=\?\)$/,
    );
    // Where every list page ends, once per content version: one pass over the list index.
    assert.match(await plans(() => listedPositions(db)), /^SCAN article USING COVERING INDEX article_newest$/);
    assert.match(await plans(() => countArticles(db)), /^SCAN article USING COVERING INDEX article_/);
    assert.match(await plans(() => articleCountsByChannel(db)), /^SCAN article USING COVERING INDEX article_channel_(newest|updated)$/);
    assert.match(await plans(() => articlesByIds(db, [3, 1, 2])), /^SEARCH article USING INTEGER PRIMARY KEY \(rowid=\?\)$/);
    assert.match(await plans(() => articleSummariesByIds(db, [3, 1, 2])), /^SEARCH article USING INTEGER PRIMARY KEY \(rowid=\?\)$/);
    assert.match(await plans(() => articleById(db, 1)), /^SEARCH article USING INTEGER PRIMARY KEY \(rowid=\?\)$/);
    assert.match(await plans(() => articlesAfter(db, 0, 500)), /^SEARCH article USING INTEGER PRIMARY KEY \(rowid>\?\)$/);
    // The open API's keyset pages: the first from the top of the index, a later one by seeking to its position.
    assert.match(await plans(() => articlesAfterPosition(db, { limit: 21 })), /^SCAN article USING COVERING INDEX article_newest$/);
    const position = { publishedOn: '2025-01-01', id: 5 };
    assert.match(
      await plans(() => articlesAfterPosition(db, { after: position, limit: 21 })),
      /^SEARCH article USING COVERING INDEX article_newest \(published_on<\?\)$/,
    );
    assert.match(
      await plans(() => articlesAfterPosition(db, { channel: 'donghu', from: '2020-01-01', to: '2025-12-31', after: position, limit: 21 })),
      /^SEARCH article USING COVERING INDEX article_channel_newest \(channel=\? AND published_on>\? AND published_on<\?\)$/,
    );
    // The sitemap reads ids and dates from indexes alone: the table rows hold the long bodies.
    assert.match(await plans(() => articleStampsAfter(db, 0, 50_000, 5000)), /^SEARCH article USING COVERING INDEX article_sitemap \(id>\? AND id<\?\)$/);
    assert.match(await plans(() => articleStampsAfter(db, 0, undefined, 5000)), /^SEARCH article USING COVERING INDEX article_sitemap \(id>\?\)$/);
    assert.match(await plans(() => articleIdBlocks(db, 50_000)), /^SCAN article USING COVERING INDEX article_sitemap/);
    assert.match(await plans(() => lastUpdatedByChannel(db)), /^SCAN article USING COVERING INDEX article_channel_updated$/);
    const neighbours = await plans(() => neighbourArticles(db, { id: 5, publishedOn: '2025-01-01' }));
    assert.match(
      neighbours,
      /^SEARCH article USING COVERING INDEX article_newest \(published_on>\?\) \| SEARCH article USING COVERING INDEX article_newest \(published_on<\?\)$/,
    );
  }));
