// Property tests for the seed-format reader and the import: any text is read into blocks,
// rejections and stray text without throwing; a well-formed block reads back as written; an
// import of any text stores whole articles only, as many as it reports.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { countArticles } from '../articles/article.store.ts';
import type { OpenDb } from '../db/connect.ts';
import { anyChar, anyText } from '../../test/helpers/arbitraries.ts';
import { writingFor } from '../../test/helpers/seed.ts';
import { testDialects } from '../../test/helpers/test-db.ts';
import { importSeedText } from './importer.service.ts';
import { parseSeedText } from './seed-format.ts';

/** Lines shaped like the format's, mixed with arbitrary ones, so blocks both form and break. */
const seedLikeText = fc
  .tuple(
    fc.array(
      fc.oneof(
        { arbitrary: fc.constantFrom('-', '', '2025-07-30', '2025-02-30', '2025年7月30日', ' - ', '\uFEFF-', '-\r'), weight: 3 },
        { arbitrary: anyText(40), weight: 3 },
        { arbitrary: fc.string({ unit: anyChar, minLength: 1000, maxLength: 3000 }), weight: 1 },
      ),
      { maxLength: 40 },
    ),
    fc.constantFrom('\n', '\r\n'),
  )
  .map(([lines, eol]) => lines.join(eol));

/** A line the reader keeps as it is: trimmed, not a block start, not shaped like a date, no NUL. */
const textLine = anyText(60)
  .map((text) => text.replace(/[\r\n\u0000]/gu, ' ').trim())
  .filter((line) => line !== '' && line !== '-' && !/^\d{4}\s*[-/.年]/u.test(line) && line.replace(/^\uFEFF/u, '') === line);

describe('seed format (fast-check)', () => {
  it('reads any text into blocks, rejections and stray text, and never throws', () => {
    fc.assert(
      fc.property(fc.oneof(anyText(500), seedLikeText), (text) => {
        const lineCount = text.split('\n').length;
        for (const item of parseSeedText(text)) {
          if (item.kind === 'block') {
            assert.ok(item.block.title !== '' && item.block.body !== '');
            assert.match(item.block.date, /^\d{4}-\d{2}-\d{2}$/u);
          } else if (item.kind === 'rejected') assert.ok(item.rejection.reason !== '');
          const line = item.kind === 'block' ? item.block.line : item.kind === 'rejected' ? item.rejection.line : item.stray.line;
          assert.ok(line >= 1 && line <= lineCount);
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('reads well-formed blocks back as they were written', () => {
    const block = fc.record({
      title: textLine,
      body: fc.array(textLine, { minLength: 1, maxLength: 4 }),
      date: fc.date({ min: new Date('1990-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    });
    fc.assert(
      fc.property(fc.array(block, { minLength: 1, maxLength: 8 }), fc.constantFrom('\n', '\r\n'), (blocks, eol) => {
        const text = blocks.map(({ title, body, date }) => ['-', title, ...body, date].join(eol)).join(eol);
        const read = parseSeedText(text);
        assert.deepEqual(
          read.map((item) => item.kind),
          blocks.map(() => 'block'),
        );
        assert.deepEqual(
          read.map((item) => (item.kind === 'block' ? { title: item.block.title, body: item.block.body, date: item.block.date } : undefined)),
          blocks.map(({ title, body, date }) => ({ title, body: body.join('\n'), date })),
        );
      }),
      { numRuns: 1000 },
    );
  });
});

describe('seed import of any text (fast-check)', () => {
  let opened: OpenDb;
  before(async () => (opened = await testDialects()[0]!.open()));
  after(() => opened.close());

  it('reports every block as imported, unchanged or rejected, and stores whole articles only', async () => {
    await fc.assert(
      fc.asyncProperty(seedLikeText, async (text) => {
        const blocks = parseSeedText(text).filter((item) => item.kind !== 'stray').length;
        const before = await countArticles(opened.db);
        const report = await importSeedText(opened.db, writingFor(opened), text);
        assert.equal(report.imported + report.updated + report.unchanged + report.rejected.length, blocks);
        assert.equal(await countArticles(opened.db), before + report.imported);
        const broken = await opened.db
          .selectFrom('article')
          .select('id')
          .where((eb) => eb.or([eb('title', '=', ''), eb('body', '=', '')]))
          .execute();
        assert.deepEqual(broken, [], 'no article without a title or a body');
      }),
      { numRuns: 60 },
    );
  });
});
