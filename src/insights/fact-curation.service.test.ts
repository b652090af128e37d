import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ConsoleUser } from '../accounts/account.ts';
import { createApp } from '../app.ts';
import { importSeedFile, importSeedText } from '../importer/importer.service.ts';
import { appDeps } from '../../test/helpers/test-app.ts';
import { SEED_FILE, seedText, writingFor } from '../../test/helpers/seed.ts';
import { testDialects, withTestDb } from '../../test/helpers/test-db.ts';
import { articleReview, confirmArticleFacts, curateFact, factsForCuration } from './fact-curation.service.ts';
import { indicatorRows } from './insight.service.ts';

const donghuEditor: ConsoleUser = { id: 1, name: 'ed.donghu', roles: ['editor'], channels: ['donghu'], mustChangePassword: false };
const xihuEditor: ConsoleUser = { id: 2, name: 'ed.xihu', roles: ['editor'], channels: ['xihu'], mustChangePassword: false };
const actor = { userId: 1, userName: 'ed.donghu' };

for (const dialect of testDialects()) {
  describe(`fact curation on ${dialect.name}`, () => {
    it('keeps corrections and deletions when the article is read again, and shows them on /data', () =>
      withTestDb(dialect, async (opened) => {
        const writing = writingFor(opened);
        await importSeedFile(opened.db, writing, SEED_FILE);
        const facts = await factsForCuration(opened.db, donghuEditor);
        assert.equal(facts.length, 16, 'only 东湖区 facts for its editor');
        const gdp = facts.find((f) => f.indicator === 'gdp' && f.kind === 'actual')!;
        const exports = facts.find((f) => f.indicator === 'exports' && f.kind === 'actual')!;

        assert.equal(await curateFact(opened.db, xihuEditor, actor, gdp.id, { kind: 'delete' }), 'not_found', 'another district’s editor cannot');
        assert.equal(
          await curateFact(opened.db, donghuEditor, actor, gdp.id, {
            kind: 'correct',
            correction: { year: 2014, period: null, kind: 'actual', value: 430.5, unit: '亿元', growth: 8.1, stretch: null },
          }),
          'done',
        );
        assert.equal(await curateFact(opened.db, donghuEditor, actor, exports.id, { kind: 'delete' }), 'done');

        // The report is imported again with a changed body: extraction runs again.
        const report = seedText()
          .split('\n-\n')
          .find((block) => block.includes('2015年东湖区政府工作报告'))!;
        const again = await importSeedText(
          opened.db,
          writing,
          `-\n${report.replace(/^-\n/u, '').replace('继续稳居全省经济第一方阵', '继续稳居全省经济第一方阵。')}\n`,
        );
        assert.equal(again.updated, 1, 'the article was re-read');
        const rows = (await indicatorRows(opened.db, writing.channels, 'marked', 'donghu')).filter((r) => r.kind === 'actual');
        assert.deepEqual(
          rows.filter((r) => r.indicator === 'gdp').map((r) => [r.value, r.growth]),
          [[430.5, 8.1]],
          'the correction stands, once',
        );
        assert.equal(rows.filter((r) => r.indicator === 'exports').length, 0, 'the deletion stands');
        const html = await (await createApp(appDeps(opened)).request('/data/donghu')).text();
        assert.match(html, /430.5亿元/);
        const audit = await opened.db.selectFrom('audit_log').select(['action', 'channel']).orderBy('id').execute();
        assert.deepEqual(
          audit.map((a) => [a.action, a.channel]),
          [
            ['fact.correct', 'donghu'],
            ['fact.delete', 'donghu'],
          ],
          'each entry names the fact’s channel',
        );
      }));

    it('leads the queue with the unreviewed facts the reader was unsure of, then the other unreviewed, then the reviewed', () =>
      withTestDb(dialect, async (opened) => {
        await importSeedFile(opened.db, writingFor(opened), SEED_FILE);
        const all = await factsForCuration(opened.db, donghuEditor);
        // Rated as the #12 reader rates: most sure, two not; one of each already reviewed.
        await opened.db.updateTable('indicator_fact').set({ confidence: 'high', confidence_reasons: '[]' }).execute();
        const [sure, unsure, unsureReviewed, sureReviewed, unsure2] = [all[0]!, all[5]!, all[9]!, all[12]!, all[15]!];
        await opened.db
          .updateTable('indicator_fact')
          .set({ confidence: 'low', confidence_reasons: JSON.stringify(['同一句中有多个数值']) })
          .where('id', 'in', [unsure.id, unsureReviewed.id, unsure2.id])
          .execute();
        await curateFact(opened.db, donghuEditor, actor, unsureReviewed.id, { kind: 'confirm' });
        await curateFact(opened.db, donghuEditor, actor, sureReviewed.id, { kind: 'delete' });

        const queue = await factsForCuration(opened.db, donghuEditor);
        assert.deepEqual(
          queue.slice(0, 2).map((f) => f.id),
          [unsure.id, unsure2.id].sort((a, b) => a - b),
          'the uncertain unreviewed first',
        );
        assert.deepEqual(queue[0]!.confidence, { level: 'low', reasons: ['同一句中有多个数值'] });
        assert.ok(
          queue.slice(2, 14).every((f) => f.curation === null && f.confidence.level === 'high'),
          'then the other unreviewed',
        );
        assert.ok(queue.some((f) => f.id === sure.id));
        assert.deepEqual(
          queue
            .slice(14)
            .map((f) => f.curation)
            .sort(),
          ['confirmed', 'deleted'],
          'the reviewed last',
        );
      }));

    it('confirms an article’s facts in one step, only those of the editor’s channels, and never what changed since the page was read', () =>
      withTestDb(dialect, async (opened) => {
        const writing = writingFor(opened);
        await importSeedFile(opened.db, writing, SEED_FILE);
        const [first] = await factsForCuration(opened.db, donghuEditor);
        const articleId = first!.articleId;
        assert.equal(await articleReview(opened.db, xihuEditor, articleId), undefined, 'another district’s editor sees none of it');
        const review = (await articleReview(opened.db, donghuEditor, articleId))!;
        assert.equal(review.facts.length, 16);
        assert.ok(
          review.blocks.some((b) => b.text.includes(review.facts[0]!.sentence)),
          'the text the facts were read from',
        );
        assert.deepEqual(await confirmArticleFacts(opened.db, xihuEditor, actor, articleId, review.version), { outcome: 'not_found' });

        // The article is read again after the page was loaded (its unreviewed facts are replaced): refused.
        const report = seedText()
          .split('\n-\n')
          .find((block) => block.includes('2015年东湖区政府工作报告'))!;
        assert.equal(
          (await importSeedText(opened.db, writing, `-\n${report.replace(/^-\n/u, '').replace('继续稳居全省经济第一方阵', '继续稳居全省经济第一方阵。')}\n`))
            .updated,
          1,
        );
        assert.deepEqual(await confirmArticleFacts(opened.db, donghuEditor, actor, articleId, review.version), { outcome: 'changed' });
        const reread = (await articleReview(opened.db, donghuEditor, articleId))!;

        // Another editor deletes one after the page was read: the one-step confirmation is refused, nothing changes.
        const deleted = reread.facts[3]!;
        await curateFact(opened.db, donghuEditor, { userId: 2, userName: 'ed.other' }, deleted.id, { kind: 'delete' });
        assert.deepEqual(await confirmArticleFacts(opened.db, donghuEditor, actor, articleId, reread.version), { outcome: 'changed' });
        const curations = async () =>
          (await opened.db.selectFrom('indicator_fact').select('curation').where('article_id', '=', articleId).execute()).map((r) => r.curation);
        assert.equal((await curations()).filter((c) => c === 'confirmed').length, 0);

        // Read again, then confirmed: every unreviewed one, the deletion stands, one audit entry.
        const again = (await articleReview(opened.db, donghuEditor, articleId))!;
        assert.notEqual(again.version, reread.version);
        assert.deepEqual(await confirmArticleFacts(opened.db, donghuEditor, actor, articleId, again.version), { outcome: 'done', confirmed: 15 });
        assert.deepEqual((await curations()).sort(), [...Array(15).fill('confirmed'), 'deleted']);
        const audit = await opened.db.selectFrom('audit_log').select(['action', 'target_type', 'target_id', 'after']).orderBy('id').execute();
        assert.deepEqual(
          audit.map((a) => [a.action, a.target_type]),
          [
            ['fact.delete', 'indicator_fact'],
            ['fact.confirm_article', 'article'],
          ],
        );
        assert.equal(JSON.parse(audit[1]!.after!).confirmed.length, 15);
        assert.equal(audit[1]!.target_id, String(articleId));

        assert.equal((await indicatorRows(opened.db, writing.channels, 'confirmed', 'donghu')).length, 15, 'the confirmed figures are public');
      }));

    it('keeps a fact curated before places were read (its old key) through a re-read, once', () =>
      withTestDb(dialect, async (opened) => {
        const writing = writingFor(opened);
        await importSeedFile(opened.db, writing, SEED_FILE);
        const gdp = (await factsForCuration(opened.db, donghuEditor)).find((f) => f.indicator === 'gdp' && f.kind === 'actual')!;
        await curateFact(opened.db, donghuEditor, actor, gdp.id, { kind: 'confirm' });
        await opened.db
          .updateTable('indicator_fact')
          .set({ place: null, extracted_key: `gdp|actual|${gdp.sentence}` })
          .where('id', '=', gdp.id)
          .execute();
        const report = seedText()
          .split('\n-\n')
          .find((block) => block.includes('2015年东湖区政府工作报告'))!;
        assert.equal(
          (await importSeedText(opened.db, writing, `-\n${report.replace(/^-\n/u, '').replace('继续稳居全省经济第一方阵', '继续稳居全省经济第一方阵。')}\n`))
            .updated,
          1,
        );
        const rows = (await indicatorRows(opened.db, writing.channels, 'marked', 'donghu')).filter((r) => r.indicator === 'gdp' && r.kind === 'actual');
        assert.deepEqual(
          rows.map((r) => [r.id, r.verified]),
          [[gdp.id, true]],
        );
      }));
  });
}
