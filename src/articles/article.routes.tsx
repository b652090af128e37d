// Public article pages: the home page's newest-first list and each article.
import { Hono } from 'hono';
import { feedRoutes } from '../feeds/feed.routes.ts';
import type { RouteContext } from '../http/app-deps.ts';
import { notFound } from '../http/errors.tsx';
import { htmlDocument } from '../http/layout.tsx';
import { parseId, parsePageNumber } from '../http/request-params.ts';
import { relatedArticles } from '../search/search.service.ts';
import { channelArticleFeed, siteArticleFeed } from './article.feeds.ts';
import { articleListPage, articleWithNeighbours } from './article.service.ts';
import { hasEnglishVersion } from './article-english.service.ts';
import { HIGHLIGHT_PARAM, type HighlightedSentence } from './sentence-link.ts';
import { ArticlePage } from './views/article-page.tsx';
import { HomePage } from './views/home-page.tsx';
import { attachmentsOf } from '../uploads/attachment.service.ts';

/**
 * Routes: `/`, `/articles/:id`, and the feeds `/rss.xml`, `/atom.xml`, `/channels/:slug/rss.xml`,
 * `/channels/:slug/atom.xml`; `?hl=<id>` marks the sentence `highlightedSentence` names (the
 * insights feature's figures), so this feature needs to know nothing of facts.
 */
export function articleRoutes(ctx: RouteContext, highlightedSentence: HighlightedSentence): Hono {
  const { db, searchIndex, cachedPage } = ctx;
  return new Hono()
    .get(
      '/',
      cachedPage(['page'], async (c) => {
        const list = await articleListPage(db, parsePageNumber(c.req.query('page')), await ctx.articleLists());
        if (!list) throw notFound('没有这一页。');
        return c.html(htmlDocument(<HomePage chrome={await ctx.chrome(c)} list={list} navChannel={ctx.navChannel} />));
      }),
    )
    .get(
      '/articles/:id',
      cachedPage([HIGHLIGHT_PARAM], async (c) => {
        const id = parseId(c.req.param('id') ?? '');
        const found = id === undefined ? undefined : await articleWithNeighbours(db, id);
        if (!found) throw notFound('您要查看的文章不存在或已被删除。');
        const hl = c.req.query(HIGHLIGHT_PARAM);
        let highlight: { factId: number; sentence: string } | undefined;
        if (hl !== undefined) {
          const factId = parseId(hl);
          const sentence = factId === undefined ? undefined : await highlightedSentence(db, found.article.id, factId);
          // Not a figure of this article: the plain page, under its own address (a redirect is never cached).
          if (factId === undefined || sentence === undefined) return c.redirect(`/articles/${found.article.id}`, 302);
          highlight = { factId, sentence };
        }
        const [related, english, attachments] = await Promise.all([
          relatedArticles(db, searchIndex, found.article),
          hasEnglishVersion(db, found.article.id),
          attachmentsOf(db, 'article', found.article.id),
        ]);
        return c.html(
          htmlDocument(
            <ArticlePage
              chrome={await ctx.chrome(c)}
              channel={ctx.navChannel(found.article.channel)}
              related={related}
              highlight={highlight}
              hasEnglish={english}
              attachments={attachments}
              {...found}
            />,
          ),
        );
      }),
    )
    .route('/', feedRoutes(ctx, '', siteArticleFeed(ctx)))
    .route('/', feedRoutes(ctx, '/channels/:slug', channelArticleFeed(ctx)));
}
