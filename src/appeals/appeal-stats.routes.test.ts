import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { appealRow, insertAppeals, type AppealRowSpec } from '../../test/helpers/appeal-rows.ts';
import { channels } from '../../test/helpers/seed.ts';
import { openSeededApp } from '../../test/helpers/test-app.ts';
import { testDialects } from '../../test/helpers/test-db.ts';
import { parseXml, textOf } from '../../test/helpers/xml.ts';
import { chinaDate } from '../lib/china-time.ts';
import { askQuestion } from '../questions/question.service.ts';
import { appealSchema } from './appeal.ts';
import { fileAppeal } from './appeal.service.ts';
import { figuresOf, monthKey, monthName, nextMonth, rateText, type AppealTally } from './appeal-stats.ts';

// The pages read the real clock, so the requests are filed in the two months before this one.
const current = chinaDate(new Date()).slice(0, 7);
const monthBefore = (key: string) => {
  const [year, month] = [Number(key.slice(0, 4)), Number(key.slice(5, 7))];
  return month === 1 ? monthKey(year - 1, 12) : monthKey(year, month - 1);
};
const previous = monthBefore(current);
const earlier = monthBefore(previous);
const midMonth = (month: string) => `${month}-15T04:00:00.000Z`;

const SPECS: AppealRowSpec[] = [
  { channel: 'donghu', category: '用工', filedAt: midMonth(previous), status: 'closed' },
  { channel: 'donghu', category: '审批', filedAt: midMonth(previous), status: 'resolved', onTime: false },
  { channel: 'xihu', category: '融资', filedAt: midMonth(previous), status: 'assigned' },
  { channel: 'nanchang', category: '其他', filedAt: midMonth(earlier), status: 'received' },
];

/** The expected tally of the specs `keep` selects, by the definitions the page states. */
function expected(keep: (spec: AppealRowSpec) => boolean): AppealTally {
  const rows = SPECS.filter(keep).map(appealRow);
  const done = rows.filter((row) => row.status === 'resolved' || row.status === 'closed');
  const rated = rows.filter((row) => row.rating !== null);
  return {
    received: rows.length,
    resolved: done.length,
    resolvedOnTime: done.filter((row) => row.resolved_on_time === 1).length,
    rated: rated.length,
    satisfied: rated.filter((row) => row.rating !== 'unsatisfied').length,
  };
}
const inPrevious = (spec: AppealRowSpec) => spec.filedAt === midMonth(previous);

for (const dialect of testDialects()) {
  describe(`企业诉求办理情况 on ${dialect.name}`, () => {
    let seeded: Awaited<ReturnType<typeof openSeededApp>>;
    before(async () => {
      seeded = await openSeededApp({ dialect });
      await insertAppeals(seeded.db, SPECS);
    });
    after(() => seeded.close());

    it('shows a month by district and by category with totals, “—” where a rate has no denominator, ', async () => {
      const path = `/appeals/stats?period=${previous}`;
      const response = await seeded.app.request(path);
      assert.equal(response.status, 200);
      const html = await response.text();
      assert.match(html, new RegExp(`<h1>${monthName(previous)}企业诉求办理情况</h1>`, 'u'));
      const total = figuresOf(expected(inPrevious));
      assert.match(html, new RegExp(`受理 ${total.received} 件,办结 ${total.resolved} 件,办结率 ${rateText(total.resolvedRate)}`, 'u'));

      const xihu = figuresOf(expected((spec) => inPrevious(spec) && spec.channel === 'xihu'));
      assert.equal(xihu.satisfiedRate, undefined, 'the fixture leaves xihu unrated');
      const cells = [
        xihu.received,
        xihu.resolved,
        rateText(xihu.resolvedRate),
        xihu.resolvedOnTime,
        rateText(xihu.onTimeRate),
        xihu.rated,
        xihu.satisfied,
        '—',
      ];
      assert.ok(html.includes(`<th scope="row">${channels.bySlug('xihu')!.name}</th>${cells.map((cell) => `<td>${cell}</td>`).join('')}`), 'xihu’s row');
      assert.doesNotMatch(html, new RegExp(`<th scope="row">${channels.bySlug('nanchang')!.name}</th>`, 'u'), 'no district without requests in the month');
      assert.match(html, /<th scope="row">供应链<\/th><td>0<\/td><td>0<\/td><td>—<\/td>/u, 'every category, an empty one with “—”');
      assert.match(html, /统计口径/u);
      assert.match(html, /data-chart=/u, 'the trend charts');
      assert.match(html, /echarts\.min\.js/u);
      assert.match(html, /href="\/appeals\/stats\/rss\.xml"/u);

      assert.equal((await seeded.app.request('/appeals/stats')).status, 200, 'the current year by default');
    });

    it('answers a bad or impossible period with a 400 in Chinese', async () => {
      const nextYear = String(Number(current.slice(0, 4)) + 1);
      for (const period of ['abc', '2026-13', '2026-1', '1999', nextYear, nextMonth(current)]) {
        const response = await seeded.app.request(`/appeals/stats?period=${period}`);
        assert.equal(response.status, 400, period);
        assert.match(await response.text(), /统计期/u, period);
      }
    });

    it('feeds one entry per finished month, newest first, with its figures', async () => {
      for (const feed of ['/appeals/stats/rss.xml', '/appeals/stats/atom.xml']) {
        const response = await seeded.app.request(feed);
        assert.equal(response.status, 200, feed);
        const doc = parseXml(await response.text());
        const entries = doc.rss ? doc.rss.channel.item : doc.feed.entry;
        const titles = [entries].flat().map((entry: Record<string, unknown>) => textOf(entry.title));
        assert.deepEqual(
          titles,
          [previous, earlier].map((month) => `${monthName(month)}企业诉求办理情况`),
          feed,
        );
      }
      const rss = await (await seeded.app.request('/appeals/stats/rss.xml')).text();
      assert.ok(rss.includes(`/appeals/stats?period=${previous}`), 'each entry links its month');
      assert.ok(rss.includes(`受理 ${expected(inPrevious).received} 件`));
    });

    it('gives the same figures in the open API, and a problem naming the parameter for a bad period', async () => {
      const response = await seeded.app.request(`/api/v1/appeals/stats?period=${previous}`);
      assert.equal(response.status, 200);
      const body = await response.json();
      const total = figuresOf(expected(inPrevious));
      assert.deepEqual(body.total, {
        ...total,
        resolvedRate: total.resolvedRate ?? null,
        onTimeRate: total.onTimeRate ?? null,
        satisfiedRate: total.satisfiedRate ?? null,
      });
      assert.equal(body.period, previous);
      const xihu = body.byDistrict.find((row: { district: { slug: string } }) => row.district.slug === 'xihu');
      assert.deepEqual([xihu.district.name, xihu.figures.satisfiedRate], [channels.bySlug('xihu')!.name, null]);
      for (const period of ['2026-13', nextMonth(current)]) {
        const bad = await seeded.app.request(`/api/v1/appeals/stats?period=${period}`);
        assert.equal(bad.status, 400, period);
        assert.match((await bad.json()).detail, /“period”/u);
      }
    });

    it('gives the Q&A statistics in the open API too', async () => {
      await askQuestion(seeded.db, {
        channel: 'xihu',
        category: '其他',
        title: '商铺扶持',
        body: '请问商铺有什么扶持?',
        name: '钱七',
        contact: 'qian@example.cn',
        publish: false,
        consent: 'yes',
      });
      const response = await seeded.app.request('/api/v1/questions/stats');
      assert.equal(response.status, 200);
      const body = await response.json();
      const xihu = body.byOffice.find((row: { office: { slug: string } }) => row.office.slug === 'xihu');
      assert.deepEqual([xihu.received, xihu.answered, xihu.averageDays], [1, 0, null]);
      assert.deepEqual([body.byMonth.at(-1).month, body.byMonth.at(-1).received], [current, 1], 'by Beijing month of receipt');
      assert.doesNotMatch(JSON.stringify(body), /钱七|qian@/u, 'counts only');
    });

    it('counts a request filed a moment ago, without making the cached pages stale', async () => {
      const path = `/appeals/stats?period=${current}`;
      const receivedNow = async () => Number(/受理 (\d+) 件/u.exec(await (await seeded.app.request(path)).text())?.[1]);
      const before = await receivedNow();
      await seeded.app.request('/');
      const cached = seeded.pageCache.stats();
      const filed = appealSchema(['donghu']).parse({
        creditCode: '9144030071526726XG',
        enterpriseName: '南昌示例科技有限公司',
        contactName: '李四',
        contactPhone: '13800138000',
        channel: 'donghu',
        category: '用工',
        title: '招工难,请协助对接',
        body: '新厂区投产需要二百名普工,请协助对接人社部门。',
        consent: 'yes',
      });
      await fileAppeal(seeded.db, filed);
      assert.equal(await receivedNow(), before + 1);
      await seeded.app.request('/');
      assert.equal(seeded.pageCache.stats().hits, cached.hits + 1, 'the home page is still served from memory');
    });
  });
}
