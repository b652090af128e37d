import assert from 'node:assert/strict';
import { it } from 'node:test';
import { milestoneWarnings } from './milestones.ts';

it('warns red past a planned date not reached, yellow within 30 days, nothing once reached', () => {
  const milestones = [
    { stage: '签约' as const, plannedOn: '2026-01-31' },
    { stage: '开工/在建' as const, plannedOn: '2026-03-15' },
    { stage: '竣工' as const, plannedOn: '2026-12-31' },
  ];
  assert.deepEqual(milestoneWarnings('洽谈', milestones, '2026-03-01'), [
    { level: 'red', stage: '签约', plannedOn: '2026-01-31', days: -29 },
    { level: 'yellow', stage: '开工/在建', plannedOn: '2026-03-15', days: 14 },
  ]);
  assert.deepEqual(
    milestoneWarnings('签约', milestones, '2026-03-01').map((w) => [w.level, w.stage]),
    [['yellow', '开工/在建']],
  );
  assert.deepEqual(milestoneWarnings('开工/在建', milestones, '2026-03-20'), []);
  assert.deepEqual(
    milestoneWarnings('开工/在建', milestones, '2026-12-01').map((w) => [w.level, w.days]),
    [['yellow', 30]],
  );
  assert.deepEqual(
    milestoneWarnings(null, [{ stage: '谋划/储备', plannedOn: '2026-03-01' }], '2026-03-01').map((w) => w.level),
    ['yellow'],
    'due today',
  );
});
