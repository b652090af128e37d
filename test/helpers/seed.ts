// The bundled seed file, the channel catalog and the segmenter, as tests use them.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ArticleWriting } from '../../src/articles/article.service.ts';
import { factsFollowArticles } from '../../src/insights/insight.service.ts';
import { ChannelCatalog } from '../../src/channels/channel-catalog.ts';
import { readChannelFile } from '../../src/channels/channel.ts';
import type { OpenDb } from '../../src/db/connect.ts';
import { SearchIndex } from '../../src/search/search-index.ts';
import { Segmenter } from '../../src/text/segmenter.ts';

export const SEED_FILE = fileURLToPath(new URL('../../data/seed/articles.txt', import.meta.url));
export const seedText = (): string => readFileSync(SEED_FILE, 'utf8');
export const channels = new ChannelCatalog(readChannelFile());
/** Loaded once per test process: loading the dictionary takes a while. */
export const segmenter = Segmenter.load(readChannelFile());

/** What article writes need on an open test database. */
export function writingFor(opened: Pick<OpenDb, 'dialect'>): ArticleWriting {
  return { channels, searchIndex: new SearchIndex(segmenter, opened.dialect.search), articleListeners: [factsFollowArticles(channels)] };
}
