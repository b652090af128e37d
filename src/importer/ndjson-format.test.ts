import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ImportItem } from './import-entry.ts';
import { parseNdjsonText } from './ndjson-format.ts';

const entries = (items: ImportItem[]) => items.flatMap((i) => (i.kind === 'entry' ? [i.entry] : []));
const rejections = (items: ImportItem[]) => items.flatMap((i) => (i.kind === 'rejected' ? [i.rejection] : []));

describe('NDJSON parser', () => {
  it('reads one article per line, numbering lines as the file does (blank lines counted, BOM and CRLF ignored)', () => {
    const text =
      '\uFEFF{"title":"甲","body":"正文甲。","date":"2025-01-02"}\r\n\n{"title":"乙","body":"# 标题","date":"2025-01-03","channel":"东湖区","format":"markdown"}\n';
    const items = parseNdjsonText(text);
    assert.deepEqual(entries(items), [
      { position: 'line 1', title: '甲', body: '正文甲。', date: '2025-01-02', bodyFormat: 'text' },
      { position: 'line 3', title: '乙', body: '# 标题', date: '2025-01-03', bodyFormat: 'markdown', channel: '东湖区' },
    ]);
    assert.deepEqual(rejections(items), []);
  });

  it('rejects a bad JSON line, a non-object, a missing field and wrong types, each with its line, and reads the lines between', () => {
    const lines = [
      '{"title":"好","body":"正文。","date":"2025-01-02"}',
      '{"title":"坏的 JSON",',
      '["title","body"]',
      '{"title":"没有正文","date":"2025-01-02"}',
      '{"title":"日期是数字","body":"正文。","date":20250102}',
      '{"title":"频道是数字","body":"正文。","date":"2025-01-02","channel":7}',
      '{"title":"未知格式","body":"正文。","date":"2025-01-02","format":"html"}',
      '{"title":"也好","body":"正文。","date":"2025-01-03","channel":null}',
    ];
    const items = parseNdjsonText(lines.join('\n'));
    assert.deepEqual(
      entries(items).map((entry) => [entry.position, entry.title, entry.channel]),
      [
        ['line 1', '好', undefined],
        ['line 8', '也好', undefined],
      ],
    );
    const rejected = rejections(items);
    assert.deepEqual(
      rejected.map((r) => [r.position, r.title]),
      [
        ['line 2', undefined],
        ['line 3', undefined],
        ['line 4', '没有正文'],
        ['line 5', '日期是数字'],
        ['line 6', '频道是数字'],
        ['line 7', '未知格式'],
      ],
    );
    assert.match(rejected[0]!.reason, /^not valid JSON \(/);
    assert.equal(rejected[1]!.reason, 'not a JSON object');
    assert.equal(rejected[2]!.reason, '"body" is missing');
    assert.equal(rejected[3]!.reason, '"date" must be a string');
    assert.match(rejected[4]!.reason, /^"channel" must be a string/);
    assert.equal(rejected[5]!.reason, '"format" must be "text" or "markdown"');
  });

  it('names every problem of a line at once', () => {
    const [item] = parseNdjsonText('{"body":1}');
    assert.equal(item?.kind, 'rejected');
    assert.equal(item.kind === 'rejected' && item.rejection.reason, '"title" is missing; "body" must be a string; "date" is missing');
  });
});
