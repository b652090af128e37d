// Articles as the search index reads them: the plain text of the body and the plain text of the
// English version. Every path that indexes an article (import, editor, English edits, scheduled
// publication, rebuild) goes through here, so they all index the same text.
import type { Db } from '../db/database.ts';
import type { EnglishVersion } from '../i18n/english-version.ts';
import type { EnglishText } from '../search/indexed-text.ts';
import type { IndexableArticle } from '../search/search-index.ts';
import type { Article } from './article.ts';
import { plainBody } from './article.ts';
import { englishVersionsOf } from './article-english.store.ts';
import { markdownToText } from './markdown.ts';

type Indexed = Pick<Article, 'id' | 'title' | 'body' | 'bodyFormat' | 'channel' | 'publishedOn'>;

/** An English version as the index reads it: its Markdown body without the markup. */
export function englishTextOf(version: Pick<EnglishVersion, 'title' | 'summary' | 'body'> | undefined): EnglishText | undefined {
  return version && { title: version.title, summary: version.summary, body: markdownToText(version.body) };
}

/** These articles with the texts the index reads, in their order; one query for the English versions. */
export async function indexableArticles(db: Db, articles: readonly Indexed[]): Promise<IndexableArticle[]> {
  const english = await englishVersionsOf(
    db,
    articles.map((article) => article.id),
  );
  return articles.map((article) => ({
    id: article.id,
    title: article.title,
    body: plainBody(article),
    channel: article.channel,
    publishedOn: article.publishedOn,
    english: englishTextOf(english.get(article.id)),
  }));
}
