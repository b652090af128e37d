import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { testDialects, withTestDb } from '../../test/helpers/test-db.ts';
import { appealProgress } from '../appeals/appeal.service.ts';
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
            .values({
              source_key: 'k',
              original_title: '【东湖区招商】报告',
              title: '报告',
              channel: 'donghu',
              body: '地区生产总值增长8%。',
              excerpt: '',
              published_on: '2026-01-01',
              created_at: at,
              updated_at: at,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          await sql`insert into indicator_fact (article_id, channel, indicator, year, kind, value, unit, growth, stretch, sentence, extracted_key, curation)
            values (${articleId}, 'donghu', 'gdp', 2025, 'actual', null, null, 8, null, '地区生产总值增长8%', 'gdp|actual|地区生产总值增长8%', null)`.execute(
            db,
          );

          await migrateToLatest(db, opened.dialect);
          const row = await db
            .selectFrom('indicator_fact')
            .select(['place', 'period', 'qualifier', 'confidence', 'confidence_reasons', 'kind', 'growth'])
            .executeTakeFirstOrThrow();
          assert.deepEqual(
            { ...row, growth: Number(row.growth) },
            {
              place: null,
              period: null,
              qualifier: null,
              confidence: 'low',
              confidence_reasons: JSON.stringify([LEGACY_CONFIDENCE_REASON]),
              kind: 'actual',
              growth: 8,
            },
          );
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
          for (const [name, role] of [
            ['admin', 'admin'],
            ['ed.xihu', 'editor'],
            ['rev.xihu', 'reviewer'],
          ]) {
            await sql`insert into app_user (name, role, password_hash, password_changed_at, created_at) values (${name}, ${role}, 'hash', ${at}, ${at})`.execute(
              db,
            );
          }
          await migrateToLatest(db, opened.dialect);
          const roles = await db
            .selectFrom('user_role')
            .innerJoin('app_user', 'app_user.id', 'user_role.user_id')
            .select(['name', 'role', 'must_change_password'])
            .orderBy('name')
            .execute();
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

    it('keeps the credit code of requests from before companies abroad could file, which read as mainland ones', () =>
      withTestDb(
        dialect,
        async (opened) => {
          const { db } = opened;
          await migrateToLatest(db, opened.dialect, '2026-11-30T06-00_policies');
          await sql`insert into appeal (tracking_code, credit_code, enterprise_name, contact_name, contact_phone, channel, category, title, body, status, due_provisional, created_at)
            values ('SQ-2222-2222', '91110000802100433B', '东湖数字科技有限公司', '赵六', '13700137000', 'donghu', '融资', '续贷困难', '内容', 'received', 0, '2026-11-01T00:00:00.000Z')`.execute(
            db,
          );
          await migrateToLatest(db, opened.dialect);
          const filed = await appealProgress(db, 'SQ-2222-2222');
          assert.deepEqual(filed?.company, { kind: 'china', creditCode: '91110000802100433B' });
          const row = await db.selectFrom('appeal').select(['credit_code', 'registration_country', 'registration_number']).executeTakeFirstOrThrow();
          assert.deepEqual(row, { credit_code: '91110000802100433B', registration_country: null, registration_number: null });
        },
        { migrate: false },
      ));

    it('gives applications and messages from before #13 their own reference codes, and keeps one open application per company', () =>
      withTestDb(
        dialect,
        async (opened) => {
          const { db } = opened;
          await migrateToLatest(db, opened.dialect, '2026-11-29T13-40_fact-review');
          const at = '2026-01-01T00:00:00.000Z';
          for (const [company, code] of [
            ['甲公司', '9144030071526726XG'],
            ['乙公司', '91330100799655058B'],
          ]) {
            await sql`insert into enterprise_application (company_name, credit_code, industry, channel, planned_investment, contact_person, contact_mobile, description, status, created_at)
              values (${company}, ${code}, 'C', 'donghu', 100, '李四', '13800138000', '简介', 'pending', ${at})`.execute(db);
          }
          for (const subject of ['问题一', '问题二', '问题三']) {
            await sql`insert into contact_message (channel, subject, body, sender_name, sender_contact, status, created_at) values ('donghu', ${subject}, '内容', '王五', 'w@example.cn', 'open', ${at})`.execute(
              db,
            );
          }

          await migrateToLatest(db, opened.dialect);
          const applications = await db.selectFrom('enterprise_application').select(['tracking_code', 'registration_country', 'registration_number']).execute();
          const messages = await db.selectFrom('contact_message').select('tracking_code').execute();
          for (const { tracking_code } of applications) assert.match(tracking_code, /^RZ-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
          for (const { tracking_code } of messages) assert.match(tracking_code, /^LY-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
          assert.equal(new Set([...applications, ...messages].map((row) => row.tracking_code)).size, 5, 'every row its own code');
          assert.deepEqual(
            applications.map((row) => [row.registration_country, row.registration_number]),
            [
              [null, null],
              [null, null],
            ],
          );

          const pending = (credit: string, country: string | null, number: string | null) => ({
            tracking_code: `RZ-${Math.random()}`,
            company_name: '丙公司',
            credit_code: credit,
            registration_country: country,
            registration_number: number,
            industry: 'C',
            channel: 'donghu',
            planned_investment: 1,
            contact_person: null,
            contact_mobile: null,
            description: '简介',
            status: 'pending' as const,
            reject_reason: null,
            created_at: at,
            closed_at: null,
            purged_at: null,
          });
          await assert.rejects(
            db
              .insertInto('enterprise_application')
              .values(pending('9144030071526726XG', null, null))
              .execute(),
            'a second open application with the same credit code',
          );
          await db
            .insertInto('enterprise_application')
            .values(pending('', 'DE', 'HRB 1'))
            .execute();
          await db
            .insertInto('enterprise_application')
            .values(pending('', 'AT', 'HRB 1'))
            .execute();
          await assert.rejects(
            db
              .insertInto('enterprise_application')
              .values(pending('', 'DE', 'HRB 1'))
              .execute(),
            'a second open application with the same country and number',
          );
          await assert.rejects(
            db
              .insertInto('enterprise_application')
              .values({ ...pending('', 'FR', '1'), tracking_code: applications[0]!.tracking_code })
              .execute(),
            'codes are unique',
          );
        },
        { migrate: false },
      ));
  });
}
