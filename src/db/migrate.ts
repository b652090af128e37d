// Applies the schema migrations in order. Migrations are only ever appended (STYLE.md 11).
import { Migrator, type Kysely, type Migration } from 'kysely';
import type { Db } from './database.ts';
import type { SqlDialect } from './dialect.ts';
import * as articles from './migrations/2026-11-29T00-00_articles.ts';
import * as search from './migrations/2026-11-29T01-00_search.ts';
import * as rateLimits from './migrations/2026-11-29T02-00_rate-limits.ts';
import * as participation from './migrations/2026-11-29T03-00_participation.ts';
import * as accounts from './migrations/2026-11-29T04-00_accounts.ts';
import * as articleEditing from './migrations/2026-11-29T05-00_article-editing.ts';
import * as insights from './migrations/2026-11-29T06-00_insights.ts';
import * as factCuration from './migrations/2026-11-29T07-00_fact-curation.ts';
import * as projectMilestones from './migrations/2026-11-29T08-00_project-milestones.ts';
import * as projectCuration from './migrations/2026-11-29T09-00_project-curation.ts';
import * as projectSourceIndex from './migrations/2026-11-29T10-00_project-source-index.ts';
import * as articleListIndexes from './migrations/2026-11-29T11-00_article-list-indexes.ts';
import * as contributionArticleKeys from './migrations/2026-11-29T12-10_contribution-article-keys.ts';
import * as contentVersionNotify from './migrations/2026-11-29T13-20_content-version-notify.ts';
import * as searchPlans from './migrations/2026-11-29T13-30_search-plans.ts';
import * as factReview from './migrations/2026-11-29T13-40_fact-review.ts';
import * as userRoles from './migrations/2026-11-29T14-10_user-roles.ts';
import * as caseTracking from './migrations/2026-11-29T14-20_case-tracking.ts';
import * as auditChannel from './migrations/2026-11-29T15-10_audit-channel.ts';
import * as sitemapIndexes from './migrations/2026-11-29T16-30_sitemap-indexes.ts';
import * as questions from './migrations/2026-11-30T02-00_questions.ts';
import * as appeals from './migrations/2026-11-30T05-00_appeals.ts';
import * as appealWorkingDays from './migrations/2026-11-30T06-00_appeal-working-days.ts';
import * as notifications from './migrations/2026-11-30T06-00_notifications.ts';
import * as policies from './migrations/2026-11-30T06-00_policies.ts';
import * as policySearchIndex from './migrations/2026-11-30T08-05_policy-search-index.ts';
import * as attachments from './migrations/2026-11-30T08-0A_attachments.ts';
import * as carrierLibrary from './migrations/2026-11-30T08-B0_carrier-library.ts';
import * as englishVersions from './migrations/2026-11-30T08-C0_english-versions.ts';
import * as appealCompanyAbroad from './migrations/2026-11-30T08-D0_appeal-company-abroad.ts';
import * as coveringArticleLists from './migrations/2026-11-30T08-F0_covering-article-lists.ts';
import * as articleRelated from './migrations/2026-11-30T08-H0_article-related.ts';
import * as coveringPolicyLists from './migrations/2026-11-30T12-A0_covering-policy-lists.ts';
import * as searchPairs from './migrations/2026-12-01T03-00_search-pairs.ts';

type DialectMigration = { up(db: Kysely<unknown>, dialect: SqlDialect): Promise<void> };

/** Every migration by name; names sort in the order they must run. */
const migrations: Record<string, DialectMigration> = {
  '2026-11-29T00-00_articles': articles,
  '2026-11-29T01-00_search': search,
  '2026-11-29T02-00_rate-limits': rateLimits,
  '2026-11-29T03-00_participation': participation,
  '2026-11-29T04-00_accounts': accounts,
  '2026-11-29T05-00_article-editing': articleEditing,
  '2026-11-29T06-00_insights': insights,
  '2026-11-29T07-00_fact-curation': factCuration,
  '2026-11-29T08-00_project-milestones': projectMilestones,
  '2026-11-29T09-00_project-curation': projectCuration,
  '2026-11-29T10-00_project-source-index': projectSourceIndex,
  '2026-11-29T11-00_article-list-indexes': articleListIndexes,
  '2026-11-29T12-10_contribution-article-keys': contributionArticleKeys,
  '2026-11-29T13-20_content-version-notify': contentVersionNotify,
  '2026-11-29T13-30_search-plans': searchPlans,
  '2026-11-29T13-40_fact-review': factReview,
  '2026-11-29T14-10_user-roles': userRoles,
  '2026-11-29T14-20_case-tracking': caseTracking,
  '2026-11-29T15-10_audit-channel': auditChannel,
  '2026-11-29T16-30_sitemap-indexes': sitemapIndexes,
  '2026-11-30T02-00_questions': questions,
  '2026-11-30T05-00_appeals': appeals,
  '2026-11-30T06-00_appeal-working-days': appealWorkingDays,
  '2026-11-30T06-00_notifications': notifications,
  '2026-11-30T06-00_policies': policies,
  '2026-11-30T08-05_policy-search-index': policySearchIndex,
  '2026-11-30T08-0A_attachments': attachments,
  '2026-11-30T08-B0_carrier-library': carrierLibrary,
  '2026-11-30T08-C0_english-versions': englishVersions,
  '2026-11-30T08-D0_appeal-company-abroad': appealCompanyAbroad,
  '2026-11-30T08-F0_covering-article-lists': coveringArticleLists,
  '2026-11-30T08-H0_article-related': articleRelated,
  '2026-11-30T12-A0_covering-policy-lists': coveringPolicyLists,
  '2026-12-01T03-00_search-pairs': searchPairs,
};

/** The names of every migration this version has, in the order they run. */
export const migrationNames: readonly string[] = Object.keys(migrations);

/** The migrator over this code's migrations, keeping its records in the database's current schema. */
async function migratorFor(db: Db, dialect: SqlDialect): Promise<Migrator> {
  const provided: Record<string, Migration> = {};
  for (const [name, migration] of Object.entries(migrations)) {
    provided[name] = { up: (trx) => migration.up(trx, dialect) };
  }
  // Named explicitly: without a schema, Kysely looks for its migration tables in every schema of
  // the database, and one found in another schema (another installation, or another test on the
  // same server) makes it skip creating its own and fail.
  const migrationTableSchema = await dialect.currentSchema(db);
  return new Migrator({ db, provider: { getMigrations: async () => provided }, migrationTableSchema });
}

// Kysely's migrator looks for its own tables by introspecting every schema of the database
// (kysely-org/kysely#1419), calling pg_get_serial_sequence on each table it lists. A schema that
// another installation or test drops between the listing and that call fails the whole query with
// invalid_schema_name or undefined_table, though nothing of ours changed: then we simply ask again.
const CATALOG_RACE_CODES = new Set(['3F000', '42P01']);
const CATALOG_RACE_ATTEMPTS = 5;

/** True for the error another schema's concurrent drop gives a catalog-wide introspection. */
export function isCatalogRace(error: unknown): boolean {
  return typeof error === 'object' && error !== null && CATALOG_RACE_CODES.has(String((error as { code?: unknown }).code));
}

/** Runs `attempt` again (up to 5 times) while it fails only because another schema was dropped. */
export async function retryingCatalogRaces<T>(attempt: () => Promise<T>, failedByRace: (result: T) => boolean = () => false): Promise<T> {
  for (let tries = 1; ; tries += 1) {
    try {
      const result = await attempt();
      if (tries < CATALOG_RACE_ATTEMPTS && failedByRace(result)) continue;
      return result;
    } catch (error) {
      if (tries >= CATALOG_RACE_ATTEMPTS || !isCatalogRace(error)) throw error;
    }
  }
}

/** The names of the migrations already applied to the database, in order; none for a new one. */
export async function appliedMigrationNames(db: Db, dialect: SqlDialect): Promise<string[]> {
  const migrator = await migratorFor(db, dialect);
  const known = await retryingCatalogRaces(() => migrator.getMigrations());
  return known.filter((migration) => migration.executedAt !== undefined).map((migration) => migration.name);
}

/**
 * Brings the schema up to date, or only up to the migration named `upTo` (a restore loads a backup
 * into the schema it was made with, then migrates its rows forward); each migration runs in its
 * own transaction. Returns the names of the migrations it applied.
 */
export async function migrateToLatest(db: Db, dialect: SqlDialect, upTo?: string): Promise<string[]> {
  const migrator = await migratorFor(db, dialect);
  // A race shows before any migration ran (no result failed): the migrator stopped while looking for its tables.
  const { error, results } = await retryingCatalogRaces(
    () => (upTo === undefined ? migrator.migrateToLatest() : migrator.migrateTo(upTo)),
    (outcome) => isCatalogRace(outcome.error) && !outcome.results?.some((result) => result.status === 'Error'),
  );
  const failed = results?.find((result) => result.status === 'Error');
  if (error) {
    const where = failed ? ` (migration ${failed.migrationName})` : '';
    throw new Error(`Database migration failed${where}: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  return (results ?? []).filter((result) => result.status === 'Success').map((result) => result.migrationName);
}

/** The names of this code's migrations the database has not applied, in order; reads only. */
export async function pendingMigrations(db: Db, dialect: SqlDialect): Promise<string[]> {
  const migrator = await migratorFor(db, dialect);
  return (await retryingCatalogRaces(() => migrator.getMigrations()))
    .filter((migration) => migration.executedAt === undefined)
    .map((migration) => migration.name);
}
