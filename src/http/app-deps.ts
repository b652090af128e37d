// What the web application needs from the outside world, built once in main.ts or a test.
import type { Context, Handler } from 'hono';
import type { Logger } from 'pino';
import type { ChannelCatalog } from '../channels/channel-catalog.ts';
import type { ArticleWrittenListener } from '../articles/article-events.ts';
import type { ListPages } from '../articles/article.service.ts';
import type { PasswordPolicy } from '../accounts/password-policy.ts';
import type { PolicySearch } from '../policies/policy.service.ts';
import type { WorkingCalendar } from '../calendar/working-calendar.ts';
import type { AppealWorkingDays, ContactDetails, InsightsPublic, SiteIdentity } from '../config.ts';
import type { Db } from '../db/database.ts';
import type { SqlDialect } from '../db/dialect.ts';
import type { Mailer } from '../notifications/mailer.ts';
import type { PortalMetrics } from '../ops/portal-metrics.ts';
import type { SearchIndex } from '../search/search-index.ts';
import type { Uploads } from '../uploads/attachment.service.ts';
import type { NavChannel, PageChrome } from './layout.tsx';
import type { PageCache } from './page-cache.ts';
import type { RateLimit } from './rate-limit.ts';

export interface AppDeps {
  db: Db;
  /** The engine's SQL fragments; readiness reads the migrations with it. */
  dialect: SqlDialect;
  channels: ChannelCatalog;
  searchIndex: SearchIndex;
  /** Told of every article saved, in its transaction: the insights feature re-reads its facts. */
  articleListeners: readonly ArticleWrittenListener[];
  logger: Logger;
  site: SiteIdentity;
  contact: ContactDetails;
  /** Whether X-Forwarded-For (set by our proxy) names the client. */
  trustProxy: boolean;
  /** PUBLIC_ORIGIN: the origin forms must come from, whatever the request says. */
  publicOrigin: string | undefined;
  passwordPolicy: PasswordPolicy;
  /** Rendered public pages; shared with the server's fast path. */
  pageCache: PageCache;
  /** This process's figures for /metrics; shared with the server's request observer. */
  metrics: PortalMetrics;
  /** METRICS_TOKEN: the Bearer token /metrics asks for; undefined: loopback clients only. */
  metricsToken: string | undefined;
  /** INSIGHTS_PUBLIC: fixed for the process, so cached pages need no key for it. */
  insightsPublic: InsightsPublic;
  /** API_RATE_LIMIT: requests per client and window the open API allows, per server process. */
  apiRateLimit: RateLimit;
  /** Working days on the official calendar, for deadlines. */
  calendar: WorkingCalendar;
  /** APPEAL_WORKING_DAYS: a request's deadline in working days, by category. */
  appealWorkingDays: AppealWorkingDays;
  /** Sends reminder emails when SMTP_URL is configured; undefined: reminders stay on the console. */
  mailer: Mailer | undefined;
  /** Where attached files are kept (UPLOAD_DIR or the S3 bucket) and the largest one taken. */
  uploads: Uploads;
}

/** Shared helpers the features' route tables receive from createApp. */
export interface RouteContext extends AppDeps {
  /**
   * Wraps a public page handler with the content-versioned page cache; `params` names every query
   * parameter the handler reads, and only those tell one cached page from another.
   */
  cachedPage(params: readonly string[], handler: Handler): Handler;
  /**
   * Header, navigation and footer data for the page `c` renders, with its address (canonical URL
   * only for a GET answered with `status` 200).
   */
  chrome(c: Context, status?: number): Promise<PageChrome>;
  /** Published articles per channel slug, counted once per content version. */
  articleCounts(): Promise<ReadonlyMap<string, number>>;
  /** Where the newest-first list pages end, found once per content version. */
  articleLists(): Promise<ListPages>;
  /** The versioned URL of a file under public/ or a vendored library (echarts.min.js). */
  assetHref(name: string): string;
  /** A channel's navigation label by slug (unknown slugs fall back to the city-wide channel). */
  navChannel(slug: string): NavChannel;
  /** Answers a GET of a site path through this app's router, in-process (the inspection's page checks). */
  requestPage(path: string): Promise<Response>;
  /** Keyword search over policies, with this process's matches kept per content version. */
  policySearch: PolicySearch;
}
