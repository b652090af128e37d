import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isProjectStage, laterStage, PROJECT_STAGES } from './project-stages.ts';

describe('project stages', () => {
  it('orders the stages from planning to operation', () => {
    assert.equal(PROJECT_STAGES[0], '谋划/储备');
    assert.equal(PROJECT_STAGES.at(-1), '投产/运营');
    assert.ok(PROJECT_STAGES.indexOf('签约') < PROJECT_STAGES.indexOf('开工/在建'));
  });

  it('knows its stages and nothing else', () => {
    assert.equal(isProjectStage('竣工'), true);
    assert.equal(isProjectStage('开工'), false);
    assert.equal(isProjectStage(null), false);
    assert.equal(isProjectStage(undefined), false);
  });

  it('keeps the more advanced of two stages', () => {
    assert.equal(laterStage('签约', '洽谈'), '签约');
    assert.equal(laterStage('洽谈', '竣工'), '竣工');
    assert.equal(laterStage(null, '洽谈'), '洽谈');
    assert.equal(laterStage('洽谈', null), '洽谈');
    assert.equal(laterStage(null, null), null);
  });
});
