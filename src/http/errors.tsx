// One error type and one handler: Chinese HTML pages for people, RFC 9457 problem JSON for the API.
import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Logger } from 'pino';
import { DatabaseBusyError } from '../db/sqlite-driver.ts';
import { htmlDocument, Layout, type PageChrome } from './layout.tsx';
import { currentRequest } from './request-context.ts';

export type ErrorCode = 'not_found' | 'bad_request' | 'forbidden' | 'payload_too_large' | 'unsupported_media_type' | 'too_many_requests' | 'busy' | 'internal';

/** An error meant for the user: its message is shown as is, in Chinese. */
export class AppError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
    /** Extra response headers, such as Retry-After on a 429. */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** Shorthand for the commonest error. */
export function notFound(message = '您访问的页面不存在或已被删除。'): AppError {
  return new AppError(404, 'not_found', message);
}

const TITLES: Record<number, string> = {
  400: '请求有误',
  403: '请求被拒绝',
  404: '页面不存在',
  413: '提交内容过大',
  415: '提交格式不受支持',
  429: '操作过于频繁',
  500: '服务器出错了',
  503: '网站正忙',
};

const ENGLISH_TITLES: Record<number, string> = {
  400: 'Bad request',
  403: 'Request refused',
  404: 'Page not found',
  413: 'Too much content',
  415: 'Unsupported format',
  429: 'Too many requests',
  500: 'Server error',
  503: 'The site is busy',
};

// Shown on English pages when the error's own message is in Chinese (shared code throws those).
const ENGLISH_MESSAGES: Record<number, string> = {
  400: 'The request could not be understood. Please check the address or the form and try again.',
  404: 'The page you asked for does not exist or has been removed.',
  429: 'Too many requests in a short time. Please wait a few minutes and try again.',
  500: 'Sorry, the server could not handle your request. Please try again later.',
  503: 'The site is busy and your request was not completed. Please wait a few seconds and try again.',
};

const HAN = /\p{Script=Han}/u;

/** Pages under /en are English: their errors are shown in the English layout, in English. */
export function isEnglishPath(path: string): boolean {
  return path === '/en' || path.startsWith('/en/');
}

// A writer that waited out the SQLite lock deadline will very likely succeed a moment later.
const BUSY_RETRY_AFTER_SECONDS = 5;

/** What an error page shows. */
export interface ShownError {
  title: string;
  message: string;
  /** Set for unexpected errors: it finds the log line. */
  requestId?: string | undefined;
}

/**
 * A section's own error page (the console's, in its frame), or undefined to leave the request to
 * the public site's page.
 */
export type SectionErrorPage = (c: Context, shown: ShownError) => Parameters<typeof htmlDocument>[0] | undefined;

function respond(c: Context, chrome: PageChrome, error: AppError, requestId?: string, sectionPage?: SectionErrorPage): Response {
  if (c.req.path.startsWith('/api/')) {
    return c.json(
      {
        type: `about:blank`,
        title: TITLES[error.status] ?? error.code,
        status: error.status,
        detail: error.message,
        code: error.code,
        ...(requestId && { requestId }),
      },
      error.status,
      { 'Content-Type': 'application/problem+json; charset=utf-8', 'Cache-Control': 'no-store', ...error.headers },
    );
  }
  if (isEnglishPath(c.req.path))
    return c.html(htmlDocument(englishErrorPage(chrome, error, requestId)), error.status, { 'Cache-Control': 'no-store', ...error.headers });
  const title = TITLES[error.status] ?? '出错了';
  const page = sectionPage?.(c, { title, message: error.message, requestId }) ?? (
    <Layout chrome={chrome} title={title}>
      <h1>{title}</h1>
      <div class="notice">
        <p>{error.message}</p>
        {requestId && <p>如需反馈,请提供编号:{requestId}</p>}
        <p>
          <a href="/">返回首页</a>
        </p>
      </div>
    </Layout>
  );
  return c.html(htmlDocument(page), error.status, { 'Cache-Control': 'no-store', ...error.headers });
}

function englishErrorPage(chrome: PageChrome, error: AppError, requestId: string | undefined) {
  const title = ENGLISH_TITLES[error.status] ?? 'Something went wrong';
  const message = HAN.test(error.message) ? (ENGLISH_MESSAGES[error.status] ?? 'The request could not be completed.') : error.message;
  return (
    <Layout chrome={chrome} lang="en" title={title}>
      <h1>{title}</h1>
      <div class="notice">
        <p>{message}</p>
        {requestId && <p>If you report this, please quote the reference {requestId}.</p>}
        <p>
          <a href="/en">Back to the home page</a>
        </p>
      </div>
    </Layout>
  );
}

/**
 * The application's onError: known errors are shown; others are logged and shown as a 500 with
 * the request's id (its X-Request-Id), which finds the log line.
 */
export function errorHandler(logger: Logger, chrome: PageChrome, sectionPage?: SectionErrorPage): ErrorHandler {
  return (error, c) => {
    if (error instanceof AppError) return respond(c, chrome, error, undefined, sectionPage);
    if (isDatabaseBusy(error)) {
      // Not a fault of ours to debug, but worth counting: a burst of these means a long writer.
      logger.warn({ err: error, method: c.req.method, path: c.req.path }, 'database busy');
      const busy = new AppError(503, 'busy', '网站正忙,本次操作未能完成。请稍候几秒,返回上一页再提交一次。', {
        'Retry-After': String(BUSY_RETRY_AFTER_SECONDS),
      });
      return respond(c, chrome, busy, undefined, sectionPage);
    }
    // Outside the server (app.request() in tests) there is no request context to take it from.
    const requestId = currentRequest()?.id ?? crypto.randomUUID();
    logger.error({ err: error, requestId, method: c.req.method, path: c.req.path }, 'request failed');
    return respond(c, chrome, new AppError(500, 'internal', '抱歉,服务器暂时无法处理您的请求,请稍后再试。'), requestId, sectionPage);
  };
}

/** The database stayed locked past its deadline, here or as the cause of a wrapping error. */
function isDatabaseBusy(error: unknown): boolean {
  let cause = error;
  for (let depth = 0; cause instanceof Error && depth < 8; depth++, cause = cause.cause) if (cause instanceof DatabaseBusyError) return true;
  return false;
}

/** The application's notFound handler. */
export function notFoundHandler(chrome: PageChrome, sectionPage?: SectionErrorPage): NotFoundHandler {
  return (c) => respond(c, chrome, notFound(), undefined, sectionPage);
}
