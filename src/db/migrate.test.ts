import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { testDialects, withTestDb } from '../../test/helpers/test-db.ts';
import { indicatorRows } from '../insights/insight.service.ts';
import { writingFor } from '../../test/helpers/seed.ts';
import { migrateToLatest } from './migrate.ts';
import { LEGACY_CONFIDENCE_REASON } from './migrations/2026-11-29T13-40_fact-review.ts';

for (const dialect of testDialects()) {
  describe(`migrations on ${dialect.name}`, () => {
    // On the PostgreSQL server each test has its own schema of one database. Kysely's migrator
    // once looked for its bookkeeping tables in every schema: finding another test's, it skipped
    // creating its own and failed ("kysely_migration_lock" does not exist).
    it('migrate a database while another one on the same server is already migrated, and then do nothing', async () => {
      const first = await dialect.open();
      try {
        const second = await dialect.open();
        try {
          const applied = () => sql<{ n: number }>`select count(*) as n from kysely_migration`.execute(second.db);
          const { rows } = await applied();
          assert.ok(Number(rows[0]!.n) > 0, 'the second database has its own migration records');
          await migrateToLatest(second.db, second.dialect);
          assert.deepEqual((await applied()).rows, rows);
        } finally {
          await second.close();
        }
      } finally {
        await first.close();
      }
    });

    it('gives facts read before #12 no place and a low confidence with its reason, and still shows them', () =>
      withTestDb(
        dialect,
        async (opened) => {
          const { db } = opened;
          await migrateToLatest(db, opened.dialect, '2026-11-29T12-10_contribution-article-keys');
          const at = '2026-01-01T00:00:00.000Z';
          const { id: articleId } = await db
            .insertInto('article')
            .values({ source_key: 'k', original_title: '【东湖区招商】报告', title: '报告', channel: 'donghu', body: '地区生产总值增长8%。', excerpt: '', published_on: '2026-01-01', created_at: at, updated_at: at })
            .returning('id')
            .executeTakeFirstOrThrow();
          await sql`insert into indicator_fact (article_id, channel, indicator, year, kind, value, unit, growth, stretch, sentence, extracted_key, curation)
            values (${articleId}, 'donghu', 'gdp', 2025, 'actual', null, null, 8, null, '地区生产总值增长8%', 'gdp|actual|地区生产总值增长8%', null)`.execute(db);

          await migrateToLatest(db, opened.dialect);
          const row = await db.selectFrom('indicator_fact').select(['place', 'period', 'qualifier', 'confidence', 'confidence_reasons', 'kind', 'growth']).executeTakeFirstOrThrow();
          assert.deepEqual({ ...row, growth: Number(row.growth) }, { place: null, period: null, qualifier: null, confidence: 'low', confidence_reasons: JSON.stringify([LEGACY_CONFIDENCE_REASON]), kind: 'actual', growth: 8 });
          const [shown] = await indicatorRows(db, writingFor(opened).channels, 'marked', 'donghu');
          assert.deepEqual([shown!.place, shown!.ownPlace, shown!.verified, shown!.confidence.reasons], ['东湖区', true, false, [LEGACY_CONFIDENCE_REASON]]);
          assert.deepEqual(await indicatorRows(db, writingFor(opened).channels, 'confirmed', 'donghu'), []);
        },
        { migrate: false },
      ));

    it('gives every user of one role the same role in the set of roles #13 brought, and no password to change', () =>
      withTestDb(
        dialect,
        async (opened) => {
          const { db } = opened;
          await migrateToLatest(db, opened.dialect, '2026-11-29T13-40_fact-review');
          const at = '2026-01-01T00:00:00.000Z';
          for (const [name, role] of [['admin', 'admin'], ['ed.xihu', 'editor'], ['rev.xihu', 'reviewer']]) {
            await sql`insert into app_user (name, role, password_hash, password_changed_at, created_at) values (${name}, ${role}, 'hash', ${at}, ${at})`.execute(db);
          }
          await migrateToLatest(db, opened.dialect);
          const roles = await db.selectFrom('user_role').innerJoin('app_user', 'app_user.id', 'user_role.user_id').select(['name', 'role', 'must_change_password']).orderBy('name').execute();
          assert.deepEqual(
            roles.map((row) => ({ ...row, must_change_password: Number(row.must_change_password) })),
            [
              { name: 'admin', role: 'admin', must_change_password: 0 },
              { name: 'ed.xihu', role: 'editor', must_change_password: 0 },
              { name: 'rev.xihu', role: 'reviewer', must_change_password: 0 },
            ],
          );
        },
        { migrate: false },
      ));
  });
}
