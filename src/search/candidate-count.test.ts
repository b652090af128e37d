// SearchIndex.find takes the total from the ranked candidates when they hold every match, and asks
// for a count only when they may not: its pages and totals must be those of counting first.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Db } from '../db/database.ts';
import type { SearchFilter, SearchSql } from '../db/search-sql.ts';
import { importSeedText } from '../importer/importer.service.ts';
import { randomSource } from '../../test/helpers/random.ts';
import { segmenter, writingFor } from '../../test/helpers/seed.ts';
import { testDialects, withTestDb } from '../../test/helpers/test-db.ts';
import { SearchIndex } from './search-index.ts';
import { isQueryProblem, parseQuery } from './search-query.ts';

const WORDS = ['光伏', '物流', '融资', '储能', '半导体', '氢能源', '数字经济', '跨境电商'];
const TAGS = ['【东湖区招商】', '【西湖区招商】', '【南昌招商】'];
const CHANNELS = ['donghu', 'xihu'];
// Small, so that a query of a common word has more matches than candidates and a rare one fewer.
const CANDIDATES = 8;

/** 80 articles of one to four corpus words each, common words more often, over three channels. */
function corpus(random: () => number): string {
  const word = () => WORDS[Math.floor(WORDS.length * random() * random())]!;
  return Array.from({ length: 80 }, (_, i) => {
    const words = Array.from({ length: 1 + Math.floor(random() * 4) }, word);
    const day = `2025-0${1 + (i % 9)}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
    return `-\n${TAGS[i % TAGS.length]}第${i + 1}期${random() < 0.3 ? words[0] : ''}快讯\n园区${words.join(',')}项目签约。\n${day}`;
  }).join('\n');
}

/** What find returned when it counted the matches first (the code before candidates were counted). */
async function countingFirst(db: Db, engine: SearchSql, filter: SearchFilter, candidates: number, page: { limit: number; offset: number }) {
  const total = await engine.count(db, filter);
  if (total === 0 || page.offset >= total) return { total, ids: [] };
  const ranked =
    page.offset < candidates
      ? (await engine.ranked(db, filter, { candidates, limit: Math.min(page.limit, candidates - page.offset), offset: page.offset })).ids
      : [];
  if (ranked.length === page.limit || total <= candidates) return { total, ids: ranked };
  const bound = await engine.nthNewestId(db, filter, candidates);
  const older = await engine.newestBelow(db, filter, { belowId: bound!, limit: page.limit - ranked.length, offset: Math.max(0, page.offset - candidates) });
  return { total, ids: [...ranked, ...older] };
}

for (const dialect of testDialects()) {
  describe(`search totals from counted candidates on ${dialect.name}`, () => {
    it('gives the pages and totals of counting first, on 200 generated searches with filters', () =>
      withTestDb(dialect, async (opened) => {
        const random = randomSource(20260);
        const writing = writingFor(opened);
        await importSeedText(opened.db, writing, corpus(random));
        const engine = opened.dialect.search;
        const index = new SearchIndex(segmenter, engine, CANDIDATES);
        const seen = { fewerThanCandidates: 0, more: 0, pastTheEnd: 0 };
        for (let i = 0; i < 200; i += 1) {
          const text = Array.from({ length: 1 + Math.floor(random() * 2) }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' ');
          const query = parseQuery(text, segmenter);
          if (isQueryProblem(query)) assert.fail(query.message);
          const filter: SearchFilter = {
            match: query.match,
            channel: random() < 0.3 ? CHANNELS[Math.floor(random() * CHANNELS.length)] : undefined,
            ...(random() < 0.3 ? { from: '2025-02-01', to: '2025-07-31' } : {}),
          };
          const page = { limit: 1 + Math.floor(random() * 5), offset: Math.floor(random() * 4) * 4 };
          const found = await index.find(opened.db, filter, page);
          const expected = await countingFirst(opened.db, engine, filter, CANDIDATES, page);
          assert.deepEqual(found, expected, `${text} ${JSON.stringify({ ...filter, match: undefined })} ${JSON.stringify(page)}`);
          if (expected.total < CANDIDATES) seen.fewerThanCandidates += 1;
          else seen.more += 1;
          if (page.offset > 0 && page.offset >= expected.total) seen.pastTheEnd += 1;
        }
        // Both ways of knowing the total, and pages past the last match, were exercised.
        assert.ok(seen.fewerThanCandidates >= 20 && seen.more >= 20 && seen.pastTheEnd >= 5, JSON.stringify(seen));
      }));
  });
}
