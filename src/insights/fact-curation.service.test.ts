import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ConsoleUser } from '../accounts/account.ts';
import { createApp } from '../app.ts';
import { importSeedFile, importSeedText } from '../importer/importer.service.ts';
import { appDeps } from '../../test/helpers/test-app.ts';
import { SEED_FILE, seedText, writingFor } from '../../test/helpers/seed.ts';
import { testDialects, withTestDb } from '../../test/helpers/test-db.ts';
import { curateFact, factsForCuration } from './fact-curation.service.ts';
import { indicatorRows } from './insight.service.ts';

const donghuEditor: ConsoleUser = { id: 1, name: 'ed.donghu', role: 'editor', channels: ['donghu'], mustChangePassword: false };
const xihuEditor: ConsoleUser = { id: 2, name: 'ed.xihu', role: 'editor', channels: ['xihu'], mustChangePassword: false };
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
        assert.equal(await curateFact(opened.db, donghuEditor, actor, gdp.id, { kind: 'correct', correction: { year: 2014, period: null, kind: 'actual', value: 430.5, unit: '亿元', growth: 8.1, stretch: null } }), 'done');
        assert.equal(await curateFact(opened.db, donghuEditor, actor, exports.id, { kind: 'delete' }), 'done');

        // The report is imported again with a changed body: extraction runs again.
        const report = seedText().split('\n-\n').find((block) => block.includes('2015年东湖区政府工作报告'))!;
        const again = await importSeedText(opened.db, writing, `-\n${report.replace(/^-\n/u, '').replace('继续稳居全省经济第一方阵', '继续稳居全省经济第一方阵。')}\n`);
        assert.equal(again.updated, 1, 'the article was re-read');
        const rows = (await indicatorRows(opened.db, writing.channels, 'marked', 'donghu')).filter((r) => r.kind === 'actual');
        assert.deepEqual(rows.filter((r) => r.indicator === 'gdp').map((r) => [r.value, r.growth]), [[430.5, 8.1]], 'the correction stands, once');
        assert.equal(rows.filter((r) => r.indicator === 'exports').length, 0, 'the deletion stands');
        const html = await (await createApp(appDeps(opened)).request('/data/donghu')).text();
        assert.match(html, /430.5亿元/);
        const audit = await opened.db.selectFrom('audit_log').select('action').orderBy('id').execute();
        assert.deepEqual(audit.map((a) => a.action), ['fact.correct', 'fact.delete']);
      }));
  });
}
