// 载体库: the list with filters and the district map, one site, the boundary file the map draws,
// the feeds, and the 我要咨询 form. The list and site pages are served from the page cache: sites
// change only with the content version, and their 待更新 marks only with the day, which the
// scheduler turns into a new content version (site.service.ts refreshSiteStalenessDay).
import { Hono, type Context } from 'hono';
import { INDUSTRIES } from '../enterprises/industry.ts';
import { feedRoutes } from '../feeds/feed.routes.ts';
import type { RouteContext } from '../http/app-deps.ts';
import { csrfToken } from '../http/csrf.ts';
import { AppError, notFound } from '../http/errors.tsx';
import type { FieldState } from '../http/form-controls.tsx';
import { htmlDocument } from '../http/layout.tsx';
import { NO_STORE } from '../http/no-store.ts';
import { publicForm } from '../http/public-form.ts';
import { parseId, parsePageNumber } from '../http/request-params.ts';
import { attachmentsOf } from '../uploads/attachment.service.ts';
import { boundaryHref, mappedDistrictNames, respondWithBoundaries } from './district-map.ts';
import { inquirySchema, SITE_KINDS, type SiteKind } from './site.ts';
import { askAboutSite, siteCountsByChannel, siteDetail, siteList } from './site.service.ts';
import { siteFeed } from './site.feeds.tsx';
import { AskPage, SiteDetailPage, SiteListPage, type MapDistrict, type SiteListQuery } from './views/site-pages.tsx';

/** The longest keyword the list takes. */
export const KEYWORD_MAX = 50;

/** The list's query parameters. */
export const LIST_PARAMS = ['q', 'channel', 'kind', 'areaMin', 'areaMax', 'industry'] as const;

/** Accepted 我要咨询 posts (and abuse) per client, as 联系我们 allows. */
export const INQUIRY_LIMIT = { name: 'site-inquiry', max: 5, windowSeconds: 600 };

/** An area bound of the list (m², up to two decimals), or a 400 that names it. */
export function parseAreaBound(text: string, label: string): number | undefined {
  if (text === '') return undefined;
  const normalized = text.normalize('NFKC').replace(/,/gu, '');
  if (!/^\d{1,12}(\.\d{1,2})?$/u.test(normalized)) throw new AppError(400, 'bad_request', `${label}请填写不小于 0 的数字(单位:平方米)。`);
  return Number(normalized);
}

/** Routes: `/parks`, `/parks/:id`, `/parks/:id/ask` (GET, POST), `/parks/districts.geojson`, the feeds. */
export function siteRoutes(ctx: RouteContext): Hono {
  const { db, channels } = ctx;
  const segmenter = ctx.searchIndex.segmenter;
  const channelName = (slug: string) => ctx.navChannel(slug).name;
  const channelOptions = channels.all.map((channel) => ({ value: channel.slug, label: channel.name }));
  const schema = inquirySchema();
  const form = publicForm(ctx, INQUIRY_LIMIT);

  /** The list's filters; an unknown value or a bad bound is a 400 that says which, not an empty list. */
  const listQuery = (c: Context) => {
    const read = (name: string) => (c.req.query(name) ?? '').trim();
    const query: SiteListQuery = {
      q: read('q'),
      channel: read('channel'),
      kind: read('kind'),
      areaMin: read('areaMin'),
      areaMax: read('areaMax'),
      industry: read('industry'),
    };
    const bad = (message: string) => new AppError(400, 'bad_request', message);
    if (Array.from(query.q).length > KEYWORD_MAX) throw bad(`关键词不能超过 ${KEYWORD_MAX} 个字。`);
    if (query.channel && !channels.bySlug(query.channel)) throw bad('没有这个地区。');
    if (query.kind && !(SITE_KINDS as readonly string[]).includes(query.kind)) throw bad('没有这种载体类型。');
    if (query.industry && !INDUSTRIES.some((industry) => industry.code === query.industry)) throw bad('没有这个行业门类,请从列表中选择。');
    const areaMin = parseAreaBound(query.areaMin, '最小面积');
    const areaMax = parseAreaBound(query.areaMax, '最大面积');
    if (areaMin !== undefined && areaMax !== undefined && areaMin > areaMax) throw bad('最小面积不能大于最大面积。');
    return {
      query,
      filter: {
        keyword: query.q,
        channel: query.channel || undefined,
        kind: (query.kind || undefined) as SiteKind | undefined,
        industry: query.industry || undefined,
        areaMin,
        areaMax,
      },
    };
  };

  const districts = async (): Promise<MapDistrict[]> => {
    const counts = await siteCountsByChannel(db);
    const drawn = mappedDistrictNames();
    return channels.all
      .filter((channel) => channel.kind !== 'city' || counts.has(channel.slug))
      .map((channel) => ({ slug: channel.slug, name: channel.name, count: counts.get(channel.slug) ?? 0, onMap: drawn.has(channel.name) }));
  };

  const siteOf = async (c: Context) => {
    const id = parseId(c.req.param('id') ?? '');
    const site = id === undefined ? undefined : await siteDetail(db, id);
    if (!site) throw notFound('没有这处载体。');
    return site;
  };

  const showAsk = async (c: Context, state: FieldState, status: 200 | 400 | 429 = 200) => {
    const site = await siteOf(c);
    return c.html(
      htmlDocument(<AskPage chrome={await ctx.chrome(c, status)} site={site} token={csrfToken(c)} state={state} channelName={channelName} />),
      status,
      NO_STORE,
    );
  };

  return new Hono()
    .route('/', feedRoutes(ctx, '/parks', siteFeed({ db, site: ctx.site, segmenter, channelName })))
    .get('/parks/districts.geojson', (c) => respondWithBoundaries(c))
    .get(
      '/parks',
      ctx.cachedPage([...LIST_PARAMS, 'page'], async (c) => {
        const { query, filter } = listQuery(c);
        const page = parsePageNumber(c.req.query('page'));
        const found = await siteList(db, segmenter, filter, page);
        if (page > found.pageCount) throw notFound('没有这一页。');
        const scripts = { echartsHref: ctx.assetHref('echarts.min.js'), mapHref: ctx.assetHref('parks-map.js'), geoHref: boundaryHref() };
        return c.html(
          htmlDocument(
            <SiteListPage
              chrome={await ctx.chrome(c)}
              query={query}
              channels={channelOptions}
              channelName={channelName}
              districts={await districts()}
              scripts={scripts}
              list={{ ...found, page }}
            />,
          ),
        );
      }),
    )
    .get(
      '/parks/:id',
      ctx.cachedPage([], async (c) => {
        const site = await siteOf(c);
        const attachments = await attachmentsOf(db, 'site', site.id);
        return c.html(htmlDocument(<SiteDetailPage chrome={await ctx.chrome(c)} site={site} channelName={channelName} attachments={attachments} />));
      }),
    )
    .get('/parks/:id/ask', (c) => showAsk(c, { values: { registration: 'china' }, errors: {} }))
    .post('/parks/:id/ask', form.guard, async (c) => {
      const site = await siteOf(c);
      const result = await form.read(c, schema);
      if (!result.ok) return showAsk(c, result, result.problem ? 429 : 400);
      const trackingCode = await askAboutSite(db, site, result.data);
      return c.redirect(`/contact/status?code=${trackingCode}&new=1`, 303);
    });
}
