import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseSeedText, type SeedItem } from './seed-format.ts';

const seed = readFileSync(new URL('../../data/seed/articles.txt', import.meta.url), 'utf8');
const blocks = (items: SeedItem[]) => items.flatMap((i) => (i.kind === 'block' ? [i.block] : []));
const rejections = (items: SeedItem[]) => items.flatMap((i) => (i.kind === 'rejected' ? [i.rejection] : []));
const strays = (items: SeedItem[]) => items.flatMap((i) => (i.kind === 'stray' ? [i.stray] : []));

describe('seed format parser', () => {
  it('reads the ten seed articles and treats the footer as footer', () => {
    const items = parseSeedText(seed);
    const found = blocks(items);
    assert.equal(found.length, 10);
    assert.equal(found[0]!.title, '【东湖区招商】2015年东湖区政府工作报告');
    assert.equal(found[0]!.date, '2025-07-30');
    assert.equal(found[0]!.line, 1);
    assert.ok(found[1]!.body.length > 12000, 'the long work report body is kept whole');
    assert.equal(found[9]!.title, '【青山湖区招商】南昌青山湖创新社区治理模式 打造社会组织孵化平台');
    assert.deepEqual(rejections(items), []);
    assert.deepEqual(strays(items), [{ line: 41, lines: 3, trailing: true }]);
  });

  const variants: Array<[string, (text: string) => string]> = [
    ['CRLF line ends', (t) => t.replace(/\n/g, '\r\n')],
    ['a byte-order mark', (t) => `\uFEFF${t}`],
    ['blank lines between blocks', (t) => t.replace(/\n-\n/g, '\n\n\n-\n')],
    ['trailing spaces and tabs', (t) => t.replace(/\n/g, '  \t\n')],
    ['no newline at the end', (t) => t.trimEnd()],
  ];
  for (const [name, change] of variants) {
    it(`accepts ${name}`, () => {
      const expected = blocks(parseSeedText(seed)).map(({ title, body, date }) => ({ title, body: body.trim(), date }));
      const items = parseSeedText(change(seed));
      assert.deepEqual(
        blocks(items).map(({ title, body, date }) => ({ title, body: body.trim(), date })),
        expected,
      );
      assert.deepEqual(rejections(items), []);
    });
  }

  it('keeps a 35,000-character body intact', () => {
    const body = '南昌'.repeat(17_500);
    const [block] = blocks(parseSeedText(`-\n标题\n${body}\n2025-01-02\n`));
    assert.equal(block!.body.length, 35_000);
  });

  it('rejects a block without a date, with its line, and still reads the next one', () => {
    const items = parseSeedText('-\n标题一\n正文一\n-\n标题二\n正文二\n2025-01-02\n');
    assert.deepEqual(rejections(items), [{ line: 1, reason: 'missing date', title: '标题一' }]);
    assert.deepEqual(
      blocks(items).map((b) => b.title),
      ['标题二'],
    );
  });

  it('rejects a bad date instead of swallowing it into the body', () => {
    const items = parseSeedText('-\n标题\n正文\n2025/13/01\n');
    assert.equal(rejections(items).length, 1);
    assert.match(rejections(items)[0]!.reason, /bad date "2025\/13\/01" on line 4/);
    assert.equal(blocks(items).length, 0);
  });

  it('rejects a block with a title but no body, and one with nothing before the date', () => {
    const items = parseSeedText('-\n只有标题\n2025-01-02\n-\n2025-01-03\n');
    const [titleOnly, nothing] = rejections(items);
    assert.match(titleOnly!.reason, /no body line/);
    assert.equal(titleOnly!.line, 1);
    assert.match(nothing!.reason, /no title and no body/);
    assert.equal(nothing!.line, 4);
  });

  it('reports an empty block and text between blocks', () => {
    const items = parseSeedText('-\n-\n标题\n正文\n2025-01-02\n广告文字\n-\n标题二\n正文二\n2025-01-03\n');
    assert.match(rejections(items)[0]!.reason, /empty block/);
    assert.deepEqual(strays(items), [{ line: 6, lines: 1, trailing: false }]);
    assert.equal(blocks(items).length, 2);
  });

  it('rejects a block that runs to the end of the file without a date', () => {
    const items = parseSeedText('-\n标题\n正文\n有想补充的信息?点我投稿\n');
    assert.deepEqual(rejections(items), [{ line: 1, reason: 'missing date', title: '标题' }]);
  });

  it('joins a body wrapped onto several lines with line breaks', () => {
    const [block] = blocks(parseSeedText('-\n标题\n第一段。\n第二段。\n2025-01-02\n'));
    assert.equal(block!.body, '第一段。\n第二段。');
  });
});
