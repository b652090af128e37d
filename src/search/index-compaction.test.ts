// Merging the full-text indexes: searches find the same before and after, the merge is recorded
// and falls due again after enough content changes, and the background pass does it by itself.
// On SQLite every import and policy save leaves segments to merge; PostgreSQL has none.
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { describe, it } from 'node:test';
import pino from 'pino';
import type { ConsoleUser } from '../accounts/account.ts';
import { COMMAND_LINE } from '../audit/audit.service.ts';
import type { OpenDb } from '../db/connect.ts';
import { importSeedText } from '../importer/importer.service.ts';
import { savePolicy, policyList } from '../policies/policy.service.ts';
import { segmenter, writingFor } from '../../test/helpers/seed.ts';
import { testDialects, withTestDb } from '../../test/helpers/test-db.ts';
import { COMPACT_AFTER_CHANGES, compactionDue, compactSearchIndexes, compactSearchIndexesInBackground } from './index-compaction.ts';
import { isQueryProblem, parseQuery } from './search-query.ts';
import { searchArticles } from './search.service.ts';

const ADMIN: ConsoleUser = { id: 1, name: 'admin', roles: ['admin'], channels: [], mustChangePassword: false };
const WORDS = ['园区', '项目', '签约', '高新区', '招商'];
const PLACES = ['东湖区', '西湖区', '青云谱区', '高新区', '红谷滩区'];

/** Articles and policies written in many separate transactions, as a site's editors write them. */
async function writeInManyTransactions(opened: OpenDb, rounds: number): Promise<void> {
  const writing = writingFor(opened);
  for (let round = 0; round < rounds; round += 1) {
    const place = PLACES[round % PLACES.length]!;
    const day = `2025-03-${String(1 + round).padStart(2, '0')}`;
    await importSeedText(
      opened.db,
      writing,
      [`-\n【南昌招商】${place}第${round + 1}批项目签约\n${place}园区签约项目${round + 3}个,招商引资持续推进。\n${day}`].join('\n'),
    );
    await savePolicy(opened.db, ADMIN, COMMAND_LINE, undefined, {
      title: `${place}支持园区项目建设的若干措施(第${round + 1}号)`,
      docNumber: `洪府发〔2025〕${round + 1}号`,
      issuer: '南昌市人民政府',
      level: '市',
      channel: 'nanchang',
      topic: '产业扶持',
      writtenOn: day,
      publishedOn: day,
      effectiveOn: day,
      validUntil: null,
      body: `为加快${place}园区项目建设,现就招商签约项目给予支持。`,
    });
  }
}

/** What readers would find for each word: the articles' ids in order, and the policies' ids. */
async function found(opened: OpenDb): Promise<Array<{ articles: number[]; policies: number[] }>> {
  const writing = writingFor(opened);
  const results = [];
  for (const word of WORDS) {
    const query = parseQuery(word, writing.searchIndex.segmenter);
    if (isQueryProblem(query)) assert.fail(query.message);
    const articles = await searchArticles(opened.db, writing.searchIndex, query, { page: 1 });
    const policies = await policyList(opened.db, { segmenter, words: opened.dialect.policyWords }, { keyword: word }, 1);
    results.push({ articles: articles.hits.map((hit) => hit.id), policies: policies.items.map((policy) => policy.id) });
  }
  return results;
}

/** A logger whose lines the test reads. */
function capturedLogger() {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
      done();
    },
  });
  return { logger: pino({ level: 'info' }, stream), lines };
}

for (const dialect of testDialects()) {
  const segments = dialect.name === 'sqlite';
  describe(`merging the search indexes on ${dialect.name}`, () => {
    it('finds the same before and after, records the version, and falls due again after enough changes', () =>
      withTestDb(dialect, async (opened) => {
        await writeInManyTransactions(opened, 12);
        const before = await found(opened);
        assert.ok(before.every((result) => result.articles.length > 0 && result.policies.length > 0));
        assert.equal(await compactionDue(opened.db, await opened.contentVersion()), true, 'never merged: due');

        // Each index has segments to merge on SQLite (a first step of each), none elsewhere.
        assert.equal(await opened.dialect.search.compactStep(opened.db), segments);
        assert.equal(await opened.dialect.policyWords.compactStep(opened.db), segments);
        await compactSearchIndexes(opened.db, opened.dialect, opened.contentVersion);
        assert.deepEqual(await found(opened), before);
        const version = await opened.contentVersion();
        assert.equal(await compactionDue(opened.db, version), false);
        assert.equal(await opened.dialect.search.compactStep(opened.db), false, 'the article index is one piece');
        assert.equal(await opened.dialect.policyWords.compactStep(opened.db), false, 'the policy index is one piece');
        assert.equal(await compactionDue(opened.db, version + COMPACT_AFTER_CHANGES - 1), false);
        assert.equal(await compactionDue(opened.db, version + COMPACT_AFTER_CHANGES), true);

        // Content written afterwards counts towards the next merge.
        await writeInManyTransactions(opened, 2);
        const now = await opened.contentVersion();
        assert.ok(now > version);
        assert.equal(await compactionDue(opened.db, now, now - version), true);
        assert.equal(await compactionDue(opened.db, now, now - version + 1), false);
      }));

    it('the background pass merges by itself and logs what it did', () =>
      withTestDb(dialect, async (opened) => {
        await writeInManyTransactions(opened, 8);
        const before = await found(opened);
        const { logger, lines } = capturedLogger();
        const timer = compactSearchIndexesInBackground(opened.db, opened.dialect, opened.contentVersion, logger);
        try {
          const deadline = Date.now() + 20_000;
          while (!lines.some((line) => line.msg === 'search indexes merged')) {
            assert.ok(Date.now() < deadline, 'merged within 20 s');
            await new Promise((resolve) => setTimeout(resolve, 100));
          }
        } finally {
          clearInterval(timer);
        }
        const merged = lines.find((line) => line.msg === 'search indexes merged')!;
        if (segments) assert.ok(Number(merged.steps) > 0);
        else assert.equal(merged.steps, 0);
        assert.equal(await compactionDue(opened.db, await opened.contentVersion()), false);
        assert.equal(await opened.dialect.search.compactStep(opened.db), false);
        assert.equal(await opened.dialect.policyWords.compactStep(opened.db), false);
        assert.deepEqual(await found(opened), before);
      }));
  });
}
