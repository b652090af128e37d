// What an article page tells link previews and search engines about the article itself.
import type { SiteIdentity } from '../../config.ts';
import type { PageAddress } from '../../http/page-address.ts';
import type { ArticleMeta, PageLanguage } from '../../http/page-meta.tsx';
import { chinaMidnight } from '../../lib/china-time.ts';
import type { Article } from '../article.ts';

/** Open Graph's article:* properties: publication (Beijing midnight of its date), last change, channel. */
export function articleMeta(article: Pick<Article, 'publishedOn' | 'updatedAt'>, channelName: string): ArticleMeta {
  return { publishedTime: chinaMidnight(article.publishedOn), modifiedTime: article.updatedAt, section: channelName };
}

/** schema.org NewsArticle, published by the site's host organisation (a GovernmentOrganization). */
export function newsArticleJsonLd(
  article: Pick<Article, 'id' | 'title' | 'excerpt' | 'publishedOn' | 'updatedAt'>,
  channelName: string,
  site: SiteIdentity,
  address: PageAddress | undefined,
  lang: PageLanguage = 'zh-CN',
): object {
  const origin = address?.origin;
  const url = address?.canonicalUrl ?? (origin && `${origin}/articles/${article.id}`);
  const publisher = { '@type': 'GovernmentOrganization', name: site.hostOrganisation ?? site.siteName, url: origin };
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    description: article.excerpt,
    datePublished: chinaMidnight(article.publishedOn),
    dateModified: article.updatedAt,
    articleSection: channelName,
    inLanguage: lang,
    url,
    mainEntityOfPage: url && { '@type': 'WebPage', '@id': url },
    publisher,
    author: publisher,
  };
}
