// Getting a database ready for this version: open and migrate it, and what writing articles needs.
// Shared by the server and the commands (import, migrate, backup, user, purge, reindex).
import type { ArticleWriting } from './articles/article.service.ts';
import { ChannelCatalog } from './channels/channel-catalog.ts';
import { readChannelFile } from './channels/channel.ts';
import type { Config } from './config.ts';
import { openDb, type OpenDb } from './db/connect.ts';
import { migrateToLatest } from './db/migrate.ts';
import { importSeedOnFirstStart, type ImportReport } from './importer/importer.service.ts';
import { factsFollowArticles } from './insights/insight.service.ts';
import { progressBar } from './lib/progress.ts';
import { SearchIndex } from './search/search-index.ts';
import { ensureSearchIndexCurrent } from './search/search.service.ts';
import { Segmenter } from './text/segmenter.ts';

/** Opens the database and brings its schema up to date. */
export async function openMigratedDb(config: Config): Promise<OpenDb> {
  const opened = await openDb(config.database);
  await migrateToLatest(opened.db, opened.dialect);
  return opened;
}

/**
 * The channels, the search index and the listeners to article writes, which every writer of
 * articles needs: here the insights feature subscribes to articles, whose code knows no listener.
 */
export function articleWriting(opened: OpenDb): ArticleWriting {
  const channelList = readChannelFile();
  const channels = new ChannelCatalog(channelList);
  return { channels, searchIndex: new SearchIndex(Segmenter.load(channelList), opened.dialect.search), articleListeners: [factsFollowArticles(channels)] };
}

/** What preparing the database did. */
export interface Preparation {
  /** The migrations applied, in order; empty when the schema was current. */
  migrations: string[];
  /** Whether the search index was rebuilt for a changed dictionary. */
  reindexed: boolean;
  /** The seed import, on the installation's first start only. */
  seed: ImportReport | undefined;
}

/**
 * Brings the database up to this version: the schema, then the search index for the current
 * dictionary, and with `seedFile` the bundled seed on the installation's first start. Instances
 * starting at once take turns (SqlDialect.exclusively): the first does the work, the others find
 * it done. Without the lock two instances on an empty PostgreSQL database both imported the seed,
 * and the second stopped on a duplicate key.
 */
export async function prepareDatabase(opened: OpenDb, seedFile?: string): Promise<Preparation> {
  return opened.dialect.exclusively(opened.db, async (db) => {
    const migrations = await migrateToLatest(db, opened.dialect);
    const content = articleWriting(opened);
    const reindexed = await ensureSearchIndexCurrent(db, content.searchIndex, (total) => progressBar('indexing', total));
    const seed = seedFile === undefined ? undefined : await importSeedOnFirstStart(db, content, seedFile);
    return { migrations, reindexed, seed };
  });
}
