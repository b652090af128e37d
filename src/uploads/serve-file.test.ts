// The byte ranges a Range header asks for, and Content-Disposition for any name.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { contentDisposition, requestedRange } from './serve-file.ts';

test('a Range header gives one range, the whole file, or unsatisfiable', () => {
  const size = 1000;
  const cases: Array<[string | undefined, ReturnType<typeof requestedRange>]> = [
    [undefined, undefined],
    ['bytes=0-99', { start: 0, end: 99 }],
    ['bytes=900-', { start: 900, end: 999 }],
    ['bytes=-100', { start: 900, end: 999 }],
    ['bytes=-5000', { start: 0, end: 999 }],
    ['bytes=990-2000', { start: 990, end: 999 }],
    ['bytes=1000-', 'unsatisfiable'],
    ['bytes=50-10', 'unsatisfiable'],
    ['bytes=-0', 'unsatisfiable'],
    ['bytes=0-1,5-9', undefined],
    ['items=0-9', undefined],
    ['bytes=-', undefined],
  ];
  for (const [header, expected] of cases) assert.deepEqual(requestedRange(header, size), expected, header);
});

test('Content-Disposition carries an ASCII fallback and the exact name in filename*', () => {
  assert.equal(contentDisposition('report.pdf', false), `attachment; filename="report.pdf"; filename*=UTF-8''report.pdf`);
  assert.equal(contentDisposition('外景.jpg', true), `inline; filename="__.jpg"; filename*=UTF-8''%E5%A4%96%E6%99%AF.jpg`);
  // Quotes, backslashes and semicolons cannot end the parameter early; ' ( ) * are escaped for RFC 5987.
  assert.equal(contentDisposition(`a"b\\c;d'(e)*.pdf`, false), `attachment; filename="a_b_c_d'(e)*.pdf"; filename*=UTF-8''a%22b%5Cc%3Bd%27%28e%29%2A.pdf`);
});
