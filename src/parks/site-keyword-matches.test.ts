import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { randomSource } from '../../test/helpers/random.ts';
import { segmenter } from '../../test/helpers/seed.ts';
import { testDialects, withTestDb } from '../../test/helpers/test-db.ts';
import type { ConsoleUser } from '../accounts/account.ts';
import { COMMAND_LINE } from '../audit/audit.service.ts';
import type { Db } from '../db/database.ts';
import { bumpContentVersion, currentContentVersion } from '../db/site-state.store.ts';
import { SITE_KINDS, type SiteInput } from './site.ts';
import { SiteKeywordMatches } from './site-keyword-matches.ts';
import { SITE_PAGE_SIZE, saveSite, siteList, type SiteQuery } from './site.service.ts';

const ADMIN: ConsoleUser = { id: 1, name: 'admin', roles: ['admin'], channels: [], mustChangePassword: false };
const NOW = new Date('2026-11-30T01:00:00.000Z');
const CHANNELS = ['donghu', 'xihu', 'honggutan'];
const INDUSTRY_CODES = ['C', 'I', 'M', 'Z'];
// Words that overlap (数字 inside 数字经济), one in Latin letters (folded to lower case) and one that appears nowhere.
const WORDS = ['数字', '数字经济', '地铁', '厂房', '新能源', '汽车', '滨江', 'AI', '量子'];

const site = (name: string, fields: Partial<SiteInput> = {}): SiteInput => ({
  kind: 'building',
  name,
  channel: 'donghu',
  address: '某路 1 号',
  industries: [],
  areaM2: 1000,
  areaMu: null,
  advantages: '交通便利。',
  contactName: '陈敏',
  contactPhone: '0791-8888 0001',
  grade: null,
  floors: null,
  vacantM2: null,
  rentMin: null,
  rentMax: null,
  propertyFee: null,
  landUse: null,
  plotRatioMin: null,
  plotRatioMax: null,
  landStatus: null,
  confirmedOn: '2026-11-01',
  ...fields,
});

for (const dialect of testDialects()) {
  describe(`site matches kept in memory on ${dialect.name}`, () => {
    it('page and count every combination of words and filters exactly as the engine does', () =>
      withTestDb(dialect, async (opened) => {
        const { db } = opened;
        const random = randomSource(20261130);
        const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
        // More sites than a page holds, some changed at the same instant (the id breaks the tie).
        for (let i = 0; i < 2 * SITE_PAGE_SIZE + 7; i += 1) {
          const changedAt = new Date(NOW.getTime() - Math.floor(random() * 20) * 60_000);
          const id = await saveSite(
            db,
            ADMIN,
            COMMAND_LINE,
            undefined,
            site(`载体${i} ${pick(WORDS.slice(0, 8))}`, {
              kind: pick(SITE_KINDS),
              channel: pick(CHANNELS),
              industries: INDUSTRY_CODES.filter(() => random() < 0.4),
              areaM2: Math.round(random() * 100_000) / 100,
              address: `${pick(WORDS.slice(0, 8))}路 ${i} 号`,
              advantages: `${pick(WORDS.slice(0, 8))},${pick(WORDS.slice(0, 8))}。`,
            }),
            changedAt,
          );
          assert.equal(typeof id, 'number');
        }

        const matches = new SiteKeywordMatches(db, () => currentContentVersion(db));
        let nonEmpty = 0;
        for (let i = 0; i < 80; i += 1) {
          const query: SiteQuery = { keyword: Array.from({ length: 1 + Math.floor(random() * 2) }, () => pick(WORDS)).join(' ') };
          // The list form sends a filter left open as an empty value.
          if (random() < 0.4) query.channel = pick([...CHANNELS, '']);
          if (random() < 0.2) query.kind = pick(SITE_KINDS);
          if (random() < 0.2) query.industry = pick(INDUSTRY_CODES);
          if (random() < 0.2) query.areaMin = Math.round(random() * 50_000) / 100;
          if (random() < 0.2) query.areaMax = Math.round(random() * 100_000) / 100;
          for (const page of [1, 2, 3]) {
            const expected = await siteList(db, segmenter, query, page, NOW);
            const actual = await siteList(db, segmenter, query, page, NOW, matches);
            assert.deepEqual(actual, expected, `${JSON.stringify(query)} page ${page}`);
            if (page === 1 && expected.total > 0) nonEmpty += 1;
          }
        }
        assert.ok(nonEmpty > 25, `most queries find something (${nonEmpty} of 80)`);
      }));

    it('sees a change once the content version moves, and not before', () =>
      withTestDb(dialect, async (opened) => {
        const { db } = opened;
        const matches = new SiteKeywordMatches(db, () => currentContentVersion(db));
        const found = async () => (await siteList(db, segmenter, { keyword: '滨江' }, 1, NOW, matches)).items.map((item) => item.id);
        assert.deepEqual(await found(), [], 'no site yet');
        const first = await saveSite(db, ADMIN, COMMAND_LINE, undefined, site('滨江大厦'), NOW);
        // Saving through the service moves the content version: the new site shows at once.
        assert.deepEqual(await found(), [first]);
        const second = await saveSite(db, ADMIN, COMMAND_LINE, undefined, site('滨江厂房'), new Date(NOW.getTime() + 60_000));
        assert.deepEqual(await found(), [second, first]);
        // A write that leaves the version alone is not seen until the version moves, like every
        // page kept for the version.
        await renameWithoutNewVersion(db, second as number, '其他厂房');
        assert.deepEqual(await found(), [second, first], 'kept for the version');
        await bumpContentVersion(db);
        assert.deepEqual(await found(), [first]);
      }));
  });
}

async function renameWithoutNewVersion(db: Db, id: number, name: string): Promise<void> {
  await db.updateTable('site').set({ name, search_text: name }).where('id', '=', id).execute();
}
