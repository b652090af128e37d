// Every environment variable the product reads, parsed once and frozen.
// The only module that touches process.env (STYLE.md convention 10).
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { z } from 'zod';
import type { PasswordPolicyName } from './accounts/password-policy.ts';

/** Where the articles live: an embedded SQLite file, a PostgreSQL server, or PGlite (development). */
export type DatabaseTarget = { engine: 'sqlite'; path: string } | { engine: 'postgres'; url: string } | { engine: 'pglite'; path: string | undefined };

/** Identity lines that Chinese government sites must show in their footer. */
export interface SiteIdentity {
  siteName: string;
  hostOrganisation: string | undefined;
  siteCode: string | undefined;
  icpNumber: string | undefined;
  publicSecurityNumber: string | undefined;
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
}

/**
 * `confirmed`: public pages show only figures an editor confirmed or corrected; `marked` (default):
 * the others too, each marked 系统识别，待核实 with its sentence.
 */
export type InsightsPublic = 'confirmed' | 'marked';

const METRICS_TOKEN_MIN_LENGTH = 32;

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const environmentSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  WORKERS: z.coerce.number().int().min(1).max(256).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: z.string().default('data/zhaoshang.db'),
  SEED_FILE: z.string().default('data/seed/articles.txt'),
  SITE_NAME: z.string().trim().min(1).default('南昌招商'),
  SITE_HOST_ORGANISATION: optionalText,
  SITE_CODE: optionalText,
  SITE_ICP_NUMBER: optionalText,
  SITE_PUBLIC_SECURITY_NUMBER: optionalText,
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
  // Long enough not to be guessed, and only characters a Bearer header carries as they are.
  METRICS_TOKEN: optionalText.pipe(
    z
      .string()
      .min(METRICS_TOKEN_MIN_LENGTH, `must be at least ${METRICS_TOKEN_MIN_LENGTH} characters (for example: openssl rand -hex 32)`)
      .regex(/^[A-Za-z0-9._~+/-]+=*$/, 'may hold only letters, digits and . _ ~ + / - (then = padding), as a Bearer token does')
      .optional(),
  ),
});

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
      siteCode: e.SITE_CODE,
      icpNumber: e.SITE_ICP_NUMBER,
      publicSecurityNumber: e.SITE_PUBLIC_SECURITY_NUMBER,
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
