import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { consoleClient } from '../../test/helpers/console-client.ts';
import { openForm } from '../../test/helpers/forms.ts';
import { imageFile } from '../../test/helpers/upload-files.ts';
import { segmenter } from '../../test/helpers/seed.ts';
import { openSeededApp } from '../../test/helpers/test-app.ts';
import { testDialects } from '../../test/helpers/test-db.ts';
import type { ConsoleUser } from '../accounts/account.ts';
import { createUser } from '../accounts/account.service.ts';
import { passwordPolicy } from '../accounts/password-policy.ts';
import { COMMAND_LINE } from '../audit/audit.service.ts';
import { addCalendarDays } from '../calendar/working-calendar.ts';
import { messageQueue } from '../contact/message.service.ts';
import { chinaDate } from '../lib/china-time.ts';
import { staleVacancyCheck } from './site.inspection.ts';
import { refreshSiteStalenessDay, siteList, staleSites } from './site.service.ts';

const PASSWORD = 'correct horse battery';
const today = () => chinaDate(new Date());
const BUILDING = {
  kind: 'building',
  name: '红谷滩数字经济大厦',
  channel: 'honggutan',
  address: '红谷滩区会展路 1 号',
  advantages: '地铁 1 号线出口,配套人才公寓。<script>alert(1)</script>',
  contactName: '陈敏',
  contactPhone: '0791-88880001',
  areaM2: '45000',
  vacantM2: '6200.5',
  rentMin: '1.2',
  rentMax: '2.1',
  propertyFee: '12.5',
  grade: '甲级',
  floors: '32',
  industry_C: 'yes',
  industry_I: 'yes',
};
const PARK = {
  ...BUILDING,
  kind: 'park',
  name: '红谷滩总部经济园',
  areaM2: '1000000',
  vacantM2: '',
  rentMin: '',
  rentMax: '',
  grade: '',
  floors: '',
  industry_C: '',
  industry_J: 'yes',
};
const LAND = {
  kind: 'land',
  name: '长堎工业地块',
  channel: 'xinjian',
  address: '新建区长堎工业园',
  advantages: '临近沪昆高速。',
  contactName: '王工',
  contactPhone: '13800138000',
  areaMu: '120',
  landUse: '工业',
  landStatus: '在售',
  plotRatioMin: '1.2',
  plotRatioMax: '2.5',
  industry_C: 'yes',
};
const FACTORY = {
  ...LAND,
  kind: 'factory',
  name: '长堎标准厂房 3 号楼',
  areaM2: '5000',
  vacantM2: '5000',
  areaMu: '',
  landUse: '',
  landStatus: '',
  industry_C: '',
};
const reviewer = (channel: string): ConsoleUser => ({ id: 0, name: `rev.${channel}`, roles: ['reviewer'], channels: [channel], mustChangePassword: false });
const idIn = (location: string | null) => Number(/\/admin\/parks\/(\d+)\?saved=1$/.exec(location ?? '')?.[1]);
const links = (html: string) => [...html.matchAll(/<a href="\/parks\/(\d+)">/g)].map((match) => Number(match[1])).sort((a, b) => a - b);

for (const dialect of testDialects()) {
  describe(`载体库 on ${dialect.name}`, () => {
    it('runs sites from the console to the filtered list, the map, a page, 我要咨询, feeds, sitemap, search and the open API', async () => {
      const seeded = await openSeededApp({ dialect });
      try {
        const { app, db } = seeded;
        const policy = passwordPolicy('modern');
        await createUser(db, COMMAND_LINE, { name: 'hgt', roles: ['editor'], password: PASSWORD, channels: ['honggutan'] }, policy);
        await createUser(db, COMMAND_LINE, { name: 'xj', roles: ['editor'], password: PASSWORD, channels: ['xinjian'] }, policy);
        const hgt = consoleClient(app, '192.0.2.81');
        const xj = consoleClient(app, '192.0.2.82');
        assert.equal((await hgt.signIn('hgt', PASSWORD)).status, 303);
        assert.equal((await xj.signIn('xj', PASSWORD)).status, 303);

        // No sites yet: an honest empty state, no invented examples.
        const empty = await (await app.request('/parks')).text();
        assert.match(empty, /尚未发布载体信息/);
        assert.deepEqual(links(empty), []);

        // The editor: messages beside the fields, input kept; another district refused; CSRF.
        assert.equal((await hgt.get('/admin/parks/new')).status, 200);
        const invalid = await hgt.post('/admin/parks', { ...BUILDING, grade: '', rentMin: '3', rentMax: '2', confirmedOn: today() });
        assert.equal(invalid.status, 400);
        const invalidHtml = await invalid.text();
        for (const message of [/请选择楼宇等级/, /租金上限不能小于下限/]) assert.match(invalidHtml, message);
        assert.match(invalidHtml, /value="红谷滩区会展路 1 号"/, 'what was typed stays');
        assert.equal((await hgt.post('/admin/parks', { ...LAND, confirmedOn: today() })).status, 400, 'another district');
        assert.equal((await hgt.post('/admin/parks', { ...BUILDING, confirmedOn: today() }, false)).status, 403, 'CSRF');

        // The building was last confirmed 100 days ago: 待更新 from the start.
        const building = idIn((await hgt.post('/admin/parks', { ...BUILDING, confirmedOn: addCalendarDays(today(), -100) })).headers.get('location'));
        const park = idIn((await hgt.post('/admin/parks', { ...PARK, confirmedOn: today() })).headers.get('location'));
        const land = idIn((await xj.post('/admin/parks', { ...LAND, confirmedOn: today() })).headers.get('location'));
        const factory = idIn((await xj.post('/admin/parks', { ...FACTORY, confirmedOn: today() })).headers.get('location'));
        assert.ok([building, park, land, factory].every((id) => id > 0));
        assert.equal((await hgt.get(`/admin/parks/${land}`)).status, 404, 'another district’s site');
        assert.equal((await hgt.post(`/admin/parks/${land}/confirm`, { landStatus: '已出让' })).status, 404);
        assert.equal((await hgt.confirm(`/admin/parks/${land}/delete`)).status, 404);
        const hgtList = await (await hgt.get('/admin/parks')).text();
        assert.doesNotMatch(hgtList, /长堎/);
        assert.match(hgtList, /待确认空置信息[^]*红谷滩数字经济大厦[^]*全部载体/, 'the stale building is listed first');

        // Filters: district, kind, industry, and area bounds inclusive at both ends (land: 120 亩 = 80000 m²).
        const listed = async (query: string) => links(await (await app.request(`/parks?${query}`)).text());
        const sorted = (...ids: number[]) => ids.sort((a, b) => a - b);
        assert.deepEqual(await listed(''), sorted(building, park, land, factory));
        assert.deepEqual(await listed('channel=xinjian'), sorted(land, factory));
        assert.deepEqual(await listed('kind=land'), [land]);
        assert.deepEqual(await listed('industry=C'), sorted(building, land));
        assert.deepEqual(await listed('industry=J'), [park]);
        assert.deepEqual(await listed('industry=Q'), []);
        assert.deepEqual(await listed('areaMin=45000&areaMax=80000'), sorted(building, land));
        assert.deepEqual(await listed('areaMin=45000.01&areaMax=79999.99'), []);
        assert.deepEqual(await listed('areaMin=80000&areaMax=80000'), [land]);
        assert.deepEqual(await listed('areaMax=5000'), [factory]);
        assert.deepEqual(await listed('channel=honggutan&kind=building&industry=I&areaMin=1000'), [building]);
        assert.deepEqual(await listed(`q=${encodeURIComponent('沪昆高速')}`), sorted(land, factory));
        for (const [query, message] of [
          ['areaMin=abc', '最小面积请填写'],
          ['areaMin=10&areaMax=5', '最小面积不能大于最大面积'],
          ['kind=office', '没有这种载体类型'],
          ['industry=Z', '没有这个行业门类'],
          ['channel=atlantis', '没有这个地区'],
        ]) {
          const response = await app.request(`/parks?${query}`);
          assert.equal(response.status, 400, query);
          assert.match(await response.text(), new RegExp(message!), query);
        }

        // The map: each district with its count, linked to its list (works without script), the boundaries shipped.
        const list = await (await app.request('/parks')).text();
        const spec = JSON.parse(/data-site-map="([^"]+)"/.exec(list)![1]!.replaceAll('&quot;', '"').replaceAll('&amp;', '&')) as {
          geo: string;
          districts: Array<{ name: string; value: number; href: string }>;
        };
        assert.deepEqual(
          spec.districts.find((district) => district.name === '红谷滩区'),
          { name: '红谷滩区', value: 2, href: '/parks?channel=honggutan' },
        );
        assert.equal(spec.districts.find((district) => district.name === '新建区')?.value, 2);
        assert.ok(!spec.districts.some((district) => district.name === '高新区'), 'zones have no polygon');
        assert.match(list, /<a href="\/parks\?channel=gaoxin">高新区<\/a><\/th><td>0<\/td>/);
        const geo = await app.request(spec.geo);
        assert.equal(geo.headers.get('content-type'), 'application/geo+json');
        assert.match(geo.headers.get('cache-control') ?? '', /immutable/);
        const names = ((await geo.json()) as { features: Array<{ properties: { name: string } }> }).features.map((feature) => feature.properties.name);
        for (const name of ['东湖区', '西湖区', '青云谱区', '青山湖区', '新建区', '红谷滩区', '南昌县', '进贤县', '安义县'])
          assert.ok(names.includes(name), name);
        assert.ok(!names.includes('湾里区'), 'today’s districts, not those before 2019');

        // A page: facts of its kind, both land units, the 待更新 mark, text escaped.
        const landPage = await (await app.request(`/parks/${land}`)).text();
        assert.match(landPage, /120 亩\(约 80,000 平方米\)/);
        assert.match(landPage, /1\.2–2\.5/);
        assert.match(landPage, /在售/);
        assert.doesNotMatch(landPage, /待更新/);
        const buildingPage = await (await app.request(`/parks/${building}`)).text();
        assert.match(buildingPage, /<strong>待更新<\/strong>/);
        assert.match(buildingPage, /1\.2–2\.1 元\/平方米·天/);
        assert.match(buildingPage, /12\.5 元\/平方米·月/);
        assert.match(buildingPage, /信息传输、软件和信息技术服务业/);
        assert.doesNotMatch(buildingPage, /<script>alert/);
        assert.equal((await app.request('/parks/99999')).status, 404);

        // 确认空置: the vacancy and today's date in one step; the mark goes.
        assert.equal((await hgt.post(`/admin/parks/${building}/confirm`, { vacantM2: '50000' })).status, 400, 'more than the building');
        assert.equal((await hgt.post(`/admin/parks/${building}/confirm`, { vacantM2: '4,800' })).status, 303);
        const confirmed = await (await app.request(`/parks/${building}`)).text();
        assert.doesNotMatch(confirmed, /待更新/);
        assert.match(confirmed, /4,800 平方米/);
        assert.match(confirmed, new RegExp(`最近确认</dt><dd>${today()}`));

        // 我要咨询 reaches the office of the site's district, and only it; a company abroad with a foreign phone.
        const ask = await openForm(app, `/parks/${building}/ask`, '198.51.100.31');
        const refused = await ask.post({
          registration: 'abroad',
          registrationCountry: 'DE',
          registrationNumber: 'HRB 654321',
          companyName: 'Rhein GmbH',
          name: 'Anna Weber',
          contact: '+49 30 1234567',
          question: '是否有整层出租?',
        });
        assert.equal(refused.status, 400);
        assert.match(await refused.text(), /请阅读并同意/);
        const sent = await ask.post({
          registration: 'abroad',
          registrationCountry: 'DE',
          registrationNumber: 'hrb 654321',
          companyName: 'Rhein Antriebstechnik GmbH',
          name: 'Anna Weber',
          contact: '+49 30 1234567',
          question: '请问 20 层以上是否有 1000 平方米整层出租?',
          consent: 'yes',
        });
        assert.equal(sent.status, 303);
        const code = /^\/contact\/status\?code=(LY-[0-9A-Z-]+)&new=1$/.exec(sent.headers.get('location') ?? '')?.[1];
        assert.ok(code, sent.headers.get('location') ?? '');
        assert.match(await (await app.request(`/contact/status?code=${code}&new=1`)).text(), /我要咨询:红谷滩数字经济大厦/, 'the receipt');
        const [message, ...more] = await messageQueue(db, reviewer('honggutan'));
        assert.equal(more.length, 0);
        assert.equal(message?.aboutPath, `/parks/${building}`);
        assert.equal(message?.senderContact, '+49301234567');
        assert.match(message?.body ?? '', /企业名称:Rhein Antriebstechnik GmbH\n注册地:境外\(含港澳台地区\)\n注册国家或地区:德国\n境外注册号:HRB 654321/);
        assert.deepEqual(await messageQueue(db, reviewer('xinjian')), [], 'not another district’s queue');
        assert.equal((await ask.post({ consent: 'yes' }, '/parks/99999/ask')).status, 404);

        // A photo of the building, through the uploads (owner kind site): on its page, in the API; not by another district.
        const editorPage = await (await hgt.get(`/admin/parks/${building}`)).text();
        assert.match(editorPage, new RegExp(`action="/admin/attachments/upload/site/${building}" enctype="multipart/form-data"`));
        const photo = await imageFile('jpeg', 1200, 800);
        const uploaded = await hgt.upload(`/admin/attachments/upload/site/${building}`, { name: '大厦外景.jpg', bytes: photo });
        assert.equal(uploaded.status, 303);
        assert.equal(uploaded.headers.get('location'), `/admin/parks/${building}#attachments`);
        assert.equal((await xj.upload(`/admin/attachments/upload/site/${building}`, { name: 'x.jpg', bytes: photo })).status, 404);
        const withPhoto = await (await app.request(`/parks/${building}`)).text();
        const src = /<img src="(\/files\/[0-9a-f]{64}\/[^"]+)"/.exec(withPhoto)?.[1];
        assert.ok(src, 'the photo is shown');
        assert.match(withPhoto, /大厦外景\.jpg/);
        assert.equal((await app.request(src!)).status, 200, 'served to the public');
        const apiOne = (await (await app.request(`/api/v1/parks/${building}`)).json()) as { attachments: Array<{ name: string }> };
        assert.deepEqual(
          apiOne.attachments.map((attachment) => attachment.name),
          ['大厦外景.jpg'],
        );

        // Feeds, sitemap, the site's search, the open API.
        for (const feed of ['/parks/rss.xml', '/parks/atom.xml']) {
          const xml = await (await app.request(feed)).text();
          assert.match(xml, new RegExp(`/parks/${land}<`), feed);
          assert.match(xml, /长堎工业地块/);
        }
        const sitemap = await (await app.request('/sitemap.xml')).text();
        assert.match(sitemap, new RegExp(`/parks/${building}</loc>`));
        assert.match(sitemap, /\/parks<\/loc>/);
        const search = await (await app.request(`/search?q=${encodeURIComponent('人才公寓')}`)).text();
        assert.match(search, /相关载体/);
        assert.match(search, new RegExp(`<a href="/parks/${building}">`));
        const api = (await (await app.request('/api/v1/parks?channel=xinjian&areaMin=80000&areaMax=80000')).json()) as {
          items: Array<{ id: number; areaMu: number; areaM2: number; plotRatio: unknown; stale: boolean; industries: Array<{ code: string }> }>;
          nextCursor: string | null;
        };
        assert.deepEqual(
          api.items.map((item) => [item.id, item.areaMu, item.areaM2, item.plotRatio, item.stale, item.industries.map((industry) => industry.code)]),
          [[land, 120, 80_000, { min: 1.2, max: 2.5 }, false, ['C']]],
        );
        const first = (await (await app.request('/api/v1/parks?limit=3')).json()) as typeof api;
        const rest = (await (await app.request(`/api/v1/parks?limit=3&cursor=${first.nextCursor}`)).json()) as typeof api;
        assert.deepEqual(sorted(...first.items.map((item) => item.id), ...rest.items.map((item) => item.id)), sorted(building, park, land, factory));
        assert.equal(rest.nextCursor, null);
        assert.equal((await app.request('/api/v1/parks?areaMin=10&areaMax=5')).status, 400);
        assert.equal((await app.request('/api/v1/parks/99999')).status, 404);

        // Deleting, and the audit log of who did what.
        const asked = await xj.post(`/admin/parks/${factory}/delete`);
        assert.equal(asked.status, 200, 'asks first');
        assert.match(await asked.text(), /确认删除载体/);
        assert.equal((await app.request(`/parks/${factory}`)).status, 200, 'not deleted yet');
        assert.equal((await xj.confirm(`/admin/parks/${factory}/delete`)).status, 303);
        assert.equal((await app.request(`/parks/${factory}`)).status, 404);
        const audit = await db.selectFrom('audit_log').select(['action', 'user_name', 'channel']).where('target_type', '=', 'site').orderBy('id').execute();
        assert.deepEqual(
          audit.map((entry) => `${entry.action} ${entry.user_name} ${entry.channel}`),
          [
            'site.create hgt honggutan',
            'site.create hgt honggutan',
            'site.create xj xinjian',
            'site.create xj xinjian',
            'site.confirm hgt honggutan',
            'attachment.upload hgt honggutan',
            'site.delete xj xinjian',
          ],
        );
      } finally {
        await seeded.close();
      }
    });

    it('marks a vacancy 待更新 after 90 Beijing days, on the day it turns, and makes cached pages stale then', async () => {
      const seeded = await openSeededApp({ dialect });
      try {
        const { app, db } = seeded;
        await createUser(db, COMMAND_LINE, { name: 'hgt', roles: ['editor'], password: PASSWORD, channels: ['honggutan'] }, passwordPolicy('modern'));
        const hgt = consoleClient(app, '192.0.2.83');
        assert.equal((await hgt.signIn('hgt', PASSWORD)).status, 303);
        assert.equal((await hgt.post('/admin/parks', { ...BUILDING, confirmedOn: '2026-06-01' })).status, 303);
        const user: ConsoleUser = { id: 0, name: 'hgt', roles: ['editor'], channels: ['honggutan'], mustChangePassword: false };
        const other: ConsoleUser = { ...user, channels: ['xinjian'] };
        // 2026-06-01 + 90 days is 2026-08-30; Beijing's 2026-08-31 begins at 2026-08-30T16:00Z.
        const at = (iso: string) => new Date(iso);
        const stale = async (now: Date) => (await siteList(db, segmenter, {}, 1, now)).items[0]?.stale;
        assert.equal(await stale(at('2026-08-29T03:00:00Z')), false, '89 days');
        assert.equal(await stale(at('2026-08-30T15:59:59Z')), false, '90 days, the last minute of the Beijing day');
        assert.equal(await stale(at('2026-08-30T16:00:00Z')), true, '91 days from Beijing midnight');
        assert.equal((await staleSites(db, user, 10, at('2026-08-30T15:59:59Z'))).length, 0);
        assert.equal((await staleSites(db, user, 10, at('2026-08-30T16:00:00Z'))).length, 1);
        assert.equal((await staleSites(db, other, 10, at('2026-08-30T16:00:00Z'))).length, 0, 'another district’s editor');

        // The inspection lists it from the day it turns 待更新, for its district's editors.
        const inspect = (now: Date) => staleVacancyCheck.run({ db, now } as unknown as Parameters<typeof staleVacancyCheck.run>[0]);
        assert.deepEqual(
          (await inspect(at('2026-08-30T15:59:59Z'))).map((finding) => finding.severity),
          ['ok'],
        );
        const [finding, ...others] = await inspect(at('2026-08-30T16:00:00Z'));
        assert.equal(others.length, 0);
        assert.equal(finding?.severity, 'warning');
        assert.equal(finding?.channel, 'honggutan');
        assert.match(finding?.href ?? '', /^\/admin\/parks\/\d+$/);
        assert.match(finding?.message ?? '', /已 91 天未确认\(最近确认 2026-06-01\)/);

        const version = async () => Number((await db.selectFrom('content_version').select('version').executeTakeFirstOrThrow()).version);
        assert.equal(await refreshSiteStalenessDay(db, at('2026-08-29T03:00:00Z')), false, 'the first run only notes the day');
        const before = await version();
        assert.equal(await refreshSiteStalenessDay(db, at('2026-08-30T03:00:00Z')), false, 'nothing turns stale at 90 days');
        assert.equal(await refreshSiteStalenessDay(db, at('2026-08-31T03:00:00Z')), true, 'the building turns stale');
        assert.equal(await version(), before + 1);
        assert.equal(await refreshSiteStalenessDay(db, at('2026-08-31T09:00:00Z')), false, 'once a day');
      } finally {
        await seeded.close();
      }
    });
  });
}
