// English /data and /projects: only checked figures and projects, English names, amounts on the
// English scale, English chart labels.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ConsoleUser } from '../accounts/account.ts';
import { openSeededApp } from '../../test/helpers/test-app.ts';
import { testDialects } from '../../test/helpers/test-db.ts';
import { curateFact } from './fact-curation.service.ts';
import { addManualProject } from './project-curation.service.ts';

const ADMIN: ConsoleUser = { id: 1, name: 'admin', roles: ['admin'], channels: [], mustChangePassword: false };
const ACTOR = { userId: 1, userName: 'admin' };

for (const dialect of testDialects()) {
  describe(`English data and projects on ${dialect.name}`, () => {
    let seeded: Awaited<ReturnType<typeof openSeededApp>>;
    let unchecked: number;
    before(async () => {
      seeded = await openSeededApp({ dialect });
      const gdp = await seeded.db
        .selectFrom('indicator_fact')
        .select(['id', 'channel'])
        .where('indicator', '=', 'gdp')
        .where('channel', '=', 'donghu')
        .orderBy('id')
        .executeTakeFirstOrThrow();
      await curateFact(seeded.db, ADMIN, ACTOR, Number(gdp.id), {
        kind: 'correct',
        correction: { year: 2025, period: null, kind: 'actual', value: 582.3, unit: '亿元', growth: 7.5, stretch: null },
      });
      const others = await seeded.db.selectFrom('indicator_fact').select('id').where('curation', 'is', null).execute();
      unchecked = others.length;
      await addManualProject(seeded.db, ADMIN, ACTOR, { name: '赣江新区智能制造产业园', amountYi: 12.5, channel: 'donghu', industry: 'C', stage: '签约' });
    });
    after(() => seeded.close());

    it('/en/data shows only the checked figure, in English, with an English chart', async () => {
      const html = await (await seeded.app.request('/en/data')).text();
      assert.ok(unchecked > 0, 'the seed has figures no editor checked');
      const rows = [...html.matchAll(/<tr><td>([^<]*)<\/td><td>([^<]*)<\/td><td>([^<]*)<\/td><td>([^<]*)<\/td><td>([^<]*)<\/td><td>([^<]*)<\/td>/g)].map((m) =>
        m.slice(1),
      );
      assert.deepEqual(rows, [['Donghu District', 'Gross regional product (GDP)', '2025', 'Actual', 'CNY 58.23 billion', '7.5%']]);
      const chart = /data-chart="([^"]+)"/.exec(html)?.[1]?.replaceAll('&quot;', '"');
      assert.deepEqual(JSON.parse(chart!), { unit: 'CNY billion', categories: ['Donghu District'], series: [{ name: 'GDP 2025', data: [58.23] }] });
      assert.match(html, /<th scope="col">Unit: CNY billion<\/th>/);
      assert.match(html, /<link rel="alternate" hreflang="zh-CN" href="http:\/\/localhost\/data"\/>/);
    });

    it('/en/projects lists the checked project with its English stage, industry and amount', async () => {
      const html = await (await seeded.app.request('/en/projects')).text();
      assert.match(
        html,
        /<tr><td lang="zh-CN">赣江新区智能制造产业园<\/td><td>Donghu District<\/td><td>Manufacturing<\/td><td>Signed<\/td><td>CNY 1.25 billion<\/td><\/tr>/,
      );
      assert.match(html, /Investment by area/);
      const chinese = await (await seeded.app.request('/projects')).text();
      assert.match(chinese, /<link rel="alternate" hreflang="en" href="http:\/\/localhost\/en\/projects"\/>/);
      assert.doesNotMatch(await (await seeded.app.request('/projects?stage=%E7%AD%BE%E7%BA%A6')).text(), /<link rel="alternate" hreflang/);
    });
  });
}
