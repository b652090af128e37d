// 公开问答: the question form, the asker's status page, the published questions and answers, and
// the statistics.
import { Hono, type Context } from 'hono';
import type { RouteContext } from '../http/app-deps.ts';
import { caseLookupLimit, caseStatusHandler } from '../http/case-status.tsx';
import { csrfToken } from '../http/csrf.ts';
import { AppError, notFound } from '../http/errors.tsx';
import type { FieldState } from '../http/form-controls.tsx';
import { htmlDocument } from '../http/layout.tsx';
import { feedRoutes } from '../feeds/feed.routes.ts';
import { NO_STORE } from '../http/no-store.ts';
import { publicForm } from '../http/public-form.ts';
import { parseId, parsePageNumber } from '../http/request-params.ts';
import { publishedAnswerFeed } from './question.feeds.tsx';
import { QUESTION_CATEGORIES, QUESTION_CODE_PREFIX, questionSchema } from './question.ts';
import { askQuestion, publishedQuestion, publishedQuestions, questionProgress, questionStatistics } from './question.service.ts';
import { AskPage, QuestionDetailPage, QuestionListPage, QuestionStatusPage, type QuestionListQuery } from './views/question-pages.tsx';
import { QuestionStatsPage } from './views/question-stats-page.tsx';

/** Accepted questions (and abuse) per client. */
export const ASK_LIMIT = { name: 'ask', max: 5, windowSeconds: 600 };

const KEYWORD_MAX = 50;

/** Routes: `/qa`, `/qa/ask` (GET, POST), `/qa/status`, `/qa/stats`, the feeds `/qa/rss.xml` and `/qa/atom.xml`, `/qa/:id`. */
export function questionRoutes(ctx: RouteContext): Hono {
  const { db, channels } = ctx;
  const officeName = (slug: string) => `${ctx.navChannel(slug).name}招商部门`;
  const offices = channels.all.map((channel) => ({ value: channel.slug, label: officeName(channel.slug) }));
  const schema = questionSchema(channels.all.map((channel) => channel.slug));
  const form = publicForm(ctx, ASK_LIMIT);
  const showForm = async (c: Context, state: FieldState, status: 200 | 400 | 429 = 200) =>
    c.html(htmlDocument(<AskPage chrome={await ctx.chrome(c, status)} token={csrfToken(c)} state={state} offices={offices} />), status, NO_STORE);

  /** The list's filters; an unknown office or category is a 400, not an empty list. */
  const listQuery = (c: Context): QuestionListQuery => {
    const query = { channel: c.req.query('channel') ?? '', category: c.req.query('category') ?? '', q: (c.req.query('q') ?? '').trim().slice(0, KEYWORD_MAX) };
    if (query.channel && !channels.all.some((channel) => channel.slug === query.channel)) throw new AppError(400, 'bad_request', '没有这个答复单位。');
    if (query.category && !(QUESTION_CATEGORIES as readonly string[]).includes(query.category)) throw new AppError(400, 'bad_request', '没有这个问题类别。');
    return query;
  };

  return (
    new Hono()
      .route('/', feedRoutes(ctx, '/qa', publishedAnswerFeed({ db, site: ctx.site, officeName })))
      // The published questions and the statistics change only with the content version (an answer,
      // a new question, a 转办 bumps it), so they are served from the page cache. The form and the
      // status page are not: each is one person's.
      .get(
        '/qa',
        ctx.cachedPage(['channel', 'category', 'q', 'page'], async (c) => {
          const query = listQuery(c);
          const page = parsePageNumber(c.req.query('page'));
          const found = await publishedQuestions(db, { channel: query.channel, category: query.category, keyword: query.q }, page);
          if (page > found.pageCount) throw notFound('没有这一页。');
          return c.html(
            htmlDocument(<QuestionListPage chrome={await ctx.chrome(c)} query={query} offices={offices} officeName={officeName} list={{ ...found, page }} />),
          );
        }),
      )
      .get('/qa/ask', (c) => showForm(c, { values: { channel: channels.city.slug }, errors: {} }))
      .post('/qa/ask', form.guard, async (c) => {
        const result = await form.read(c, schema);
        if (!result.ok) return showForm(c, result, result.problem ? 429 : 400);
        const { trackingCode } = await askQuestion(db, result.data);
        // Post/redirect/get: reloading the confirmation does not ask twice.
        return c.redirect(`/qa/status?code=${trackingCode}&new=1`, 303);
      })
      .get(
        '/qa/status',
        caseLookupLimit(ctx),
        caseStatusHandler({
          prefix: QUESTION_CODE_PREFIX,
          noun: '问题',
          find: (code) => questionProgress(db, code),
          show: async (c, lookup, status) =>
            c.html(htmlDocument(<QuestionStatusPage chrome={await ctx.chrome(c, status)} lookup={lookup} officeName={officeName} />), status, NO_STORE),
        }),
      )
      // Not cached: it counts every question received, and a public form must not be able to make
      // the whole site's cache stale. Two grouped queries over indexed columns.
      .get('/qa/stats', async (c) => {
        const { byOffice, byMonth } = await questionStatistics(db, ctx.dialect.chinaCalendar);
        const scripts = { echartsHref: ctx.assetHref('echarts.min.js'), chartsHref: ctx.assetHref('charts.js') };
        return c.html(
          htmlDocument(<QuestionStatsPage chrome={await ctx.chrome(c)} scripts={scripts} byOffice={byOffice} byMonth={byMonth} officeName={officeName} />),
        );
      })
      .get(
        '/qa/:id',
        ctx.cachedPage([], async (c) => {
          const id = parseId(c.req.param('id') ?? '');
          const item = id === undefined ? undefined : await publishedQuestion(db, id);
          if (!item) throw notFound('没有这条问答,或它没有公开。');
          return c.html(htmlDocument(<QuestionDetailPage chrome={await ctx.chrome(c)} item={item} officeName={officeName} />));
        }),
      )
  );
}
