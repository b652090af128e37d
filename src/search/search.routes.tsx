// Search: the `/search` page and the `/api/search` JSON with the same parameters.
import { Hono, type Context } from 'hono';
import { isCalendarDate } from '../articles/article.ts';
import { deprecatedAlias } from '../api/deprecated-alias.ts';
import type { RouteContext } from '../http/app-deps.ts';
import { AppError } from '../http/errors.tsx';
import { htmlDocument } from '../http/layout.tsx';
import { parsePageNumber } from '../http/request-params.ts';
import { SiteKeywordMatches } from '../parks/site-keyword-matches.ts';
import { siteList } from '../parks/site.service.ts';
import { policyList } from '../policies/policy.service.ts';
import { markedHtml, plainText } from './highlight.ts';
import { isQueryProblem, parseQuery, type ParsedQuery, type QueryProblem } from './search-query.ts';
import { MAX_SEARCH_PAGE_SIZE, searchArticles, type SearchOptions } from './search.service.ts';
import { SearchPage, type SearchForm } from './views/search-page.tsx';

// How many matching policies a search page shows above the articles.
const POLICIES_SHOWN = 3;

// The query parameters of a search; the JSON API adds pageSize.
const SEARCH_PARAMS = ['q', 'channel', 'from', 'to', 'page'];

/** Reads and checks the filters; a bad one is a 400 with a message saying which and why. */
function searchOptions(c: Context, ctx: RouteContext): SearchOptions & { form: SearchForm } {
  const channel = c.req.query('channel') || undefined;
  if (channel !== undefined && !ctx.channels.bySlug(channel)) throw new AppError(400, 'bad_request', '没有这个频道,请从列表中选择。');
  const date = (name: 'from' | 'to', label: string) => {
    const value = c.req.query(name) || undefined;
    if (value !== undefined && !isCalendarDate(value))
      throw new AppError(400, 'bad_request', `${label}“${value.slice(0, 20)}”无效,请按 2025-01-31 的格式填写。`);
    return value;
  };
  const from = date('from', '开始日期');
  const to = date('to', '结束日期');
  if (from && to && from > to) throw new AppError(400, 'bad_request', '开始日期不能晚于结束日期。');
  const page = parsePageNumber(c.req.query('page'));
  return { channel, from, to, page, form: { q: c.req.query('q') ?? '', channel: channel ?? '', from: from ?? '', to: to ?? '' } };
}

/** Routes: `/search` and `/api/search`. */
export function searchRoutes(ctx: RouteContext): Hono {
  const { db, searchIndex, cachedPage } = ctx;
  const { policySearch } = ctx;
  // The carriers box, answered from memory per content version like the policies box.
  const siteMatches = new SiteKeywordMatches(db, ctx.pageCache.currentVersion);
  const parse = (c: Context): ParsedQuery | QueryProblem => parseQuery(c.req.query('q'), searchIndex.segmenter);
  // Timed for the metrics: phrase searches also read the text of their candidates.
  const search = async (query: ParsedQuery, options: SearchOptions) => {
    const timed = ctx.metrics.timeSearch(query.phrases.length > 0 ? 'phrase' : 'words');
    try {
      return await searchArticles(db, searchIndex, query, options);
    } finally {
      timed();
    }
  };
  return new Hono()
    .get(
      '/search',
      cachedPage(SEARCH_PARAMS, async (c) => {
        const chrome = await ctx.chrome(c);
        let options: ReturnType<typeof searchOptions>;
        try {
          options = searchOptions(c, ctx);
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          const form = { q: c.req.query('q') ?? '', channel: '', from: '', to: '' };
          return c.html(
            htmlDocument(<SearchPage chrome={chrome} channels={ctx.channels.all} form={form} problem={error.message} navChannel={ctx.navChannel} />),
            400,
          );
        }
        const query = parse(c);
        if (isQueryProblem(query)) {
          // Opening the search page without a query is normal; anything else the reader must fix.
          const problem = query.code === 'empty' && options.form.q === '' ? undefined : query.message;
          const page = <SearchPage chrome={chrome} channels={ctx.channels.all} form={options.form} problem={problem} navChannel={ctx.navChannel} />;
          return c.html(htmlDocument(page), problem ? 400 : 200);
        }
        const results = await search(query, options);
        // Policies the same words find, with the same filters, above the first page of articles.
        const policies =
          options.page === 1
            ? await policyList(
                db,
                policySearch,
                { keyword: options.form.q, channel: options.channel, from: options.from, to: options.to },
                1,
                new Date(),
                POLICIES_SHOWN,
              )
            : undefined;
        const found = policies && { items: policies.items, total: policies.total };
        // Carriers (parks, buildings, factories, land) the same words find in the same channel.
        const sites =
          options.page === 1
            ? await siteList(db, searchIndex.segmenter, { keyword: options.form.q, channel: options.channel }, 1, new Date(), siteMatches)
            : undefined;
        const foundSites = sites && { items: sites.items.slice(0, POLICIES_SHOWN), total: sites.total };
        return c.html(
          htmlDocument(
            <SearchPage
              chrome={chrome}
              channels={ctx.channels.all}
              form={options.form}
              results={results}
              navChannel={ctx.navChannel}
              policies={found}
              sites={foundSites}
            />,
          ),
        );
      }),
    )
    .get(
      '/api/search',
      cachedPage(
        [...SEARCH_PARAMS, 'pageSize'],
        deprecatedAlias('/api/v1/search', async (c) => {
          const options = searchOptions(c, ctx);
          const pageSizeText = c.req.query('pageSize');
          if (pageSizeText !== undefined) {
            const size = Number(pageSizeText);
            if (!/^\d{1,3}$/.test(pageSizeText) || size < 1 || size > MAX_SEARCH_PAGE_SIZE) {
              throw new AppError(400, 'bad_request', `pageSize 须为 1 到 ${MAX_SEARCH_PAGE_SIZE} 之间的整数。`);
            }
            options.pageSize = size;
          }
          const query = parse(c);
          if (isQueryProblem(query)) throw new AppError(400, 'bad_request', query.message);
          const results = await search(query, options);
          return c.json({
            query: query.text,
            total: results.total,
            totalIsLowerBound: results.totalIsLowerBound,
            page: results.page,
            pageSize: results.pageSize,
            pageCount: results.pageCount,
            results: results.hits.map((hit) => ({
              id: hit.id,
              url: `/articles/${hit.id}`,
              title: hit.title,
              titleHtml: markedHtml(hit.titleParts),
              channel: { slug: hit.channel, name: ctx.navChannel(hit.channel).name },
              publishedOn: hit.publishedOn,
              snippet: plainText(hit.snippetParts),
              snippetHtml: markedHtml(hit.snippetParts),
            })),
          });
        }),
      ),
    );
}
