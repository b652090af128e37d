// createApp(deps): the whole site map in one place. Every URL the site answers is mounted here.
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { listPages } from './articles/article.service.ts';
import { consoleRoutes } from './console.ts';
import { englishChannelName, type Channel } from './channels/channel.ts';
import { apiRoutes } from './api/api.routes.tsx';
import { articleRoutes } from './articles/article.routes.tsx';
import { articleEnglishRoutes } from './articles/article-english.routes.tsx';
import { englishArticleCountsByChannel } from './articles/article-english.service.ts';
import { homeLanguageRedirect, languageRoutes } from './i18n/language.routes.ts';
import { channelRoutes } from './channels/channel.routes.tsx';
import type { AppDeps, RouteContext } from './http/app-deps.ts';
import { EDITOR_BODY_MAX, FORM_BODY_MAX, requestBodyLimit } from './http/body-limit.ts';
import { consoleErrorPage } from './http/console-errors.tsx';
import { errorHandler, notFoundHandler } from './http/errors.tsx';
import type { NavChannel, PageChrome } from './http/layout.tsx';
import { publicOrigin } from './http/origin.ts';
import { pageAddress } from './http/page-address.ts';
import { perContentVersion } from './http/per-content-version.ts';
import { PolicyKeywordMatches } from './policies/policy-keyword-matches.ts';
import { securityHeaders } from './http/security-headers.ts';
import { footerContent, PUBLIC_SECURITY_ICON } from './http/site-footer.tsx';
import { StaticAssets, vendorHref } from './http/static-assets.ts';
import { contactRoutes } from './contact/contact.routes.tsx';
import { siteRoutes } from './parks/site.routes.tsx';
import { policyRoutes } from './policies/policy.routes.tsx';
import { siteEnglishRoutes } from './parks/site-english.routes.tsx';
import { policyEnglishRoutes } from './policies/policy-english.routes.tsx';
import { questionRoutes } from './questions/question.routes.tsx';
import { appealRoutes } from './appeals/appeal.routes.tsx';
import { appealStatsRoutes } from './appeals/appeal-stats.routes.tsx';
import { enterpriseRoutes } from './enterprises/enterprise.routes.tsx';
import { factSentence } from './insights/insight.service.ts';
import { insightRoutes } from './insights/insight.routes.tsx';
import { insightEnglishRoutes } from './insights/insight-english.routes.tsx';
import { opsRoutes } from './ops/ops.routes.ts';
import { observeRoute } from './ops/route-observer.ts';
import { searchRoutes } from './search/search.routes.tsx';
import { englishSearchRoutes } from './search/english-search.routes.tsx';
import { sitemapRoutes } from './sitemap/sitemap.routes.tsx';
import { submissionRoutes } from './submissions/submission.routes.tsx';
import { SUBMIT_BODY_BYTES } from './submissions/submission.ts';
import { attachmentRoutes } from './uploads/attachment.routes.ts';
import { UPLOAD_FORM_OVERHEAD } from './uploads/attachment.service.ts';

export type { AppDeps } from './http/app-deps.ts';

const navChannelOf = (channel: Channel) => ({ slug: channel.slug, name: channel.name, englishName: englishChannelName(channel) });

/** Builds the web application; it holds no state that other instances would need to share. */
export function createApp(deps: AppDeps, assets = new StaticAssets()): Hono {
  const { db, channels } = deps;
  const staticChrome: PageChrome = {
    site: deps.site,
    footer: footerContent(deps.site, deps.contact, assets.href(PUBLIC_SECURITY_ICON)),
    stylesheetHref: assets.href('site.css'),
    iconHref: assets.href('favicon.svg'),
    textSizeScriptHref: assets.href('text-size.js'),
    nav: [],
  };
  const articleLists = perContentVersion(deps.pageCache.currentVersion, () => listPages(db));
  const articleCounts = async () => (await articleLists()).counts;
  const englishArticleCounts = perContentVersion(deps.pageCache.currentVersion, () => englishArticleCountsByChannel(db));
  // One list per count (the counts are kept per content version), so the layout's rendered
  // navigation is kept with it (kept-fragment.ts).
  const navLists = new WeakMap<Map<string, number>, NavChannel[]>();
  const withArticles = (tally: Map<string, number>) => {
    let nav = navLists.get(tally);
    if (!nav) navLists.set(tally, (nav = channels.all.filter((channel) => (tally.get(channel.slug) ?? 0) > 0).map(navChannelOf)));
    return nav;
  };
  const ctx: RouteContext = {
    ...deps,
    articleLists,
    articleCounts,
    // The page learns the parameters it reads, for its canonical URL (page-address.ts).
    cachedPage: (params, handler) =>
      deps.pageCache.wrap(params, (c, next) => {
        c.set('pageParams', params);
        return handler(c, next);
      }),
    assetHref: (name) => (name === 'echarts.min.js' ? vendorHref(name) : assets.href(name)),
    // The navigation and the directory at /channels list only channels that have articles: empty
    // channels are an inspection fault for government sites.
    async chrome(c, status) {
      const [counts, englishCounts] = await Promise.all([articleCounts(), englishArticleCounts()]);
      return { ...staticChrome, nav: withArticles(counts), englishNav: withArticles(englishCounts), address: pageAddress(c, status) };
    },
    navChannel(slug) {
      return navChannelOf(channels.bySlug(slug) ?? channels.city);
    },
    requestPage: async (path) => app.request(path),
    policySearch: {
      segmenter: deps.searchIndex.segmenter,
      words: deps.dialect.policyWords,
      matches: new PolicyKeywordMatches(deps.dialect.policyWords, deps.pageCache.currentVersion),
    },
  };

  const app = new Hono();
  // First, so that it sees every response and the route of every request, whoever answers it.
  app.use(observeRoute());
  app.use(securityHeaders());
  app.use(compress());
  // Errors under /admin are shown inside the console's frame, the rest on the public site's page.
  app.onError(errorHandler(deps.logger, staticChrome, consoleErrorPage(staticChrome)));
  app.notFound(notFoundHandler(staticChrome, consoleErrorPage(staticChrome)));
  // Before any handler reads a body: oversized ones are refused unread. The editor and 投稿 take
  // long texts, which percent-encoding makes up to 9 bytes a Chinese character.
  app.use(
    requestBodyLimit(FORM_BODY_MAX, [
      ['/admin/articles', EDITOR_BODY_MAX],
      ['/submit', SUBMIT_BODY_BYTES],
      // An attachment and the few fields around it, counted as the body streams in.
      ['/admin/attachments', deps.uploads.maxBytes + UPLOAD_FORM_OVERHEAD],
    ]),
  );
  // The origin browsers see, for the CSRF check and Secure cookies (PUBLIC_ORIGIN, TRUST_PROXY).
  app.use(publicOrigin(deps));

  app.get('/static/:name', (c) => assets.respond(c, c.req.param('name')) ?? c.notFound());
  app.get('/favicon.ico', (c) => c.redirect(assets.href('favicon.svg'), 301));
  // An article page marks the sentence a figure of /data was read from.
  // A first visit preferring English, or a visitor who chose it, is sent from / to /en.
  app.use('/', homeLanguageRedirect());
  app.route('/', languageRoutes());
  app.route('/', articleRoutes(ctx, factSentence));
  app.route('/', articleEnglishRoutes(ctx));
  app.route('/', channelRoutes(ctx));
  app.route('/', searchRoutes(ctx));
  app.route('/', englishSearchRoutes(ctx));
  app.route('/', sitemapRoutes(ctx));
  app.route('/', insightRoutes(ctx));
  app.route('/', insightEnglishRoutes(ctx));
  app.route('/', submissionRoutes(ctx));
  app.route('/', enterpriseRoutes(ctx));
  app.route('/', contactRoutes(ctx));
  app.route('/', questionRoutes(ctx));
  app.route('/', appealRoutes(ctx));
  app.route('/', appealStatsRoutes(ctx));
  app.route('/', policyRoutes(ctx));
  app.route('/', policyEnglishRoutes(ctx));
  app.route('/', siteRoutes(ctx));
  app.route('/', siteEnglishRoutes(ctx));
  app.route('/', attachmentRoutes(ctx));
  app.route('/', consoleRoutes(ctx));
  app.route('/', opsRoutes(ctx));
  // The open JSON API (/api/v1) and its reference page (/api/docs).
  app.route('/', apiRoutes(ctx));
  return app;
}
