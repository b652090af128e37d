// The web application over a fresh test database holding the seed articles.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { passwordPolicy } from '../../src/accounts/password-policy.ts';
import { createApp, type AppDeps } from '../../src/app.ts';
import type { OpenDb } from '../../src/db/connect.ts';
import { PageCache } from '../../src/http/page-cache.ts';
import { loadWorkingCalendar } from '../../src/calendar/working-calendar.ts';
import { PortalMetrics } from '../../src/ops/portal-metrics.ts';
import { loadConfig, type SiteIdentity } from '../../src/config.ts';
import { importSeedFile } from '../../src/importer/importer.service.ts';
import { SEED_FILE, writingFor } from './seed.ts';
import { testSite } from './test-chrome.ts';
import { testDialects, type TestDialect } from './test-db.ts';
import { localBlobStore } from '../../src/uploads/local-blob-store.ts';
import type { Uploads } from '../../src/uploads/attachment.service.ts';
import { DEFAULT_UPLOAD_MAX_BYTES } from '../../src/config.ts';

/** One folder of uploaded files for the test apps of this process, removed when it exits. */
const testUploadDir = mkdtempSync(join(tmpdir(), 'zs-uploads-'));
process.on('exit', () => rmSync(testUploadDir, { recursive: true, force: true }));

/** The uploads of the test apps: a local store in a temporary folder, the default size limit. */
export const testUploads: Uploads = { blobs: localBlobStore(testUploadDir), maxBytes: DEFAULT_UPLOAD_MAX_BYTES };

/** The holiday arrangements the project ships, read once for every test app. */
export const shippedCalendar = loadWorkingCalendar();

/** The deadlines the tests assume: 5 working days (the default) except 审批 10 and 融资 7. */
export const TEST_APPEAL_WORKING_DAYS = loadConfig({ APPEAL_WORKING_DAYS: '审批=10,融资=7' }).appealWorkingDays;

/** A seeded app; `close()` removes its database. */
export async function openSeededApp(options: { dialect?: TestDialect; site?: Partial<SiteIdentity> } = {}) {
  const opened = await (options.dialect ?? testDialects()[0]!).open();
  await importSeedFile(opened.db, writingFor(opened), SEED_FILE);
  const deps = appDeps(opened, options.site);
  return { app: createApp(deps), pageCache: deps.pageCache, metrics: deps.metrics, ...opened };
}

/** Everything createApp needs, over an open test database. */
export function appDeps(opened: OpenDb, site: Partial<SiteIdentity> = {}): AppDeps {
  const logger = pino({ level: 'silent' });
  const pageCache = new PageCache(opened.contentVersion);
  return {
    db: opened.db,
    dialect: opened.dialect,
    ...writingFor(opened),
    logger,
    site: { ...testSite, ...site },
    contact: { office: '南昌市投资促进局', address: '南昌市红谷滩区卧龙路999号', phone: '0791-88888888', email: undefined, hours: '工作日 9:00-17:00' },
    // Tests name the client in X-Forwarded-For, as the proxy would.
    trustProxy: true,
    publicOrigin: undefined,
    passwordPolicy: passwordPolicy('modern'),
    pageCache,
    metrics: new PortalMetrics({ db: opened.db, pageCache, databaseLoad: opened.load, logger }),
    metricsToken: undefined,
    insightsPublic: 'marked',
    apiRateLimit: { name: 'api', max: 120, windowSeconds: 60 },
    calendar: shippedCalendar,
    appealWorkingDays: TEST_APPEAL_WORKING_DAYS,
    mailer: undefined,
    uploads: testUploads,
  };
}

/** The text content of the first element matching a simple tag/class pattern, for assertions. */
export function textOf(html: string, pattern: RegExp): string | undefined {
  const match = pattern.exec(html);
  return match?.[1]?.replace(/<[^>]+>/g, '').trim();
}
