// English article pages (issue #16): `/en`, `/en/channels/:slug`, `/en/articles/:id`, and the
// English feed of articles that have an English version (`/en/rss.xml`, `/en/atom.xml`).
import { Hono } from 'hono';
import { englishChannelName } from '../channels/channel.ts';
import { feedRoutes } from '../feeds/feed.routes.ts';
import type { Feed } from '../feeds/feed.ts';
import type { RouteContext } from '../http/app-deps.ts';
import { notFound } from '../http/errors.tsx';
import { htmlDocument } from '../http/layout.tsx';
import { parseId, parsePageNumber } from '../http/request-params.ts';
import { MACHINE_TRANSLATION_NOTICE } from '../i18n/english-version.ts';
import { chinaMidnight } from '../lib/china-time.ts';
import { articleInEnglish, englishArticleListPage, newestEnglishArticles } from './article-english.service.ts';
import { FEED_SIZE } from './article.feeds.ts';
import { markdownToHtml } from './markdown.ts';
import { EnglishArticlePage, EnglishChannelPage, EnglishHomePage } from './views/english-pages.tsx';

/** Routes: `/en`, `/en/channels/:slug`, `/en/articles/:id`, `/en/rss.xml`, `/en/atom.xml`. */
export function articleEnglishRoutes(ctx: RouteContext): Hono {
  const { db, channels, cachedPage } = ctx;

  /** The English feed: newest articles with an English version; a machine translation says so in its summary. */
  const englishFeed = async (): Promise<Feed> => ({
    title: `${ctx.site.siteName} (English)`,
    description: 'Investment news from Nanchang in English',
    path: '/en',
    language: 'en',
    entries: (await newestEnglishArticles(db, FEED_SIZE)).map((item) => {
      const channel = channels.bySlug(item.channel);
      const notice = item.english.machineTranslated ? `${MACHINE_TRANSLATION_NOTICE} ` : '';
      return {
        path: `/en/articles/${item.id}`,
        title: item.english.title,
        published: chinaMidnight(item.publishedOn),
        updated: item.updatedAt,
        category: channel && { term: channel.slug, label: englishChannelName(channel), path: `/en/channels/${channel.slug}` },
        summary: `${notice}${item.english.summary}`,
        contentHtml: `${notice && `<p><em>${notice.trim()}</em></p>`}${markdownToHtml(item.english.body)}`,
      };
    }),
  });

  return new Hono()
    .get(
      '/en',
      cachedPage(['page'], async (c) => {
        const list = await englishArticleListPage(db, parsePageNumber(c.req.query('page')));
        if (!list) throw notFound('There is no such page.');
        return c.html(htmlDocument(<EnglishHomePage chrome={await ctx.chrome(c)} list={list} channelName={ctx.navChannel} />));
      }),
    )
    .get(
      '/en/channels/:slug',
      cachedPage(['page'], async (c) => {
        const channel = channels.bySlug(c.req.param('slug') ?? '');
        if (!channel) throw notFound('There is no such channel.');
        const list = await englishArticleListPage(db, parsePageNumber(c.req.query('page')), channel.slug);
        if (!list) throw notFound('There is no such page.');
        return c.html(
          htmlDocument(<EnglishChannelPage chrome={await ctx.chrome(c)} channel={ctx.navChannel(channel.slug)} list={list} channelName={ctx.navChannel} />),
        );
      }),
    )
    .get(
      '/en/articles/:id',
      cachedPage([], async (c) => {
        const id = parseId(c.req.param('id') ?? '');
        const found = id === undefined ? undefined : await articleInEnglish(db, id);
        if (!found) throw notFound('There is no such article.');
        return c.html(htmlDocument(<EnglishArticlePage chrome={await ctx.chrome(c)} channel={ctx.navChannel(found.article.channel)} {...found} />));
      }),
    )
    .route('/', feedRoutes(ctx, '/en', englishFeed));
}
