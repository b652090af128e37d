import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ConsoleUser } from '../accounts/account.ts';
import { createApp } from '../app.ts';
import { appDeps } from '../../test/helpers/test-app.ts';
import { testDialects, withTestDb } from '../../test/helpers/test-db.ts';
import { importSeedFile, importSeedText } from '../importer/importer.service.ts';
import { SEED_FILE, seedText, writingFor } from '../../test/helpers/seed.ts';
import { addManualProject, curateProject, projectsForCuration, updateProjectPlan } from './project-curation.service.ts';

const editor: ConsoleUser = { id: 1, name: 'ed.donghu', roles: ['editor'], channels: ['donghu'], mustChangePassword: false };
const other: ConsoleUser = { id: 2, name: 'ed.xihu', roles: ['editor'], channels: ['xihu'], mustChangePassword: false };
const actor = { userId: 1, userName: 'ed.donghu' };

for (const dialect of testDialects()) {
  describe(`project curation on ${dialect.name}`, () => {
    it('adds projects by hand, plans milestones and warns red or yellow until the stage is reached', () =>
      withTestDb(dialect, async (opened) => {
        const { db } = opened;
        const added = await addManualProject(db, editor, actor, {
          name: '东湖区数字产业园',
          amountYi: 12.5,
          channel: 'donghu',
          industry: '电子信息',
          stage: '签约',
        });
        assert.ok('id' in added);
        assert.deepEqual(
          await addManualProject(db, editor, actor, { name: '东湖区数字产业园项目', amountYi: null, channel: 'donghu', industry: null, stage: '洽谈' }),
          { field: 'name', problem: '项目“东湖区数字产业园项目”已在项目库中。' },
        );
        assert.deepEqual(await addManualProject(db, editor, actor, { name: '西湖区项目', amountYi: null, channel: 'xihu', industry: null, stage: '洽谈' }), {
          field: 'channel',
          problem: '只能在您负责的地区添加项目。',
        });
        assert.match(await (await createApp(appDeps(opened)).request('/projects')).text(), /<td>东湖区数字产业园<\/td><td>12.5亿元<\/td>/, 'listed publicly');

        await updateProjectPlan(db, editor, actor, added.id, { milestone: '开工/在建', plannedOn: '2026-02-01' });
        await updateProjectPlan(db, editor, actor, added.id, { milestone: '竣工', plannedOn: '2026-03-20' });
        const [project] = await projectsForCuration(db, editor, '2026-03-01');
        assert.deepEqual(
          project!.warnings.map((w) => [w.level, w.stage, w.days]),
          [
            ['red', '开工/在建', -28],
            ['yellow', '竣工', 19],
          ],
        );
        assert.equal(await updateProjectPlan(db, other, actor, added.id, { stage: '竣工' }), 'not_found');
        await updateProjectPlan(db, editor, actor, added.id, { stage: '竣工' });
        assert.deepEqual((await projectsForCuration(db, editor, '2026-03-01'))[0]!.warnings, []);
        assert.deepEqual(await projectsForCuration(db, other, '2026-03-01'), []);
        const audit = await db.selectFrom('audit_log').select(['action', 'channel']).orderBy('id').execute();
        assert.deepEqual(
          audit.map((a) => a.action),
          ['project.create', 'project.milestone', 'project.milestone', 'project.stage'],
        );
        assert.ok(
          audit.every((a) => a.channel === 'donghu'),
          'each entry names the project’s channel',
        );
      }));
  });

  describe(`project corrections on ${dialect.name}`, () => {
    it('keeps a corrected or deleted project through re-extraction, with its sentences shown', () =>
      withTestDb(dialect, async (opened) => {
        const writing = writingFor(opened);
        await importSeedFile(opened.db, writing, SEED_FILE);
        const qingyunpu: ConsoleUser = { id: 3, name: 'ed.qyp', roles: ['editor'], channels: ['qingyunpu'], mustChangePassword: false };
        const projects = await projectsForCuration(opened.db, qingyunpu, '2026-03-01');
        const wfj = projects.find((p) => p.name === '王府井百货')!;
        const street = projects.find((p) => p.name.includes('青云小镇'))!;
        assert.match(wfj.sources[0]!.sentence, /总投资近50亿元的王府井百货/);
        await curateProject(opened.db, qingyunpu, actor, wfj.id, { kind: 'correct', name: '北京王府井百货', amountYi: 48, industry: '商贸' });
        await curateProject(opened.db, qingyunpu, actor, street.id, { kind: 'delete' });

        const report = seedText()
          .split('\n-\n')
          .find((block) => block.includes('2015年青云谱区政府工作报告'))!;
        const again = await importSeedText(opened.db, writing, `-\n${report.replace(/^-\n/u, '').replace('扎实推进', '扎实推进。')}\n`);
        assert.equal(again.updated, 1);
        const after = await projectsForCuration(opened.db, qingyunpu, '2026-03-01');
        assert.deepEqual(
          after.filter((p) => p.name.includes('王府井')).map((p) => [p.name, p.amount, p.unit]),
          [['北京王府井百货', 48, '亿元']],
        );
        assert.equal(
          after.some((p) => p.name.includes('青云小镇')),
          false,
          'a deleted project does not come back',
        );
        const html = await (await createApp(appDeps(opened)).request('/projects')).text();
        assert.match(html, /<td>北京王府井百货<\/td><td>48亿元<\/td>/);
        assert.doesNotMatch(html, /青云小镇/);
      }));

    it('shows a confirmed project as the portal’s own until a later article changes it', () =>
      withTestDb(dialect, async (opened) => {
        const writing = writingFor(opened);
        await importSeedFile(opened.db, writing, SEED_FILE);
        const city: ConsoleUser = { id: 4, name: 'ed.city', roles: ['editor'], channels: ['xiaolan'], mustChangePassword: false };
        const foxconn = (await projectsForCuration(opened.db, city, '2026-03-01')).find((p) => p.name === '富士康智能科技小镇')!;
        assert.equal(foxconn.verified, false);
        assert.equal(await curateProject(opened.db, other, actor, foxconn.id, { kind: 'confirm' }), 'not_found', 'only its channel’s editors');
        assert.equal(await curateProject(opened.db, city, actor, foxconn.id, { kind: 'confirm' }), 'done');
        const verified = async () => (await projectsForCuration(opened.db, city, '2026-03-01')).find((p) => p.id === foxconn.id)!.verified;
        assert.equal(await verified(), true);
        const app = createApp({ ...appDeps(opened), insightsPublic: 'confirmed' });
        assert.deepEqual(
          ((await (await app.request('/projects.json')).json()) as Array<{ name: string }>).map((p) => p.name),
          ['富士康智能科技小镇'],
        );

        // Named again without a change: still confirmed. Reported at a later stage: unreviewed again.
        await importSeedText(
          opened.db,
          writing,
          '-\n【南昌招商】富士康智能科技小镇项目进展\n南昌小蓝经开区通过招商引资成功签约富士康智能科技小镇项目。\n2025-08-01\n',
        );
        assert.equal(await verified(), true);
        await importSeedText(
          opened.db,
          writing,
          '-\n【南昌招商】富士康智能科技小镇开工\n小蓝经开区总投资超100亿元的富士康智能科技小镇开工建设。\n2025-09-01\n',
        );
        const after = (await projectsForCuration(opened.db, city, '2026-03-01')).find((p) => p.id === foxconn.id)!;
        assert.deepEqual([after.stage, after.verified], ['开工/在建', false]);
        assert.deepEqual(await (await app.request('/projects.json')).json(), []);
        const audit = await opened.db.selectFrom('audit_log').select('action').orderBy('id').execute();
        assert.deepEqual(
          audit.map((a) => a.action),
          ['project.confirm'],
        );
      }));
  });
}
