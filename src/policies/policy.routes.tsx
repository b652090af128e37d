// 政策文件库: the list with search and filters, one policy, and the feeds. Every page is served
// from the page cache: policies change only with the content version, and their validity only
// with the day, which the scheduler turns into a new content version (policy.service.ts).
import { Hono, type Context } from 'hono';
import { isCalendarDate } from '../articles/article.ts';
import { feedRoutes } from '../feeds/feed.routes.ts';
import type { RouteContext } from '../http/app-deps.ts';
import { AppError, notFound } from '../http/errors.tsx';
import { htmlDocument } from '../http/layout.tsx';
import { parseId, parsePageNumber } from '../http/request-params.ts';
import { policyFeed } from './policy.feeds.tsx';
import { POLICY_LEVELS, POLICY_TOPICS, VALIDITIES, type PolicyValidity } from './policy.ts';
import { policyDetail, policyList } from './policy.service.ts';
import { policyHasEnglish } from './policy-english.service.ts';
import { PolicyDetailPage, PolicyListPage, type PolicyListQuery } from './views/policy-pages.tsx';
import { attachmentsOf } from '../uploads/attachment.service.ts';

/** The longest keyword the list takes. */
export const KEYWORD_MAX = 50;

/** The list's query parameters. */
export const LIST_PARAMS = ['q', 'topic', 'level', 'channel', 'validity', 'from', 'to'] as const;

/** Routes: `/policies`, `/policies/:id`, the feeds `/policies/rss.xml` and `/policies/atom.xml`. */
export function policyRoutes(ctx: RouteContext): Hono {
  const { db, channels } = ctx;
  const search = ctx.policySearch;
  const channelName = (slug: string) => ctx.navChannel(slug).name;
  const channelOptions = channels.all.map((channel) => ({ value: channel.slug, label: channel.name }));

  /** The list's filters; an unknown value or a bad date is a 400 that says which, not an empty list. */
  const listQuery = (c: Context): PolicyListQuery => {
    const read = (name: string) => (c.req.query(name) ?? '').trim();
    const query: PolicyListQuery = {
      q: read('q'),
      topic: read('topic'),
      level: read('level'),
      channel: read('channel'),
      validity: read('validity'),
      from: read('from'),
      to: read('to'),
    };
    const bad = (message: string) => new AppError(400, 'bad_request', message);
    if (Array.from(query.q).length > KEYWORD_MAX) throw bad(`关键词不能超过 ${KEYWORD_MAX} 个字。`);
    if (query.topic && !(POLICY_TOPICS as readonly string[]).includes(query.topic)) throw bad('没有这个主题。');
    if (query.level && !(POLICY_LEVELS as readonly string[]).includes(query.level)) throw bad('没有这个层级。');
    if (query.channel && !channels.bySlug(query.channel)) throw bad('没有这个地区。');
    if (query.validity && !(VALIDITIES as readonly string[]).includes(query.validity)) throw bad('没有这种效力状态。');
    for (const [value, label] of [
      [query.from, '起始日期'],
      [query.to, '截止日期'],
    ] as const) {
      if (value && !isCalendarDate(value)) throw bad(`${label}格式应如 2025-07-29。`);
    }
    if (query.from && query.to && query.from > query.to) throw bad('起始日期不能晚于截止日期。');
    return query;
  };

  return new Hono()
    .route('/', feedRoutes(ctx, '/policies', policyFeed({ db, site: ctx.site, search })))
    .get(
      '/policies',
      ctx.cachedPage([...LIST_PARAMS, 'page'], async (c) => {
        const query = listQuery(c);
        const page = parsePageNumber(c.req.query('page'));
        const found = await policyList(db, search, { ...query, validity: (query.validity || undefined) as PolicyValidity | undefined, keyword: query.q }, page);
        if (page > found.pageCount) throw notFound('没有这一页。');
        return c.html(
          htmlDocument(
            <PolicyListPage chrome={await ctx.chrome(c)} query={query} channels={channelOptions} channelName={channelName} list={{ ...found, page }} />,
          ),
        );
      }),
    )
    .get(
      '/policies/:id',
      ctx.cachedPage([], async (c) => {
        const id = parseId(c.req.param('id') ?? '');
        const detail = id === undefined ? undefined : await policyDetail(db, id);
        if (!detail) throw notFound('没有这份政策文件。');
        const [english, attachments] = await Promise.all([policyHasEnglish(db, detail.policy.id), attachmentsOf(db, 'policy', detail.policy.id)]);
        return c.html(
          htmlDocument(
            <PolicyDetailPage chrome={await ctx.chrome(c)} detail={detail} channelName={channelName} hasEnglish={english} attachments={attachments} />,
          ),
        );
      }),
    );
}
