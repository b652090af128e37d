// Every environment variable the product reads, parsed once and frozen.
// The only module that touches process.env (STYLE.md convention 10).
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { z } from 'zod';
import type { PasswordPolicyName } from './accounts/password-policy.ts';
import { errorReportUrlFor, ICP_NUMBER_FORMAT, PUBLIC_SECURITY_NUMBER_FORMAT, SITE_CODE_FORMAT } from './lib/site-filings.ts';
import { DEFAULT_CALENDAR_DIR } from './calendar/working-calendar.ts';
import { APPEAL_CATEGORIES, DEFAULT_WORKING_DAYS, type AppealCategory } from './appeals/appeal.ts';
import type { SmtpSettings } from './notifications/mailer.ts';
import { DEFAULT_QUESTION_WORKING_DAYS } from './notifications/notification.ts';

/** Where the articles live: an embedded SQLite file, a PostgreSQL server, or PGlite (development). */
export type DatabaseTarget = { engine: 'sqlite'; path: string } | { engine: 'postgres'; url: string } | { engine: 'pglite'; path: string | undefined };

/** The site's name and the identity lines Chinese government sites must show in their footer. */
export interface SiteIdentity {
  siteName: string;
  /** 主办单位: the office that owns the site. */
  hostOrganisation: string | undefined;
  /** 承办单位: the office that runs it, when another than the owner. */
  organiser: string | undefined;
  /** 网站标识码 (SITE_CODE_FORMAT). */
  siteCode: string | undefined;
  /** ICP 备案号 (ICP_NUMBER_FORMAT). */
  icpNumber: string | undefined;
  /** 公安备案号 (PUBLIC_SECURITY_NUMBER_FORMAT). */
  publicSecurityNumber: string | undefined;
  /** Where 我为政府网站找错 leads: SITE_ERROR_REPORT_URL, else the national platform's form for siteCode. */
  errorReportUrl: string | undefined;
}

/** The office's contact details shown on 联系我们; each line appears only when configured. */
export interface ContactDetails {
  office: string | undefined;
  address: string | undefined;
  phone: string | undefined;
  email: string | undefined;
  hours: string | undefined;
}

export interface Config {
  port: number;
  host: string;
  workers: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  database: DatabaseTarget;
  seedFile: string;
  site: SiteIdentity;
  contact: ContactDetails;
  /** Behind our reverse proxy: the client address is the last X-Forwarded-For entry. */
  trustProxy: boolean;
  /** The site's address as browsers see it (`https://zs.example.gov.cn`); wins over the request's. */
  publicOrigin: string | undefined;
  /** `modern` (default) or `dengbao` (等保: character classes, 90-day rotation). */
  passwordPolicy: PasswordPolicyName;
  /** METRICS_TOKEN: the bearer token /metrics asks for; without one, only loopback clients may read it. */
  metricsToken: string | undefined;
  /** INSIGHTS_PUBLIC: how public pages show figures no editor has confirmed (see InsightsPublic). */
  insightsPublic: InsightsPublic;
  /** API_RATE_LIMIT: requests per minute each client may make to /api/v1, counted per server process. */
  apiRequestsPerMinute: number;
  /** CALENDAR_DIR: the folder of the official holiday arrangements, one <year>.json each. */
  calendarDir: string;
  /** APPEAL_WORKING_DAYS: the working days a handler has for an enterprise request, by category. */
  appealWorkingDays: AppealWorkingDays;
  /** SMTP_URL and SMTP_FROM: where reminder emails go out; undefined: reminders stay on the console only. */
  smtp: SmtpSettings | undefined;
  /** QUESTION_WORKING_DAYS: working days after receipt within which a question is to be answered. */
  questionWorkingDays: number;
  /** Where uploaded files are kept (UPLOAD_DIR, or the UPLOAD_S3_* settings) and how large one may be. */
  uploads: UploadSettings;
  /** PAGE_CACHE_MAX_BYTES: the bytes of rendered pages (every encoding) each server process keeps. */
  pageCacheMaxBytes: number;
}

/** UPLOAD_MAX_BYTES and the store: a folder on this machine, or an S3-compatible bucket. */
export interface UploadSettings {
  maxBytes: number;
  store: UploadStoreSettings;
}

/** Where blobs live: `local` under a folder, `s3` in a bucket of an S3-compatible server. */
export type UploadStoreSettings =
  | { kind: 'local'; dir: string }
  | {
      kind: 's3';
      /** UPLOAD_S3_ENDPOINT: the server's URL; undefined: Amazon S3 itself. */
      endpoint: string | undefined;
      bucket: string;
      region: string;
      accessKeyId: string;
      secretAccessKey: string;
      /** UPLOAD_S3_PREFIX: a folder in the bucket, such as `zhaoshang/`; empty for the bucket's root. */
      prefix: string;
    };

/** The upload limit unless UPLOAD_MAX_BYTES says otherwise: 20 MB. */
export const DEFAULT_UPLOAD_MAX_BYTES = 20 * 1024 * 1024;

/** The page cache's bound unless PAGE_CACHE_MAX_BYTES says otherwise: 16 MiB per server process. */
export const DEFAULT_PAGE_CACHE_MAX_BYTES = 16 * 1024 * 1024;

/** Working days a handler has for a request, by category (企业诉求). */
export type AppealWorkingDays = Readonly<Record<AppealCategory, number>>;

/**
 * `confirmed`: public pages show only figures an editor confirmed or corrected; `marked` (default):
 * the others too, each marked 系统识别，待核实 with its sentence.
 */
export type InsightsPublic = 'confirmed' | 'marked';

const METRICS_TOKEN_MIN_LENGTH = 32;

/** A sender as SMTP_FROM gives it: an address, or a name and the address in angle brackets. */
const SENDER = /^(?:[^<>@\s][^<>@]*<[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+)$/u;

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const environmentSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().default('0.0.0.0'),
    WORKERS: z.coerce.number().int().min(1).max(256).optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    DATABASE_URL: z.string().default('data/zhaoshang.db'),
    SEED_FILE: z.string().default('data/seed/articles.txt'),
    SITE_NAME: z.string().trim().min(1).default('南昌招商'),
    SITE_HOST_ORGANISATION: optionalText,
    SITE_ORGANISER: optionalText,
    SITE_CODE: optionalFormat(SITE_CODE_FORMAT, 'must be the 10-character 网站标识码: 10 digits (such as 3601000001) or bm and 8 digits'),
    SITE_ICP_NUMBER: optionalFormat(ICP_NUMBER_FORMAT, 'must be an ICP 备案号 such as 赣ICP备12345678号 or 赣ICP备12345678号-1'),
    SITE_PUBLIC_SECURITY_NUMBER: optionalFormat(PUBLIC_SECURITY_NUMBER_FORMAT, 'must be a 公安备案号 such as 赣公网安备36010202000123号 (14 digits)'),
    SITE_ERROR_REPORT_URL: optionalText.transform((value, ctx) => (value === undefined ? undefined : parseHttpsUrl(value, ctx))),
    CONTACT_OFFICE: optionalText,
    CONTACT_ADDRESS: optionalText,
    CONTACT_PHONE: optionalText,
    CONTACT_EMAIL: optionalText,
    CONTACT_HOURS: optionalText,
    TRUST_PROXY: z.enum(['true', 'false']).default('false'),
    PUBLIC_ORIGIN: optionalText.transform((value, ctx) => (value === undefined ? undefined : parseOrigin(value, ctx))),
    PASSWORD_POLICY: z.enum(['modern', 'dengbao']).default('modern'),
    INSIGHTS_PUBLIC: z.enum(['confirmed', 'marked']).default('marked'),
    API_RATE_LIMIT: z.coerce.number().int().min(1).max(100_000).default(120),
    CALENDAR_DIR: optionalText,
    APPEAL_WORKING_DAYS: optionalText.transform((value, ctx) => parseAppealWorkingDays(value ?? '', ctx)),
    SMTP_URL: optionalText.transform((value, ctx) => (value === undefined ? undefined : parseSmtpUrl(value, ctx))),
    SMTP_FROM: optionalText.pipe(
      z.string().regex(SENDER, 'must be the sender’s address, optionally with a name: noreply@example.gov.cn or 南昌招商 <noreply@example.gov.cn>').optional(),
    ),
    QUESTION_WORKING_DAYS: z.coerce.number().int().min(1).max(60).default(DEFAULT_QUESTION_WORKING_DAYS),
    UPLOAD_DIR: z.string().trim().min(1).default('data/uploads'),
    UPLOAD_MAX_BYTES: z.coerce
      .number()
      .int('must be a whole number of bytes, e.g. 20971520 for 20 MB')
      .min(1024, 'must be at least 1024 bytes')
      .max(1024 * 1024 * 1024, 'must be at most 1 GiB (1073741824): uploads are held in memory while checked')
      .default(DEFAULT_UPLOAD_MAX_BYTES),
    PAGE_CACHE_MAX_BYTES: z.coerce
      .number()
      .int('must be a whole number of bytes, e.g. 16777216 for 16 MiB')
      .min(1024 * 1024, 'must be at least 1 MiB (1048576)')
      .max(1024 * 1024 * 1024, 'must be at most 1 GiB (1073741824)')
      .default(DEFAULT_PAGE_CACHE_MAX_BYTES),
    UPLOAD_S3_ENDPOINT: optionalText.transform((value, ctx) => (value === undefined ? undefined : parseHttpEndpoint(value, ctx))),
    UPLOAD_S3_BUCKET: optionalText.pipe(
      z
        .string()
        .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/u, {
          error: (issue) => `must be an S3 bucket name (3–63 lower-case letters, digits, . and -), got "${issue.input}"`,
        })
        .optional(),
    ),
    UPLOAD_S3_REGION: z.string().trim().min(1).default('us-east-1'),
    UPLOAD_S3_ACCESS_KEY_ID: optionalText,
    UPLOAD_S3_SECRET_ACCESS_KEY: optionalText,
    UPLOAD_S3_PREFIX: optionalText.pipe(
      z
        .string()
        .regex(/^(?:[A-Za-z0-9._-]+\/)+$/u, { error: (issue) => `must be folder names each ending in /, such as zhaoshang/uploads/, got "${issue.input}"` })
        .optional(),
    ),
    // Long enough not to be guessed, and only characters a Bearer header carries as they are.
    METRICS_TOKEN: optionalText.pipe(
      z
        .string()
        .min(METRICS_TOKEN_MIN_LENGTH, `must be at least ${METRICS_TOKEN_MIN_LENGTH} characters (for example: openssl rand -hex 32)`)
        .regex(/^[A-Za-z0-9._~+/-]+=*$/, 'may hold only letters, digits and . _ ~ + / - (then = padding), as a Bearer token does')
        .optional(),
    ),
  })
  .superRefine((env, ctx) => {
    // An S3 store is chosen by naming its bucket; half of its settings would fail at the first upload.
    const s3Settings = {
      UPLOAD_S3_ENDPOINT: env.UPLOAD_S3_ENDPOINT,
      UPLOAD_S3_ACCESS_KEY_ID: env.UPLOAD_S3_ACCESS_KEY_ID,
      UPLOAD_S3_SECRET_ACCESS_KEY: env.UPLOAD_S3_SECRET_ACCESS_KEY,
      UPLOAD_S3_PREFIX: env.UPLOAD_S3_PREFIX,
    };
    if (env.UPLOAD_S3_BUCKET === undefined) {
      for (const [name, value] of Object.entries(s3Settings))
        if (value !== undefined)
          ctx.addIssue({ code: 'custom', path: ['UPLOAD_S3_BUCKET'], message: `is required with ${name}: the bucket uploads are kept in` });
    } else {
      for (const name of ['UPLOAD_S3_ACCESS_KEY_ID', 'UPLOAD_S3_SECRET_ACCESS_KEY'] as const)
        if (env[name] === undefined)
          ctx.addIssue({ code: 'custom', path: [name], message: 'is required with UPLOAD_S3_BUCKET: the credentials the site signs its requests with' });
    }
    // Half a mail setup would fail only at the first reminder: it stops the start instead.
    if (env.SMTP_URL !== undefined && env.SMTP_FROM === undefined)
      ctx.addIssue({ code: 'custom', path: ['SMTP_FROM'], message: 'is required with SMTP_URL: the address reminder emails are sent from' });
    if (env.SMTP_FROM !== undefined && env.SMTP_URL === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['SMTP_URL'],
        message: 'is required with SMTP_FROM: the SMTP server reminder emails go through, e.g. smtp://user:pass@host:587',
      });
  });

/**
 * An SMTP server's URL: smtp:// (STARTTLS when offered) or smtps://, a host, optional port and
 * credentials, nothing else. The password is never repeated in the error.
 */
function parseSmtpUrl(value: string, ctx: z.RefinementCtx): string {
  const url = URL.parse(value);
  if (
    url &&
    (url.protocol === 'smtp:' || url.protocol === 'smtps:') &&
    url.hostname !== '' &&
    (url.pathname === '' || url.pathname === '/') &&
    url.search === ''
  )
    return url.href;
  const shown = url && url.password !== '' ? value.replace(`:${url.password}@`, ':***@') : value;
  ctx.addIssue({ code: 'custom', message: `must be an SMTP server such as smtp://user:pass@mail.example.gov.cn:587 or smtps://…:465, got "${shown}"` });
  return z.NEVER;
}

/** An S3-compatible server's address: http(s), a host, optional port, no credentials (they have their own settings). */
function parseHttpEndpoint(value: string, ctx: z.RefinementCtx): string {
  const url = URL.parse(value);
  if (url && (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '' && url.username === '' && url.password === '' && url.search === '')
    return url.href.replace(/\/$/u, '');
  ctx.addIssue({
    code: 'custom',
    message: `must be the S3 server's URL such as https://s3.example.gov.cn or http://127.0.0.1:9000 (credentials go in UPLOAD_S3_ACCESS_KEY_ID and UPLOAD_S3_SECRET_ACCESS_KEY), got "${url && url.password !== '' ? value.replace(`:${url.password}@`, ':***@') : value}"`,
  });
  return z.NEVER;
}

/** An optional setting that, when given, must match `format`. */
function optionalFormat(format: RegExp, message: string) {
  return optionalText.pipe(
    z
      .string()
      .regex(format, { error: (issue) => `${message}, got "${issue.input}"` })
      .optional(),
  );
}

/** An absolute https URL with a host and no credentials, as a link to another site must be. */
function parseHttpsUrl(value: string, ctx: z.RefinementCtx): string {
  const url = URL.parse(value);
  if (url && url.protocol === 'https:' && url.hostname !== '' && url.username === '' && url.password === '') return url.href;
  ctx.addIssue({ code: 'custom', message: `must be an https URL such as https://zfwzzc.www.gov.cn/…, got "${value}"` });
  return z.NEVER;
}

/**
 * An origin as browsers write it in the Origin header: http(s), host, optional port, nothing else
 * (a trailing slash is forgiven). Normalised, so that `https://A.cn:443/` compares as `https://a.cn`.
 */
function parseOrigin(value: string, ctx: z.RefinementCtx): string {
  if (/^https?:\/\/[^/?#@\s]+\/?$/iu.test(value)) {
    try {
      return new URL(value).origin;
    } catch {
      // Not a valid host: reported below.
    }
  }
  ctx.addIssue({ code: 'custom', message: `must be an origin such as https://zs.example.gov.cn (scheme, host, optional port; no path), got "${value}"` });
  return z.NEVER;
}

/**
 * Reads APPEAL_WORKING_DAYS, such as `审批=10,融资=7`: the categories named get their number of
 * working days, the others DEFAULT_WORKING_DAYS. Every unknown category or bad number is reported.
 */
function parseAppealWorkingDays(value: string, ctx: z.RefinementCtx): AppealWorkingDays {
  const days = Object.fromEntries(APPEAL_CATEGORIES.map((category) => [category, DEFAULT_WORKING_DAYS])) as Record<AppealCategory, number>;
  const problems: string[] = [];
  for (const entry of value.split(/[,,]/u).map((part) => part.trim())) {
    if (entry === '') continue;
    const [name = '', count = '', ...rest] = entry.split('=').map((part) => part.trim());
    if (!(APPEAL_CATEGORIES as readonly string[]).includes(name)) problems.push(`unknown category "${name}" in "${entry}"`);
    else if (rest.length > 0 || !/^\d{1,3}$/u.test(count) || Number(count) < 1) problems.push(`"${entry}" needs a whole number of working days from 1 to 999`);
    else days[name as AppealCategory] = Number(count);
  }
  if (problems.length > 0) {
    ctx.addIssue({ code: 'custom', message: `${problems.join('; ')} (categories: ${APPEAL_CATEGORIES.join(', ')}; e.g. 审批=10,融资=7)` });
    return z.NEVER;
  }
  return Object.freeze(days);
}

/** Reads DATABASE_URL: `postgres://…`, `pglite:` / `pglite:DIR`, `sqlite:FILE` or a plain file path. */
export function parseDatabaseTarget(value: string): DatabaseTarget {
  if (/^postgres(ql)?:\/\//.test(value)) return { engine: 'postgres', url: value };
  if (value.startsWith('pglite:')) {
    const dir = value.slice('pglite:'.length);
    return { engine: 'pglite', path: dir === '' ? undefined : resolve(dir) };
  }
  const path = value.startsWith('sqlite:') ? value.slice('sqlite:'.length) : value;
  if (path === '') throw new Error('DATABASE_URL: an SQLite file path is required after "sqlite:"');
  return { engine: 'sqlite', path: path === ':memory:' ? path : resolve(path) };
}

/** Builds the configuration from an environment; throws with every problem listed. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Readonly<Config> {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const e = parsed.data;
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    workers: e.WORKERS ?? availableParallelism(),
    logLevel: e.LOG_LEVEL,
    database: parseDatabaseTarget(e.DATABASE_URL),
    seedFile: resolve(e.SEED_FILE),
    site: Object.freeze({
      siteName: e.SITE_NAME,
      hostOrganisation: e.SITE_HOST_ORGANISATION,
      organiser: e.SITE_ORGANISER,
      siteCode: e.SITE_CODE,
      icpNumber: e.SITE_ICP_NUMBER,
      publicSecurityNumber: e.SITE_PUBLIC_SECURITY_NUMBER,
      // A site with a 网站标识码 is registered with the national 找错 platform, whose form for it
      // has a fixed address: derived, so the required entry is there unless another is configured.
      errorReportUrl: e.SITE_ERROR_REPORT_URL ?? (e.SITE_CODE === undefined ? undefined : errorReportUrlFor(e.SITE_CODE)),
    }),
    contact: Object.freeze({
      office: e.CONTACT_OFFICE,
      address: e.CONTACT_ADDRESS,
      phone: e.CONTACT_PHONE,
      email: e.CONTACT_EMAIL,
      hours: e.CONTACT_HOURS,
    }),
    trustProxy: e.TRUST_PROXY === 'true',
    publicOrigin: e.PUBLIC_ORIGIN,
    passwordPolicy: e.PASSWORD_POLICY,
    metricsToken: e.METRICS_TOKEN,
    insightsPublic: e.INSIGHTS_PUBLIC,
    apiRequestsPerMinute: e.API_RATE_LIMIT,
    calendarDir: e.CALENDAR_DIR === undefined ? DEFAULT_CALENDAR_DIR : resolve(e.CALENDAR_DIR),
    appealWorkingDays: e.APPEAL_WORKING_DAYS,
    smtp: e.SMTP_URL === undefined || e.SMTP_FROM === undefined ? undefined : Object.freeze({ url: e.SMTP_URL, from: e.SMTP_FROM }),
    questionWorkingDays: e.QUESTION_WORKING_DAYS,
    uploads: Object.freeze({
      maxBytes: e.UPLOAD_MAX_BYTES,
      store: Object.freeze(
        e.UPLOAD_S3_BUCKET === undefined
          ? { kind: 'local' as const, dir: resolve(e.UPLOAD_DIR) }
          : {
              kind: 's3' as const,
              endpoint: e.UPLOAD_S3_ENDPOINT,
              bucket: e.UPLOAD_S3_BUCKET,
              region: e.UPLOAD_S3_REGION,
              accessKeyId: e.UPLOAD_S3_ACCESS_KEY_ID!,
              secretAccessKey: e.UPLOAD_S3_SECRET_ACCESS_KEY!,
              prefix: e.UPLOAD_S3_PREFIX ?? '',
            },
      ),
    }),
    pageCacheMaxBytes: e.PAGE_CACHE_MAX_BYTES,
  });
}

/** Test-only environment knobs, read here so that no other module touches process.env. */
export const testEnvironment = Object.freeze({
  postgresUrl: process.env.ZHAOSHANG_TEST_PG_URL || undefined,
  chromiumPath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  ci: process.env.CI === 'true',
  /** Where the layout tests save their screenshots; a fresh temporary folder when unset. */
  screenshotDir: process.env.ZHAOSHANG_SCREENSHOT_DIR || undefined,
});
