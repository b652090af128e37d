// Property test for every console form: whatever a signed-in admin's browser posts (any Unicode,
// very long values, extra, missing and repeated fields, any id in the path), the answer is never
// a 5xx, and a refused post changes nothing: every change the console makes is audited, so a
// 4xx must leave the audit log and the edited tables as they were.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { createUser } from './accounts/account.service.ts';
import { passwordPolicy } from './accounts/password-policy.ts';
import { COMMAND_LINE } from './audit/audit.service.ts';
import { anyInput, anyText } from '../test/helpers/arbitraries.ts';
import { consoleClient } from '../test/helpers/console-client.ts';
import { openForm } from '../test/helpers/forms.ts';
import { openSeededApp } from '../test/helpers/test-app.ts';
import { pdfFile } from '../test/helpers/upload-files.ts';

const PASSWORD = 'correct horse battery';
const WATCHED = [
  'audit_log',
  'article',
  'article_revision',
  'app_user',
  'user_role',
  'user_channel',
  'session',
  'project',
  'submission',
  'enterprise_application',
  'contact_message',
  'appeal',
  'appeal_event',
  'appeal_extension',
  'policy',
  'policy_interpretation',
  'article_english',
  'policy_english',
  'site',
  'attachment',
  'attachment_variant',
] as const;
type Watched = (typeof WATCHED)[number];

// Every console POST route except sign-in and sign-out (which end the session the test works in);
// each `:id` is replaced by a real id or by something that is not one.
const ROUTES = [
  '/admin/password',
  '/admin/users',
  '/admin/users/:id/disable',
  '/admin/users/:id/enable',
  '/admin/users/:id/roles',
  '/admin/users/:id/reset-password',
  '/admin/users/:id/unlock',
  '/admin/submissions/:id/edit',
  '/admin/submissions/:id/publish',
  '/admin/submissions/:id/reject',
  '/admin/applications/:id/approve',
  '/admin/applications/:id/reject',
  '/admin/messages/:id/handle',
  '/admin/articles',
  '/admin/articles/:id',
  '/admin/articles/:id/unpublish',
  '/admin/articles/:id/revisions/:id/restore',
  '/admin/articles/:id/english',
  '/admin/facts/:id/confirm',
  '/admin/facts/:id/delete',
  '/admin/facts/:id/correct',
  '/admin/facts/articles/:id/confirm',
  '/admin/projects',
  '/admin/projects/:id/confirm',
  '/admin/projects/:id/delete',
  '/admin/projects/:id/correct',
  '/admin/projects/:id/stage',
  '/admin/projects/:id/milestone',
  '/admin/appeals/:id/assign',
  '/admin/appeals/:id/review',
  '/admin/appeals/:id/transfer',
  '/admin/appeals/:id/note',
  '/admin/appeals/:id/extension',
  '/admin/appeals/:id/extensions/:id/approve',
  '/admin/appeals/:id/extensions/:id/reject',
  '/admin/appeals/:id/resolve',
  '/admin/policies',
  '/admin/policies/:id',
  '/admin/policies/:id/validity',
  '/admin/policies/:id/interpretations',
  '/admin/policies/:id/interpretations/:id/unlink',
  '/admin/policies/:id/english',
  '/admin/parks',
  '/admin/parks/:id',
  '/admin/parks/:id/confirm',
  '/admin/parks/:id/delete',
  '/admin/attachments/upload/policy/:id',
  '/admin/attachments/upload/article/:id',
  '/admin/attachments/upload/:id/:id',
  '/admin/attachments/:id/remove',
  '/admin/attachments/:id/move',
];
// The field names the console's forms use (`confirmed` gets irreversible actions past their
// confirmation page), and a few that none does.
const FIELD_NAMES = [
  'title',
  'body',
  'channel',
  'channels',
  'status',
  'publishAt',
  'publishedOn',
  'reason',
  'note',
  'name',
  'password',
  'current',
  'next',
  'role',
  'roles',
  'value',
  'unit',
  'growth',
  'stretch',
  'year',
  'period',
  'place',
  'qualifier',
  'kind',
  'version',
  'amount',
  'industry',
  'stage',
  'milestone',
  'plannedOn',
  'handler',
  'to',
  'resolution',
  'workingDays',
  'docNumber',
  'issuer',
  'level',
  'topic',
  'writtenOn',
  'effectiveOn',
  'validUntil',
  'replacement',
  'article',
  'address',
  'advantages',
  'contactName',
  'contactPhone',
  'areaM2',
  'areaMu',
  'vacantM2',
  'rentMin',
  'rentMax',
  'grade',
  'floors',
  'landUse',
  'landStatus',
  'confirmedOn',
  'industry_C',
  'intent',
  'action',
  'type',
  'confirmed',
  'direction',
  'file',
  '__proto__',
  'constructor',
];

const id = fc.oneof(fc.integer({ min: 1, max: 12 }).map(String), fc.constantFrom('0', '-1', '99999999999999999999', '1e3', 'abc', '__proto__', '%E4%B8%AD'));
// A real value some of the time, so posts get past the first checks and reach the services.
const value = fc.oneof(
  anyInput(300),
  fc.constantFrom(
    'nanchang',
    'donghu',
    '__proto__',
    'published',
    'draft',
    'scheduled',
    'admin',
    'editor',
    'reviewer',
    'editor,reviewer',
    '2026-01-01',
    '2026-02-30',
    '12.5',
    '1e400',
    '-0',
    'NaN',
    '亿元',
    '%',
    'C',
    'signed',
    'construction',
    'yes',
    '1',
    'xihu',
    '3',
    '洪府发〔2025〕12号',
    '区',
    '人才',
    'in_force',
    'amended',
    'repealed',
    'building',
    'land',
    '甲级',
    '工业',
    '在售',
    '13800138000',
    'up',
    'down',
    'policy',
  ),
);
const fields = fc.array(fc.tuple(fc.oneof({ arbitrary: fc.constantFrom(...FIELD_NAMES), weight: 4 }, anyText(12)), value), { maxLength: 10 });

describe('console forms take any input without a 5xx or an unaudited change (fast-check)', () => {
  let seeded: Awaited<ReturnType<typeof openSeededApp>>;
  let admin: ReturnType<typeof consoleClient>;
  const counts = async () =>
    Object.fromEntries(
      await Promise.all(
        WATCHED.map(async (table) => [
          table,
          (
            await seeded.db
              .selectFrom(table)
              .select(({ fn }) => fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        ]),
      ),
    ) as Record<Watched, number>;

  before(async () => {
    seeded = await openSeededApp();
    await createUser(seeded.db, COMMAND_LINE, { name: 'admin', roles: ['admin'], password: PASSWORD, channels: [] }, passwordPolicy('modern'));
    admin = consoleClient(seeded.app);
    assert.equal((await admin.signIn('admin', PASSWORD)).status, 303);
    // Enterprise requests in each status an action starts from, the admin handling those in hand.
    for (let n = 1; n <= 6; n += 1) {
      const form = await openForm(seeded.app, '/appeals', `198.18.1.${n}`);
      const filed = await form.post({
        creditCode: '91110000802100433B',
        enterpriseName: '东湖数字科技有限公司',
        contactName: '赵六',
        contactPhone: '13700137000',
        channel: n % 2 === 0 ? 'donghu' : 'nanchang',
        category: '融资',
        title: `第${n}项融资诉求`,
        body: '我公司一笔流动资金贷款将到期,希望协调续贷。',
        consent: 'yes',
      });
      assert.equal(filed.status, 303);
    }
    for (const appealId of [1, 2, 3, 4]) assert.equal((await admin.confirm(`/admin/appeals/${appealId}/assign`, { handler: '1' })).status, 303);
    assert.equal((await admin.confirm('/admin/appeals/2/extension', { workingDays: '2', reason: '银行审批需要时间。' })).status, 303);
    assert.equal((await admin.confirm('/admin/appeals/3/resolve', { resolution: '银行已同意续贷。' })).status, 303);
    // A policy with files attached, so that moves and removals reach the service.
    await admin.get('/admin/policies/new');
    const policy = await admin.post('/admin/policies', {
      title: '南昌市支持数字经济发展若干措施',
      docNumber: '',
      issuer: '南昌市人民政府',
      level: '市',
      channel: 'nanchang',
      topic: '产业扶持',
      writtenOn: '2025-03-01',
      publishedOn: '2025-03-05',
      effectiveOn: '2025-04-01',
      validUntil: '',
      body: '对新落户的数字经济企业给予房租补贴。',
    });
    const policyPath = policy.headers.get('location')!.replace(/\?.*$/u, '');
    await admin.get(policyPath);
    for (const n of [1, 2, 3]) {
      const uploaded = await admin.upload(`/admin/attachments/upload/policy/${policyPath.split('/').at(-1)}`, {
        name: `附件${n}.pdf`,
        bytes: pdfFile(`file ${n}`),
      });
      assert.equal(uploaded.status, 303);
    }
    await admin.get('/admin');
  });
  after(() => seeded.close());

  it('answer every post below 500, and a refused one changes no row', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ROUTES), id, fields, async (route, routeId, posted) => {
        const path = route.replaceAll(':id', routeId);
        const before = await counts();
        const response = await admin.post(path, Object.fromEntries(posted.filter(([name]) => name !== '_csrf')));
        const text = await response.text();
        assert.ok(response.status < 500, `${path} → ${response.status}: ${text.slice(0, 300)}`);
        if (response.status >= 400) assert.deepEqual(await counts(), before, `${path} → ${response.status} changed rows`);
        else if ((await counts()).audit_log === before.audit_log)
          assert.deepEqual(await counts(), before, `${path} → ${response.status} changed rows without an audit entry`);
      }),
      { numRuns: 400 },
    );
  });
});
