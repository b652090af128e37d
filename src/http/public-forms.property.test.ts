// Property tests for every public form and query page: whatever a client sends (any Unicode, lone
// surrogates, control characters, very long values, extra and repeated fields, broken multipart,
// any Content-Type), the answer is never a 5xx, and nothing is stored unless the answer is the
// form's success redirect. And every form that asks for a phone number takes any international one
// (E.164, written as people write it) and stores it in E.164. fast-check prints the seed and path
// of a failing run to replay it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import type { Kysely } from 'kysely';
import { createUser } from '../accounts/account.service.ts';
import { passwordPolicy } from '../accounts/password-policy.ts';
import { COMMAND_LINE } from '../audit/audit.service.ts';
import { chinaDate } from '../lib/china-time.ts';
import { saveSite } from '../parks/site.service.ts';
import { siteSchema } from '../parks/site.ts';
import { anyInput, anyText } from '../../test/helpers/arbitraries.ts';
import { openSeededApp } from '../../test/helpers/test-app.ts';

const PASSWORD = 'correct horse battery';
const COUNTED = ['submission', 'enterprise_application', 'contact_message', 'appeal', 'question', 'app_user', 'session'] as const;
type Counted = (typeof COUNTED)[number];

/** Each form with a valid post, the table a success adds a row to, and where success redirects. */
const APPLICATION = {
  companyName: '江西智造科技有限公司',
  creditCode: '9144030071526726XG',
  industry: 'C',
  channel: 'xiaolan',
  plannedInvestment: '50,000.5',
  contactPerson: '李四',
  contactMobile: '+86 138-0013-8000',
  description: '新能源汽车零部件生产基地,一期建设两条产线。',
  consent: 'yes',
};
const APPEAL = {
  enterpriseName: '东湖数字科技有限公司',
  registration: 'china',
  creditCode: '91110000802100433B',
  contactName: '赵六',
  contactPhone: '137 0013 7000',
  channel: 'donghu',
  category: '融资',
  title: '流动资金贷款续贷困难',
  body: '我公司一笔流动资金贷款将到期,银行暂不同意续贷,希望协调。',
  consent: 'yes',
};
const ABROAD = { registration: 'abroad', registrationCountry: 'DE', registrationNumber: 'HRB 12345' };
const QUESTION = {
  channel: 'nanchang',
  category: '投资政策',
  title: '外资企业的用地政策',
  body: '境外企业在南昌设立工厂,用地有哪些政策?',
  name: 'Anna Weber',
  contact: 'anna@example.de',
  publish: 'yes',
  consent: 'yes',
};

const FORMS: Array<{ path: string; valid: Record<string, string>; table: Counted; success: RegExp; runs: number }> = [
  {
    path: '/submit',
    valid: {
      title: '红谷滩区新签约数字经济项目',
      body: '红谷滩区本周签约三个数字经济项目,总投资约12亿元,预计明年投产。',
      channel: 'honggutan',
      name: '张三',
      contact: '13800138000',
      consent: 'yes',
    },
    table: 'submission',
    success: /^\/submit\/status\?code=TG-/,
    runs: 120,
  },
  { path: '/enterprises/apply', valid: APPLICATION, table: 'enterprise_application', success: /^\/enterprises\/status\?code=RZ-/, runs: 120 },
  // A company abroad: the fields of the other registration may be posted too, and must not matter.
  { path: '/enterprises/apply', valid: { ...APPLICATION, ...ABROAD }, table: 'enterprise_application', success: /^\/enterprises\/status\?code=RZ-/, runs: 60 },
  { path: '/appeals', valid: APPEAL, table: 'appeal', success: /^\/appeals\/track\?code=SQ-/, runs: 80 },
  { path: '/appeals', valid: { ...APPEAL, ...ABROAD }, table: 'appeal', success: /^\/appeals\/track\?code=SQ-/, runs: 60 },
  { path: '/qa/ask', valid: QUESTION, table: 'question', success: /^\/qa\/status\?code=WD-/, runs: 80 },
  {
    path: '/contact',
    valid: {
      channel: 'donghu',
      subject: '咨询厂房租赁',
      body: '请问东湖区有没有适合电商企业的办公楼宇?',
      name: '王五',
      contact: 'wang@example.cn',
      consent: 'yes',
    },
    table: 'contact_message',
    success: /^\/contact\/status\?code=LY-/,
    runs: 120,
  },
  {
    // The 我要咨询 of the site made in `before` (a contact message to its district's office).
    path: '/parks/1/ask',
    valid: {
      registration: 'abroad',
      registrationCountry: 'DE',
      registrationNumber: 'HRB 654321',
      companyName: 'Rhein Antriebstechnik GmbH',
      name: 'Anna Weber',
      contact: '+49 30 1234567',
      question: '请问是否有 1000 平方米整层出租?',
      consent: 'yes',
    },
    table: 'contact_message',
    success: /^\/contact\/status\?code=LY-/,
    runs: 120,
  },
  // Each sign-in hashes a password, so fewer runs.
  { path: '/admin/login', valid: { name: 'admin', password: PASSWORD, next: '/admin/users' }, table: 'session', success: /^\/admin(\/[\w/-]*)?$/, runs: 40 },
];

/** The fields a client posts: the valid ones, each kept, changed or left out, plus extra and repeated ones. */
function postedFields(valid: Record<string, string>): fc.Arbitrary<Array<[string, string]>> {
  const names = Object.keys(valid);
  const field = (name: string) =>
    fc.oneof(
      { arbitrary: fc.constant<[string, string] | undefined>([name, valid[name]!]), weight: 3 },
      fc.constant(undefined),
      anyInput(120).map((value): [string, string] => [name, value]),
    );
  const extra = fc.array(fc.tuple(fc.oneof(fc.constantFrom(...names, '_csrf', 'website', '__proto__', 'constructor'), anyText(20)), anyInput(60)), {
    maxLength: 4,
  });
  return fc.tuple(fc.tuple(...names.map(field)), extra).map(([kept, more]) => [...kept.filter((entry) => entry !== undefined), ...more]);
}

const CRLF = '\r\n';
const multipart = (boundary: string, fields: Array<[string, string]>) =>
  fields
    .map(([name, value]) => `--${boundary}${CRLF}Content-Disposition: form-data; name="${name.replace(/["\r\n]/gu, '_')}"${CRLF}${CRLF}${value}${CRLF}`)
    .join('') + `--${boundary}--${CRLF}`;

/** How the fields travel: as a browser encodes them, or broken in one of the ways a client can. */
const encoding = fc.oneof(
  fc.constant({ kind: 'urlencoded' as const }),
  fc.constant({ kind: 'multipart' as const }),
  fc.record({ kind: fc.constant('cut multipart' as const), keep: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({
    kind: fc.constant('wrong boundary' as const),
    header: fc.constantFrom(
      'multipart/form-data',
      'multipart/form-data; boundary=',
      'multipart/form-data; boundary=other',
      'multipart/form-data; boundary="unclosed',
    ),
  }),
  fc.record({
    kind: fc.constant('any type' as const),
    header: fc.oneof(
      anyText(40).filter((text) => /^[\t\x20-\x7e]*$/u.test(text)),
      fc.constantFrom('text/plain', 'application/json', 'MULTIPART/FORM-DATA', 'application/x-www-form-urlencoded; charset=gbk', ''),
    ),
  }),
);

type Encoding = typeof encoding extends fc.Arbitrary<infer T> ? T : never;

function encode(fields: Array<[string, string]>, how: Encoding): { contentType: string; body: string } {
  const boundary = '----zhaoshang7MA4YWxkTrZu0gW';
  const params = () => {
    const search = new URLSearchParams();
    for (const [name, value] of fields) search.append(name, value);
    return search.toString();
  };
  switch (how.kind) {
    case 'urlencoded':
      return { contentType: 'application/x-www-form-urlencoded', body: params() };
    case 'multipart':
      return { contentType: `multipart/form-data; boundary=${boundary}`, body: multipart(boundary, fields) };
    case 'cut multipart': {
      const whole = multipart(boundary, fields);
      return { contentType: `multipart/form-data; boundary=${boundary}`, body: whole.slice(0, Math.floor(whole.length * how.keep)) };
    }
    case 'wrong boundary':
      return { contentType: how.header, body: multipart(boundary, fields) };
    case 'any type':
      return { contentType: how.header, body: params() };
  }
}

describe('public forms take any input without a 5xx or a stray row (fast-check)', () => {
  let seeded: Awaited<ReturnType<typeof openSeededApp>>;
  let client = 0;
  // A client per request: the rate limit would otherwise answer most posts with a 429.
  const nextClient = () => `10.${(client >> 16) & 255}.${(client >> 8) & 255}.${(client += 1) & 255}`;
  const counts = async () =>
    Object.fromEntries(
      await Promise.all(
        COUNTED.map(async (table) => [
          table,
          (
            await seeded.db
              .selectFrom(table)
              .select(({ fn }) => fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        ]),
      ),
    ) as Record<Counted, number>;

  before(async () => {
    seeded = await openSeededApp();
    await createUser(seeded.db, COMMAND_LINE, { name: 'admin', roles: ['admin'], password: PASSWORD, channels: [] }, passwordPolicy('modern'));
    const site = siteSchema(['honggutan'], chinaDate(new Date())).parse({
      kind: 'factory',
      name: '红谷滩标准厂房',
      channel: 'honggutan',
      address: '红谷滩区会展路 1 号',
      advantages: '临近地铁。',
      contactName: '陈敏',
      contactPhone: '0791-88880001',
      areaM2: '8000',
      vacantM2: '2000',
      confirmedOn: chinaDate(new Date()),
    });
    const admin = { id: 1, name: 'admin', roles: ['admin' as const], channels: [], mustChangePassword: false };
    assert.equal(await saveSite(seeded.db, admin, { userId: 1, userName: 'admin' }, undefined, site), 1);
  });
  after(() => seeded.close());

  for (const form of FORMS) {
    it(`POST ${form.path}${form.valid.registration === 'abroad' ? ' (a company abroad)' : ''}`, async () => {
      await fc.assert(
        fc.asyncProperty(postedFields(form.valid), encoding, fc.boolean(), async (fields, how, withToken) => {
          const address = nextClient();
          const page = await seeded.app.request(form.path, { headers: { 'X-Forwarded-For': address } });
          const cookie = page.headers.get('set-cookie')!.split(';')[0]!;
          const token = /name="_csrf" value="([0-9a-f]{32})"/u.exec(await page.text())![1]!;
          const { contentType, body } = encode(withToken ? [['_csrf', token], ...fields] : fields, how);
          const before = await counts();
          const response = await seeded.app.request(form.path, {
            method: 'POST',
            headers: { Cookie: cookie, 'X-Forwarded-For': address, 'Content-Type': contentType },
            body,
          });
          const text = await response.text();
          assert.ok(response.status < 500, `${response.status}: ${text.slice(0, 300)}`);
          const succeeded = response.status === 303 && form.success.test(response.headers.get('location') ?? '');
          const expected = { ...before, ...(succeeded && { [form.table]: before[form.table] + 1 }) };
          assert.deepEqual(await counts(), expected, `rows after a ${response.status}`);
        }),
        { numRuns: form.runs },
      );
    });
  }

  // Each form's phone field, the column it is stored in, and the table's newest row after a success.
  const PHONE_FIELDS: Array<{ path: string; valid: Record<string, string>; field: string; table: Counted; column: string }> = [
    { path: '/submit', valid: FORMS[0]!.valid, field: 'contact', table: 'submission', column: 'author_contact' },
    { path: '/enterprises/apply', valid: { ...APPLICATION, ...ABROAD }, field: 'contactMobile', table: 'enterprise_application', column: 'contact_mobile' },
    { path: '/contact', valid: FORMS.find((form) => form.path === '/contact')!.valid, field: 'contact', table: 'contact_message', column: 'sender_contact' },
    { path: '/appeals', valid: { ...APPEAL, ...ABROAD }, field: 'contactPhone', table: 'appeal', column: 'contact_phone' },
    { path: '/qa/ask', valid: QUESTION, field: 'contact', table: 'question', column: 'asker_contact' },
  ];
  /** An international number in E.164 (not +86, which is the mainland's), and how someone might write it. */
  const internationalNumber = fc
    .tuple(fc.integer({ min: 1, max: 999 }), fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 7, maxLength: 14 }))
    .map(([country, digits]) => ({ country: String(country), subscriber: digits.join('').slice(0, 15 - String(country).length) }))
    .filter(({ country, subscriber }) => !`${country}${subscriber}`.startsWith('86') && `${country}${subscriber}`.length >= 8)
    .chain(({ country, subscriber }) =>
      fc
        .record({
          prefix: fc.constantFrom('+', '00', '＋', '(+'),
          separator: fc.constantFrom(' ', '-', '.', '', ' - '),
          cut: fc.integer({ min: 1, max: Math.max(1, subscriber.length - 1) }),
        })
        .map(({ prefix, separator, cut }) => ({
          e164: `+${country}${subscriber}`,
          written: `${prefix}${country}${prefix === '(+' ? ')' : ''} ${subscriber.slice(0, cut)}${separator}${subscriber.slice(cut)}`,
        })),
    );

  let posted = 0;
  for (const form of PHONE_FIELDS) {
    it(`POST ${form.path} takes any international number in ${form.field}, stored in E.164`, async () => {
      await fc.assert(
        fc.asyncProperty(internationalNumber, async ({ e164, written }) => {
          const address = nextClient();
          const page = await seeded.app.request(form.path, { headers: { 'X-Forwarded-For': address } });
          const cookie = page.headers.get('set-cookie')!.split(';')[0]!;
          const token = /name="_csrf" value="([0-9a-f]{32})"/u.exec(await page.text())![1]!;
          const response = await seeded.app.request(form.path, {
            method: 'POST',
            headers: { Cookie: cookie, 'X-Forwarded-For': address, 'Content-Type': 'application/x-www-form-urlencoded' },
            // A company has one open application: each post is another company.
            body: new URLSearchParams({ ...form.valid, registrationNumber: `HRB ${(posted += 1)}`, [form.field]: written, _csrf: token }).toString(),
          });
          const text = await response.text();
          assert.equal(response.status, 303, `${written}: ${/class="field-error"[^>]*>([^<]*)/u.exec(text)?.[1] ?? text.slice(0, 200)}`);
          const newest = await (seeded.db as unknown as Kysely<Record<string, Record<string, unknown>>>)
            .selectFrom(form.table)
            .select(form.column)
            .orderBy('id', 'desc')
            .limit(1)
            .executeTakeFirstOrThrow();
          assert.equal(newest[form.column], e164, written);
        }),
        { numRuns: 40 },
      );
    });
  }

  // Any bytes in the query string, including percent-escapes that are not UTF-8.
  const wellFormed = (text: string) => text.replace(/\p{Cs}/gu, '\uFFFD');
  const anyQueryValue = fc.oneof(
    anyInput(150).map((text) => encodeURIComponent(wellFormed(text))),
    fc.uint8Array({ maxLength: 60 }).map((bytes) => [...bytes].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('')),
    anyText(40).map((text) => [...wellFormed(text)].map((char) => (/[\w\u0080-\uffff]/u.test(char) ? char : encodeURIComponent(char))).join('')),
  );
  for (const [path, name] of [
    ['/submit/status', 'code'],
    ['/search', 'q'],
    ['/api/search', 'q'],
    ['/api/v1/search', 'q'],
    ['/api/v1/articles', 'cursor'],
    ['/api/v1/projects', 'industry'],
    ['/parks', 'areaMin'],
    ['/api/v1/parks', 'q'],
  ] as const) {
    it(`GET ${path}?${name}=…`, async () => {
      await fc.assert(
        fc.asyncProperty(anyQueryValue, fc.constantFrom('', '&page=2', '&channel=donghu', '&from=2025-01-01'), async (value, rest) => {
          const response = await seeded.app.request(`${path}?${name}=${value}${rest}`, { headers: { 'X-Forwarded-For': nextClient() } });
          const text = await response.text();
          assert.ok(response.status < 500, `${response.status}: ${text.slice(0, 300)}`);
          if (response.status >= 400) assert.match(text, /[\u4e00-\u9fff]/u, 'the refusal says why in Chinese');
        }),
        { numRuns: 150 },
      );
    });
  }
});
