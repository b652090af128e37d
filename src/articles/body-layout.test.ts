import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { excerptOf } from '../text/excerpt.ts';
import { bodySections, layoutBody } from './body-layout.ts';

describe('article body layout', () => {
  it('splits sections at spaces and marks headings', () => {
    const blocks = layoutBody(
      '各位代表: 现在,我代表区人民政府报告工作。 2014年工作回顾 2014年,是发展形势极为复杂的一年。 一、更加注重质效并举,经济实力跃上新高度 ——聚焦产业升级。传统服务业发展。',
    );
    assert.deepEqual(blocks, [
      { kind: 'paragraph', text: '各位代表:' },
      { kind: 'paragraph', text: '现在,我代表区人民政府报告工作。' },
      { kind: 'heading', text: '2014年工作回顾' },
      { kind: 'paragraph', text: '2014年,是发展形势极为复杂的一年。' },
      { kind: 'heading', text: '一、更加注重质效并举,经济实力跃上新高度' },
      { kind: 'paragraph', text: '——聚焦产业升级。传统服务业发展。' },
    ]);
  });

  it('starts a new block at a section marker right after a sentence, even without a space', () => {
    const blocks = layoutBody('请提出意见。一、2014年工作回顾2014年,在市委领导下发展。(一)咬定目标,经济运行更好。——发展成效越来越好。');
    assert.deepEqual(
      blocks.map((b) => b.text),
      ['请提出意见。', '一、2014年工作回顾2014年,在市委领导下发展。', '(一)咬定目标,经济运行更好。', '——发展成效越来越好。'],
    );
    assert.ok(
      blocks.every((b) => b.kind === 'paragraph'),
      'sentences are never headings',
    );
  });

  it('marks (一) headings as subheadings and keeps Latin phrases together', () => {
    const blocks = layoutBody('(一)招商引资新模式 推广 OTO 线下体验模式。 Hello world 项目');
    assert.deepEqual(blocks[0], { kind: 'subheading', text: '(一)招商引资新模式' });
    assert.ok(blocks.some((b) => b.text.includes('Hello world')));
  });

  it('counts a heading in characters, not UTF-16 units: 40 at most, astral ones counted once', () => {
    const title = (characters: number, unit: string) => `一、${unit.repeat(characters - 2)}`;
    const kindOf = (text: string) => layoutBody(`导语。\n${text}\n正文。`)[1]!;
    assert.deepEqual(kindOf(title(40, '招')), { kind: 'heading', text: title(40, '招') });
    assert.equal(kindOf(title(41, '招')).kind, 'paragraph');
    // 40 characters of which 38 take two UTF-16 units each: 78 units, still a heading.
    assert.equal(kindOf(title(40, '𠀀')).kind, 'heading');
    assert.equal(kindOf(title(41, '𠀀')).kind, 'paragraph');
  });

  it('treats line breaks as paragraph breaks', () => {
    assert.deepEqual(
      layoutBody('第一段内容很长。\n第二段内容也长。').map((b) => b.text),
      ['第一段内容很长。', '第二段内容也长。'],
    );
  });
});

describe('body sections', () => {
  it('lists the top-level headings in order with ids, leaving out subheadings and paragraphs', () => {
    const blocks = layoutBody('2014年工作回顾 去年经济平稳增长。 (一)工业 工业增长。 二、2015年主要任务 今年力争增长。 三、加强政府自身建设 从严治政。');
    assert.deepEqual(bodySections(blocks), [
      { id: 'section-1', text: '2014年工作回顾' },
      { id: 'section-2', text: '二、2015年主要任务' },
      { id: 'section-3', text: '三、加强政府自身建设' },
    ]);
  });

  it('finds none in a text without headings', () => {
    assert.deepEqual(bodySections(layoutBody('第一段内容很长。\n第二段内容也长。')), []);
  });
});

describe('excerpt', () => {
  it('cuts at 120 characters without splitting a character and marks the cut', () => {
    const text = '𠀀'.repeat(200);
    const excerpt = excerptOf(text);
    assert.equal(Array.from(excerpt).length, 121);
    assert.ok(excerpt.endsWith('…'));
    assert.ok(!/[\uD800-\uDBFF]…$/.test(excerpt), 'no lone surrogate before the ellipsis');
  });

  it('collapses whitespace and leaves short texts whole', () => {
    assert.equal(excerptOf('  南昌\u3000 招商 \n 资讯 '), '南昌 招商 资讯');
  });
});
