import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { randomSource } from '../../test/helpers/random.ts';
import { segmenter } from '../../test/helpers/seed.ts';
import { testDialects, withTestDb } from '../../test/helpers/test-db.ts';
import type { ConsoleUser } from '../accounts/account.ts';
import { COMMAND_LINE } from '../audit/audit.service.ts';
import type { Db } from '../db/database.ts';
import { bumpContentVersion, currentContentVersion } from '../db/site-state.store.ts';
import { POLICY_LEVELS, POLICY_TOPICS, VALIDITIES } from './policy.ts';
import { PolicyKeywordMatches } from './policy-keyword-matches.ts';
import { policyList, POLICY_PAGE_SIZE, savePolicy, type PolicyQuery, type PolicySearch } from './policy.service.ts';

const ADMIN: ConsoleUser = { id: 1, name: 'admin', roles: ['admin'], channels: [], mustChangePassword: false };
/** Beijing 2026-11-30 09:00. */
const NOW = new Date('2026-11-30T01:00:00.000Z');
const CHANNELS = ['nanchang', 'donghu', 'xihu'];
// Words that overlap (招商 inside 招商引资) and one that appears nowhere.
const WORDS = ['招商', '招商引资', '新能源', '汽车', '补贴', '人才', '园区', '东湖', '数字经济', '量子'];

for (const dialect of testDialects()) {
  describe(`policy matches kept in memory on ${dialect.name}`, () => {
    it('page and count every combination of words and filters exactly as the engine does', () =>
      withTestDb(dialect, async (opened) => {
        const { db } = opened;
        const random = randomSource(20261130);
        const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
        const date = (from: number, span: number) => new Date(Date.UTC(2024, 0, 1 + from + Math.floor(random() * span))).toISOString().slice(0, 10);
        // More policies than a page holds, some sharing a 发布日期 (the id breaks the tie).
        for (let i = 0; i < 2 * POLICY_PAGE_SIZE + 7; i += 1) {
          const publishedOn = date(0, 700);
          const id = await savePolicy(
            db,
            ADMIN,
            COMMAND_LINE,
            undefined,
            {
              title: `政策${i} ${pick(WORDS.slice(0, 8))}`,
              docNumber: null,
              issuer: '南昌市人民政府',
              level: pick(POLICY_LEVELS),
              channel: pick(CHANNELS),
              topic: pick(POLICY_TOPICS),
              writtenOn: publishedOn,
              publishedOn,
              effectiveOn: date(300, 900),
              validUntil: random() < 0.5 ? null : date(600, 900),
              body: Array.from({ length: 4 }, () => pick(WORDS.slice(0, 8))).join(',') + '。',
            },
            NOW,
          );
          assert.equal(typeof id, 'number');
          const status = pick(['in_force', 'in_force', 'amended', 'repealed'] as const);
          if (status !== 'in_force')
            await db
              .updateTable('policy')
              .set({ status })
              .where('id', '=', id as number)
              .execute();
        }
        await bumpContentVersion(db);

        const engine: PolicySearch = { segmenter, words: opened.dialect.policyWords };
        const kept: PolicySearch = { ...engine, matches: new PolicyKeywordMatches(opened.dialect.policyWords, () => currentContentVersion(db)) };
        let nonEmpty = 0;
        for (let i = 0; i < 80; i += 1) {
          const query: PolicyQuery = { keyword: Array.from({ length: 1 + Math.floor(random() * 2) }, () => pick(WORDS)).join(' ') };
          // The list form sends a filter left open as an empty value.
          if (random() < 0.3) query.channel = pick([...CHANNELS, '']);
          if (random() < 0.2) query.topic = pick([...POLICY_TOPICS, '']);
          if (random() < 0.2) query.level = pick(POLICY_LEVELS);
          if (random() < 0.3) query.validity = pick(VALIDITIES);
          if (random() < 0.2) query.from = date(0, 400);
          if (random() < 0.2) query.to = date(300, 400);
          for (const page of [1, 2, 3]) {
            const expected = await policyList(db, engine, query, page, NOW);
            const actual = await policyList(db, kept, query, page, NOW);
            assert.deepEqual(actual, expected, `${JSON.stringify(query)} page ${page}`);
            if (page === 1 && expected.total > 0) nonEmpty += 1;
          }
        }
        assert.ok(nonEmpty > 25, `most queries find something (${nonEmpty} of 80)`);
      }));

    it('sees a change once the content version moves, and not before', () =>
      withTestDb(dialect, async (opened) => {
        const { db } = opened;
        const search: PolicySearch = {
          segmenter,
          words: opened.dialect.policyWords,
          matches: new PolicyKeywordMatches(opened.dialect.policyWords, () => currentContentVersion(db)),
        };
        const found = async () => (await policyList(db, search, { keyword: '招商' }, 1, NOW)).items.map((item) => item.id);
        const input = (title: string) => ({
          title,
          docNumber: null,
          issuer: '南昌市人民政府',
          level: '市',
          channel: 'nanchang',
          topic: '其他',
          writtenOn: '2025-01-01',
          publishedOn: '2025-01-01',
          effectiveOn: '2025-01-01',
          validUntil: null,
          body: '正文。',
        });
        const first = await savePolicy(db, ADMIN, COMMAND_LINE, undefined, input('招商政策一'), NOW);
        assert.deepEqual(await found(), [first]);
        // Saving through the service moves the content version: the new policy shows at once.
        const second = await savePolicy(db, ADMIN, COMMAND_LINE, undefined, { ...input('招商政策二'), publishedOn: '2025-02-01' }, NOW);
        assert.deepEqual(await found(), [second, first]);
        // A write that leaves the version alone is not seen until the version moves, like every
        // page kept for the version.
        await renameWithoutNewVersion(db, second as number, '其他政策');
        assert.deepEqual(await found(), [second, first], 'kept for the version');
        await bumpContentVersion(db);
        assert.deepEqual(await found(), [first]);
      }));
  });
}

async function renameWithoutNewVersion(db: Db, id: number, title: string): Promise<void> {
  await db.updateTable('policy').set({ title, search_text: title }).where('id', '=', id).execute();
}
