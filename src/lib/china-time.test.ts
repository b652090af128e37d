import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  chinaAge,
  chinaDate,
  chinaDateTime,
  chinaDayStart,
  chinaLocalInput,
  chinaTimeHeading,
  chinaTimestamp,
  daysBetween,
  labelledChinaDateTime,
  parseChinaLocalInput,
} from './china-time.ts';

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
    for (const bad of ['', '2026-03-01', '2026-03-01 12:00', '2026-13-01T12:00', '2026-03-01T12:00:00'])
      assert.equal(parseChinaLocalInput(bad), undefined, bad);
  });

  it('leaves text that is no time as it is rather than inventing one', () => {
    assert.equal(chinaDateTime('not a time'), 'not a time');
    assert.equal(chinaLocalInput('not a time'), '');
  });
  it('says how long ago an instant was, in whole units rounded down', () => {
    const now = new Date('2026-03-10T08:00:00.000Z');
    const cases: Array<[at: string, age: string]> = [
      ['2026-03-10T08:00:30.000Z', '刚刚'],
      ['2026-03-10T07:59:30.000Z', '刚刚'],
      ['2026-03-10T07:48:00.000Z', '12 分钟前'],
      ['2026-03-10T07:00:01.000Z', '59 分钟前'],
      ['2026-03-10T07:00:00.000Z', '1 小时前'],
      ['2026-03-10T02:59:00.000Z', '5 小时前'],
      ['2026-03-09T08:00:01.000Z', '23 小时前'],
      ['2026-03-09T08:00:00.000Z', '1 天前'],
      ['2026-03-07T07:00:00.000Z', '3 天前'],
    ];
    for (const [at, age] of cases) assert.equal(chinaAge(at, now), age, at);
    assert.equal(chinaAge(new Date('2026-02-08T08:00:00.000Z'), now), '30 天前', 'a Date too');
  });

  it('counts calendar days between two dates', () => {
    assert.equal(daysBetween('2026-02-24', '2026-03-10'), 14);
    assert.equal(daysBetween('2025-12-31', '2026-01-01'), 1);
    assert.equal(daysBetween('2026-03-10', '2026-03-09'), -1);
  });

  it('starts a Beijing day eight hours before UTC midnight, and refuses what is not a date', () => {
    assert.equal(chinaDayStart('2026-03-01'), '2026-02-28T16:00:00.000Z');
    assert.equal(chinaDayStart('2026-02-30'), undefined);
    assert.equal(chinaDayStart('2026-3-1'), undefined);
    assert.equal(chinaDayStart(''), undefined);
  });
});
