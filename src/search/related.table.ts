// Each article's related articles, kept from the time it is indexed so that a page view reads them
// by primary key instead of segmenting the article and ranking candidates. Derived from the search
// index like the index itself: backups leave it out and a rebuild computes it again.

/** An article's related-article list, as the database stores it. */
export interface ArticleSearchRelatedTable {
  /** The article whose list this is (primary key). */
  article_id: number;
  /** The words its related articles are looked up by (SearchIndex.relatedTerms), space-separated. */
  terms: string;
  /** Up to RELATED_KEPT ids, best first, comma-separated; null until computed. */
  related_ids: string | null;
}
