// The status page of something the public sent (a contribution, an application, a message): a
// lookup by the tracking code given at submission. Codes are random, and lookups are limited per
// client, so nobody can walk through other people's cases; the pages show nothing personal.
import type { Context, Handler, MiddlewareHandler } from 'hono';
import type { Child } from 'hono/jsx';
import { normalizeTrackingCode } from '../lib/tracking-code.ts';
import type { RouteContext } from './app-deps.ts';
import { Layout, type PageChrome } from './layout.tsx';
import { clientAddress, rateLimited } from './rate-limit.ts';
import { TableScroll } from './table-scroll.tsx';

// Far more than someone checking a few codes needs; a guesser of the 40-bit codes gets 30 tries
// per 10 minutes, across every kind of case, instead of hundreds a second.
export const CASE_LOOKUP_LIMIT = { name: 'case-status', max: 30, windowSeconds: 600 };

/** Limits a client's status lookups (GET requests included). */
export function caseLookupLimit(ctx: Pick<RouteContext, 'db' | 'trustProxy'>): MiddlewareHandler {
  return rateLimited(ctx.db, CASE_LOOKUP_LIMIT, (c) => clientAddress(c, ctx.trustProxy), { countReads: true, activity: '查询' });
}

/** What a status page shows: the typed code, and the case or why there is none. */
export interface CaseLookup<T> {
  code: string;
  found?: T;
  problem?: string;
  /** Opened right after the submission: the page thanks and shows the code to note down. */
  justSubmitted?: boolean;
}

/**
 * The handler of `GET …/status?code=`: an empty form, a 400 for a code of the wrong shape, a 404
 * for an unknown one, or the case.
 */
export function caseStatusHandler<T extends { trackingCode: string }>(kind: {
  prefix: string;
  /** What an unknown code is said not to match, e.g. 投稿. */
  noun: string;
  find: (code: string) => Promise<T | undefined>;
  show: (c: Context, lookup: CaseLookup<T>, status: 200 | 400 | 404) => Promise<Response>;
}): Handler {
  return async (c) => {
    const typed = (c.req.query('code') ?? '').slice(0, 40);
    if (typed.trim() === '') return kind.show(c, { code: '' }, 200);
    const code = normalizeTrackingCode(kind.prefix, typed);
    const found = code === undefined ? undefined : await kind.find(code);
    if (found) return kind.show(c, { code: found.trackingCode, found, justSubmitted: c.req.query('new') === '1' }, 200);
    if (code === undefined) return kind.show(c, { code: typed, problem: `查询码格式不正确,应形如 ${kind.prefix}-7K4M-Q9XZ。` }, 400);
    return kind.show(c, { code: typed, problem: `没有找到这个查询码对应的${kind.noun},请核对后重试。` }, 404);
  };
}

/** The page around a case: the code form, the thanks after submitting, the problem, the case's rows. */
export function CaseStatusLayout(props: {
  chrome: PageChrome;
  title: string;
  action: string;
  prefix: string;
  lookup: CaseLookup<{ trackingCode: string }>;
  thanks: string;
  children?: Child;
  /** What follows the case's rows (a form the case's owner may fill in now). */
  after?: Child;
}) {
  const { lookup } = props;
  return (
    // A case is one person's business: search engines have nothing to index here.
    <Layout chrome={props.chrome} title={props.title} head={<meta name="robots" content="noindex" />}>
      <h1>{props.title}</h1>
      {lookup.justSubmitted && lookup.found && (
        <div class="notice" role="status">
          <p>{props.thanks}请记下您的查询码:</p>
          <p class="tracking-code">{lookup.found.trackingCode}</p>
        </div>
      )}
      <form class="search-filters" action={props.action} method="get">
        <label>
          查询码
          <input type="text" name="code" value={lookup.code} maxlength={20} placeholder={`${props.prefix}-XXXX-XXXX`} />
        </label>
        <button type="submit">查询</button>
      </form>
      {lookup.problem && (
        <p class="notice" role="alert">
          {lookup.problem}
        </p>
      )}
      {lookup.found && (
        <TableScroll label="办理状态">
          <table class="data-table case-status">
            <tbody>{props.children}</tbody>
          </table>
        </TableScroll>
      )}
      {lookup.found && props.after}
    </Layout>
  );
}
