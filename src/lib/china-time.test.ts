import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chinaDate, chinaDateTime, chinaLocalInput, chinaTimeHeading, chinaTimestamp, labelledChinaDateTime, parseChinaLocalInput, chinaDayStart } from './china-time.ts';

describe('Beijing time', () => {
  it('shows a stored UTC instant eight hours later, across the date line', () => {
    const cases: Array<[utc: string, date: string, minute: string, second: string]> = [
      ['2026-03-01T06:05:09.000Z', '2026-03-01', '2026-03-01 14:05', '2026-03-01 14:05:09'],
      ['2026-02-28T16:00:00.000Z', '2026-03-01', '2026-03-01 00:00', '2026-03-01 00:00:00'],
      ['2026-02-28T15:59:59.000Z', '2026-02-28', '2026-02-28 23:59', '2026-02-28 23:59:59'],
      ['2025-12-31T20:30:00Z', '2026-01-01', '2026-01-01 04:30', '2026-01-01 04:30:00'],
    ];
    for (const [utc, date, minute, second] of cases) {
      assert.equal(chinaDate(utc), date, utc);
      assert.equal(chinaDateTime(utc), minute, utc);
      assert.equal(chinaTimestamp(utc), second, utc);
      assert.equal(chinaDate(new Date(utc)), date, `${utc} as a Date`);
    }
  });

  it('labels a time with its clock', () => {
    assert.equal(labelledChinaDateTime('2026-03-01T06:05:00Z'), '2026-03-01 14:05(北京时间)');
    assert.equal(chinaTimeHeading('投稿时间'), '投稿时间(北京时间)');
  });

  it('round-trips a datetime-local field value', () => {
    assert.equal(chinaLocalInput('2026-03-01T04:00:00.000Z'), '2026-03-01T12:00');
    assert.equal(parseChinaLocalInput('2026-03-01T12:00')?.toISOString(), '2026-03-01T04:00:00.000Z');
    assert.equal(parseChinaLocalInput(chinaLocalInput('2026-07-15T23:45:00.000Z'))?.toISOString(), '2026-07-15T23:45:00.000Z');
  });

  it('refuses what is not a datetime-local value', () => {
    for (const bad of ['', '2026-03-01', '2026-03-01 12:00', '2026-13-01T12:00', '2026-03-01T12:00:00']) assert.equal(parseChinaLocalInput(bad), undefined, bad);
  });

  it('leaves text that is no time as it is rather than inventing one', () => {
    assert.equal(chinaDateTime('not a time'), 'not a time');
    assert.equal(chinaLocalInput('not a time'), '');
  });

  it('starts a Beijing day eight hours before UTC midnight, and refuses what is not a date', () => {
    assert.equal(chinaDayStart('2026-03-01'), '2026-02-28T16:00:00.000Z');
    assert.equal(chinaDayStart('2026-02-30'), undefined);
    assert.equal(chinaDayStart('2026-3-1'), undefined);
    assert.equal(chinaDayStart(''), undefined);
  });
});
