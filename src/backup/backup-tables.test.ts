import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ColumnKind } from '../db/backup-table.ts';
import { testDialects, withTestDb } from '../../test/helpers/test-db.ts';
import { retryingCatalogRaces } from '../db/migrate.ts';
import { BACKUP_TABLES } from './backup-tables.ts';

// The column types each engine reports for a kind (Kysely's introspection).
const KIND_OF_TYPE: Record<string, ColumnKind> = {
  integer: 'integer',
  int4: 'integer',
  int8: 'integer',
  'double precision': 'real',
  float8: 'real',
  text: 'text',
};

// The search indexes are derived: each engine has its own tables for them (FTS5's shadow tables,
// the tsvector table, what a rebuild keeps while it runs) and a restore rebuilds them (the policy
// index through its triggers, as the restored policies are written). The related-article lists
// (article_search_related) are derived from the index too, and computed again by the rebuild.
const isSearchIndexTable = (name: string) => name.startsWith('article_search') || name.startsWith('policy_search');

for (const dialect of testDialects()) {
  describe(`the tables backups copy, on ${dialect.name}`, () => {
    it('are every table and column of the schema, with the kind the engine stores', () =>
      withTestDb(dialect, async ({ db, dialect: sqlDialect }) => {
        const schema = await sqlDialect.currentSchema(db);
        // Kysely introspects every schema of the server; other tests drop theirs meanwhile.
        const tables = (await retryingCatalogRaces(() => db.introspection.getTables())).filter(
          (table) => table.schema === schema && !isSearchIndexTable(table.name),
        );
        const actual = Object.fromEntries(
          tables.map((table) => [
            table.name,
            Object.fromEntries(table.columns.map((column) => [column.name, KIND_OF_TYPE[column.dataType.toLowerCase()] ?? column.dataType])),
          ]),
        );
        const declared = Object.fromEntries(BACKUP_TABLES.map((table) => [table.name, table.columns]));
        assert.deepEqual(declared, actual, 'a table or column is missing from the backup declarations (see src/db/backup-table.ts)');
      }));
  });
}

it('lists each table once, after the tables it refers to, keyed by existing columns', () => {
  const names = BACKUP_TABLES.map((table) => table.name);
  assert.equal(new Set(names).size, names.length);
  const before = (a: string, b: string) => names.indexOf(a) < names.indexOf(b);
  for (const [parent, child] of [
    ['article', 'article_revision'],
    ['article', 'indicator_fact'],
    ['article', 'project_source'],
    ['project', 'project_source'],
    ['project', 'project_milestone'],
    ['app_user', 'user_role'],
    ['app_user', 'user_channel'],
    ['app_user', 'session'],
  ]) {
    assert.ok(before(parent!, child!), `${parent} before ${child}`);
  }
  for (const table of BACKUP_TABLES) {
    for (const column of [...table.key, ...(table.autoIncrement ? [table.autoIncrement] : [])]) assert.ok(column in table.columns, `${table.name}.${column}`);
  }
});
