import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ConsoleUser } from '../accounts/account.ts';
import { createApp } from '../app.ts';
import { appDeps } from '../../test/helpers/test-app.ts';
import { testDialects, withTestDb } from '../../test/helpers/test-db.ts';
import { addManualProject, projectsForCuration, updateProjectPlan } from './project-curation.service.ts';

const editor: ConsoleUser = { id: 1, name: 'ed.donghu', role: 'editor', channels: ['donghu'], mustChangePassword: false };
const other: ConsoleUser = { id: 2, name: 'ed.xihu', role: 'editor', channels: ['xihu'], mustChangePassword: false };
const actor = { userId: 1, userName: 'ed.donghu' };

for (const dialect of testDialects()) {
  describe(`project curation on ${dialect.name}`, () => {
    it('adds projects by hand, plans milestones and warns red or yellow until the stage is reached', () =>
      withTestDb(dialect, async (opened) => {
        const { db } = opened;
        const added = await addManualProject(db, editor, actor, { name: '东湖区数字产业园', amountYi: 12.5, channel: 'donghu', industry: '电子信息', stage: '签约' });
        assert.ok('id' in added);
        assert.deepEqual(await addManualProject(db, editor, actor, { name: '东湖区数字产业园项目', amountYi: null, channel: 'donghu', industry: null, stage: '洽谈' }), { problem: '项目“东湖区数字产业园项目”已在项目库中。' });
        assert.deepEqual(await addManualProject(db, editor, actor, { name: '西湖区项目', amountYi: null, channel: 'xihu', industry: null, stage: '洽谈' }), { problem: '只能在您负责的地区添加项目。' });
        assert.match(await (await createApp(appDeps(opened)).request('/projects')).text(), /<td>东湖区数字产业园<\/td><td>12.5亿元<\/td>/, 'listed publicly');

        await updateProjectPlan(db, editor, actor, added.id, { milestone: '开工/在建', plannedOn: '2026-02-01' });
        await updateProjectPlan(db, editor, actor, added.id, { milestone: '竣工', plannedOn: '2026-03-20' });
        const [project] = await projectsForCuration(db, editor, '2026-03-01');
        assert.deepEqual(project!.warnings.map((w) => [w.level, w.stage, w.days]), [['red', '开工/在建', -28], ['yellow', '竣工', 19]]);
        assert.equal(await updateProjectPlan(db, other, actor, added.id, { stage: '竣工' }), 'not_found');
        await updateProjectPlan(db, editor, actor, added.id, { stage: '竣工' });
        assert.deepEqual((await projectsForCuration(db, editor, '2026-03-01'))[0]!.warnings, []);
        assert.deepEqual(await projectsForCuration(db, other, '2026-03-01'), []);
        const audit = await db.selectFrom('audit_log').select('action').orderBy('id').execute();
        assert.deepEqual(audit.map((a) => a.action), ['project.create', 'project.milestone', 'project.milestone', 'project.stage']);
      }));
  });
}
