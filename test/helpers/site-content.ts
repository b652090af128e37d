// A database with what a site in use holds: the seed articles with their facts, console users with
// a session, contributions, enterprise applications, messages, questions and enterprise requests in every state (some purged), an
// edited article with revisions, a deleted article, policies (one amended by another, one with a 政策解读, a PDF and a photo attached), carrier
// sites (a building with its vacancy confirmed, a land plot) with a 我要咨询 about one, a manual project with a milestone, a rate-limit
// counter and the audit log of it all. Used where a test needs realistic content, e.g. backups.
import type { ConsoleUser } from '../../src/accounts/account.ts';
import { createUser, signIn } from '../../src/accounts/account.service.ts';
import { passwordPolicy } from '../../src/accounts/password-policy.ts';
import { saveEditedArticle } from '../../src/articles/article-editing.service.ts';
import { saveArticleEnglish } from '../../src/articles/article-english.service.ts';
import { savePolicyEnglish } from '../../src/policies/policy-english.service.ts';
import { deleteArticle } from '../../src/articles/article.service.ts';
import { COMMAND_LINE } from '../../src/audit/audit.service.ts';
import { leaveMessage, markMessageHandled } from '../../src/contact/message.service.ts';
import type { OpenDb } from '../../src/db/connect.ts';
import { applyForSettlement, decideApplication } from '../../src/enterprises/application.service.ts';
import type { CompanyIdentity } from '../../src/enterprises/company-identity.ts';
import { countRequest } from '../../src/http/rate-limit.ts';
import { pino } from 'pino';
import { importSeedOnFirstStart } from '../../src/importer/importer.service.ts';
import { curateFact } from '../../src/insights/fact-curation.service.ts';
import { addManualProject, updateProjectPlan } from '../../src/insights/project-curation.service.ts';
import { markNotificationRead, sendEmails, setNotificationEmail, unreadNotifications } from '../../src/notifications/notification.service.ts';
import { askAboutSite, confirmVacancy, saveSite } from '../../src/parks/site.service.ts';
import type { SiteInput } from '../../src/parks/site.ts';
import { changeInterpretation, decidePolicyValidity, savePolicy } from '../../src/policies/policy.service.ts';
import { purgePersonalData } from '../../src/privacy/purge.service.ts';
import {
  addProgressNote,
  assignAppeal,
  decideExtensionRequest,
  fileAppeal,
  rateAppeal,
  requestExtension,
  resolveAppeal,
} from '../../src/appeals/appeal.service.ts';
import type { AppealCategory, AppealInput } from '../../src/appeals/appeal.ts';
import { acceptQuestion, answerQuestion, askQuestion, declineQuestion, transferQuestion } from '../../src/questions/question.service.ts';
import { publishSubmission, rejectSubmission, submitContribution } from '../../src/submissions/submission.service.ts';
import { SEED_FILE, writingFor } from './seed.ts';
import type { BlobStore } from '../../src/uploads/blob-store.ts';
import { uploadAttachment } from '../../src/uploads/attachment.service.ts';
import { imageFile, pdfFile } from './upload-files.ts';
import { shippedCalendar, TEST_APPEAL_WORKING_DAYS, testUploads } from './test-app.ts';

export const ADMIN_PASSWORD = 'correct horse battery staple';

/** Fills a migrated, empty database with the content described above; returns the admin. */
export async function fillWithSiteContent(opened: OpenDb, blobs: BlobStore = testUploads.blobs): Promise<ConsoleUser> {
  const { db } = opened;
  const writing = writingFor(opened);
  const policy = passwordPolicy('modern');
  const day = (n: number) => new Date(Date.UTC(2026, 0, n, 2));
  await importSeedOnFirstStart(db, writing, SEED_FILE);

  const created = await createUser(db, COMMAND_LINE, { name: 'admin', roles: ['admin'], password: ADMIN_PASSWORD, channels: [] }, policy, day(1));
  if (!('id' in created)) throw new Error(created.problem);
  const editorCreated = await createUser(
    db,
    COMMAND_LINE,
    { name: 'ed.xihu', roles: ['editor'], password: 'another horse battery', channels: ['xihu', 'donghu'] },
    policy,
    day(1),
  );
  if (!('id' in editorCreated)) throw new Error(editorCreated.problem);
  const admin: ConsoleUser = { id: created.id, name: 'admin', roles: ['admin'], channels: [], mustChangePassword: false };
  const editor: ConsoleUser = { id: editorCreated.id, name: 'ed.xihu', roles: ['editor'], channels: ['donghu', 'xihu'], mustChangePassword: false };
  const actor = { userId: admin.id, userName: admin.name, client: '192.0.2.1' };
  // Reminders of the questions below are emailed: sent, and (the last one, the admin's) failed and read on the console.
  await setNotificationEmail(db, editor, { userId: editor.id, userName: editor.name }, 'ed.xihu@example.gov.cn', day(1));
  await setNotificationEmail(db, admin, actor, 'admin@example.gov.cn', day(1));
  await signIn(db, 'admin', ADMIN_PASSWORD, '192.0.2.1', day(2));
  await signIn(db, 'ed.xihu', 'not the password', '192.0.2.2', day(2));

  const contribution = (n: number) => ({
    title: `读者投稿第${n}篇:红谷滩区数字经济`,
    body: `第${n}篇投稿的正文,讲红谷滩区的数字经济项目。`,
    channel: 'honggutan',
    name: '张三',
    contact: '13800138000',
    consent: 'yes' as const,
  });
  for (let n = 1; n <= 3; n += 1) await submitContribution(db, contribution(n), day(3));
  const submissions = await db.selectFrom('submission').select('id').orderBy('id').execute();
  await publishSubmission(db, writing, admin, actor, Number(submissions[0]!.id), day(4));
  await rejectSubmission(db, admin, actor, Number(submissions[1]!.id), '内容与招商无关。', day(4));

  const application = (name: string, company: CompanyIdentity, plannedInvestment: number) => ({
    company,
    companyName: name,
    industry: 'I',
    channel: 'donghu',
    plannedInvestment,
    contactPerson: '赵六',
    contactMobile: '13700137000',
    description: '数字内容产业总部,计划租用写字楼两层。',
    consent: 'yes' as const,
  });
  const approved = await applyForSettlement(db, application('东湖数字科技有限公司', { kind: 'china', creditCode: '91110000802100433B' }, 3000.25), day(3));
  await applyForSettlement(db, application('江西智造科技有限公司', { kind: 'china', creditCode: '9144030071526726XG' }, 50_000.5), day(3));
  await applyForSettlement(db, application('Rhein Antriebstechnik GmbH', { kind: 'abroad', country: 'DE', number: 'HRB 123456' }, 8000), day(3));
  if ('id' in approved) await decideApplication(db, admin, actor, approved.id, { approve: true }, day(5));

  const handled = await leaveMessage(
    db,
    { channel: 'xihu', subject: '咨询用地政策', body: '请问西湖区工业用地的出让价格?', name: '李四', contact: 'li@example.cn', consent: 'yes' },
    day(3),
  );
  await leaveMessage(
    db,
    { channel: 'city', subject: '咨询人才政策', body: '请问高层次人才的安家补贴如何申请?', name: '王五', contact: '13900139000', consent: 'yes' },
    day(6),
  );
  await markMessageHandled(db, admin, actor, handled.id, '已电话答复。', day(5));
  const question = (channel: string, title: string, publish: boolean) => ({
    channel,
    category: '投资政策',
    title,
    body: `${title}的具体情况是什么?`,
    name: '孙八',
    contact: 'sun@example.cn',
    publish,
    consent: 'yes' as const,
  });
  const answered = await askQuestion(db, question('nanchang', '新能源汽车产业扶持政策', true), day(2));
  await acceptQuestion(db, admin, actor, answered.id, day(3));
  await transferQuestion(db, admin, actor, answered.id, 'accepted', 'xihu', day(3));
  await answerQuestion(db, admin, actor, answered.id, '可申请市级产业引导基金。', day(4));
  await declineQuestion(db, admin, actor, (await askQuestion(db, question('donghu', '个人借贷纠纷', false), day(2))).id, '不属于招商部门职责。', day(3));
  const mailDeps = { db, publicOrigin: 'https://zs.example.gov.cn', logger: pino({ level: 'silent' }) };
  await sendEmails({ ...mailDeps, mailer: { send: async () => {}, close: () => {} } }, day(4));
  await askQuestion(db, question('nanchang', '人才公寓申请条件', false), day(6));
  // Enterprise requests: one rated 满意 (closed) after an extension, one reopened on 不满意, one
  // waiting, filed by a company in Hong Kong.
  const appeal = (channel: string, category: AppealCategory, title: string): AppealInput => ({
    company: { kind: 'china', creditCode: '91110000802100433B' },
    enterpriseName: '东湖数字科技有限公司',
    contactName: '周九',
    contactPhone: '13600136000',
    channel,
    category,
    title,
    body: `${title},请协调解决。`,
    consent: 'yes',
  });
  const rules = { calendar: shippedCalendar, workingDays: TEST_APPEAL_WORKING_DAYS };
  const closedAppeal = await fileAppeal(db, appeal('donghu', '融资', '流动资金贷款续贷困难'), day(2));
  await assignAppeal(db, rules, admin, actor, closedAppeal.id, admin.id, day(2));
  await addProgressNote(db, admin, actor, closedAppeal.id, '已约见两家银行。', day(3));
  await requestExtension(db, admin, actor, closedAppeal.id, { workingDays: 2, reason: '银行审批需要时间。' }, day(3));
  const [extension] = await db.selectFrom('appeal_extension').select('id').execute();
  await decideExtensionRequest(db, rules, admin, actor, closedAppeal.id, Number(extension!.id), true, day(3));
  await resolveAppeal(db, admin, actor, closedAppeal.id, '银行已同意续贷。', day(4));
  await rateAppeal(db, closedAppeal.trackingCode, { rating: 'satisfied', comment: '' }, day(4));
  const reopened = await fileAppeal(db, appeal('xihu', '用工', '招工难'), day(3));
  await assignAppeal(db, rules, admin, actor, reopened.id, admin.id, day(3));
  await resolveAppeal(db, admin, actor, reopened.id, '已推送招聘信息。', day(5));
  await rateAppeal(db, reopened.trackingCode, { rating: 'unsatisfied', comment: '仍未招到人。' }, day(6));
  await fileAppeal(
    db,
    { ...appeal('nanchang', '审批', '施工许可办理'), company: { kind: 'abroad', country: 'HK', number: '1234567' }, enterpriseName: '港昌贸易有限公司' },
    day(6),
  );
  await sendEmails({ ...mailDeps, mailer: { send: () => Promise.reject(new Error('421 try later')), close: () => {} } }, day(6));
  const [firstReminder] = (await unreadNotifications(db, admin, 1)).newest;
  if (firstReminder) await markNotificationRead(db, admin, actor, firstReminder.id, day(6));
  // Items closed before the cutoff lose their names and contacts.
  await purgePersonalData(db, COMMAND_LINE, day(5), day(6));

  const edited = {
    title: '南昌市举办数字经济招商推介会',
    channel: 'city',
    publishedOn: '2026-01-07',
    status: 'published' as const,
    body: '## 推介会\n\n南昌市举办**数字经济**招商推介会,签约项目二十个。',
    publishAt: null,
  };
  const articleId = await saveEditedArticle(db, writing, admin, actor, undefined, edited, day(7));
  if (articleId === 'not_found') throw new Error('article not saved');
  await saveEditedArticle(db, writing, admin, actor, articleId, { ...edited, body: `${edited.body}\n\n更新:又签约五个项目。` }, day(8));
  const removed = await saveEditedArticle(db, writing, admin, actor, undefined, { ...edited, title: '一篇将被删除的稿件' }, day(8));
  if (removed !== 'not_found') await deleteArticle(db, writing, removed);

  const policyInput = {
    title: '南昌市支持数字经济发展若干措施',
    docNumber: '洪府发〔2025〕12号',
    issuer: '南昌市人民政府',
    level: '市',
    channel: 'nanchang',
    topic: '产业扶持',
    writtenOn: '2025-03-01',
    publishedOn: '2025-03-05',
    effectiveOn: '2025-04-01',
    validUntil: '2027-12-31',
    body: '## 支持对象\n\n对新落户的**数字经济**企业给予房租补贴。',
  };
  const oldPolicy = await savePolicy(db, admin, actor, undefined, policyInput, day(7));
  const newPolicy = await savePolicy(
    db,
    admin,
    actor,
    undefined,
    { ...policyInput, docNumber: '洪府发〔2026〕3号', publishedOn: '2026-01-05', writtenOn: '2026-01-02', validUntil: null },
    day(8),
  );
  if (oldPolicy === 'not_found' || newPolicy === 'not_found') throw new Error('policy not saved');
  await decidePolicyValidity(db, admin, actor, oldPolicy, { status: 'amended', replacedBy: newPolicy }, day(8));
  await changeInterpretation(db, admin, actor, newPolicy, { link: articleId }, day(8));
  // English versions (issue #16): one written by a person, one machine-translated.
  await saveArticleEnglish(
    db,
    writing,
    admin,
    actor,
    articleId,
    {
      title: 'Nanchang holds a digital economy investment fair',
      summary: 'Twenty projects were signed.',
      body: 'Twenty projects were **signed**.',
      machineTranslated: false,
    },
    day(8),
  );
  await savePolicyEnglish(
    db,
    admin,
    actor,
    newPolicy,
    {
      title: 'Measures supporting the digital economy',
      summary: 'Rent subsidies for new firms.',
      body: '## Who qualifies\n\nNew digital firms.',
      machineTranslated: true,
    },
    day(8),
  );

  // Files of the site's own (the same bytes in every filled database: a restore finds them equal).
  const uploads = { blobs, maxBytes: testUploads.maxBytes };
  for (const file of [
    { name: '措施全文.pdf', bytes: pdfFile('Digital economy measures') },
    { name: '产业园鸟瞰.png', bytes: await imageFile('png', 1000, 600) },
  ]) {
    const uploaded = await uploadAttachment(db, uploads, admin, actor, { ownerKind: 'policy', ownerId: newPolicy }, file, day(8));
    if (typeof uploaded !== 'object' || 'refused' in uploaded) throw new Error(`attachment not uploaded: ${JSON.stringify(uploaded)}`);
  }

  const building: SiteInput = {
    kind: 'building',
    name: '红谷滩数字经济大厦',
    channel: 'honggutan',
    address: '红谷滩区会展路 1 号',
    industries: ['C', 'I'],
    areaM2: 45_000,
    areaMu: null,
    advantages: '地铁 1 号线出口,配套人才公寓。',
    contactName: '陈敏',
    contactPhone: '0791-88880001',
    grade: '甲级',
    floors: 32,
    vacantM2: 6_200.5,
    rentMin: 1.2,
    rentMax: 2.1,
    propertyFee: 12.5,
    landUse: null,
    plotRatioMin: null,
    plotRatioMax: null,
    landStatus: null,
    confirmedOn: '2026-01-02',
  };
  const buildingId = await saveSite(db, admin, actor, undefined, building, day(9));
  const plot: SiteInput = {
    ...building,
    kind: 'land',
    name: '新建区长堎工业地块',
    channel: 'xinjian',
    address: '新建区长堎工业园',
    industries: ['C'],
    areaMu: 120,
    areaM2: 80_000,
    grade: null,
    floors: null,
    vacantM2: null,
    rentMin: null,
    rentMax: null,
    propertyFee: null,
    landUse: '工业',
    plotRatioMin: 1.2,
    plotRatioMax: 2.5,
    landStatus: '储备',
  };
  await saveSite(db, admin, actor, undefined, plot, day(9));
  if (buildingId === 'not_found') throw new Error('site not saved');
  await confirmVacancy(db, admin, actor, buildingId, { vacantM2: 5_800, landStatus: null }, day(10));
  const savedBuilding = { ...building, id: buildingId, createdAt: day(9).toISOString(), updatedAt: day(10).toISOString() };
  await askAboutSite(
    db,
    savedBuilding,
    {
      company: { kind: 'abroad', country: 'DE', number: 'HRB 654321' },
      companyName: 'Rhein Antriebstechnik GmbH',
      name: 'Anna Weber',
      contact: '+49301234567',
      question: '请问 20 层以上是否有 1000 平方米整层出租?',
      consent: 'yes',
    },
    day(10),
  );

  const fact = await db.selectFrom('indicator_fact').select('id').orderBy('id').executeTakeFirst();
  if (fact)
    await curateFact(
      db,
      admin,
      actor,
      Number(fact.id),
      { kind: 'correct', correction: { year: 2025, period: null, kind: 'actual', value: 1234.56, unit: '亿元', growth: 7.5, stretch: null } },
      day(9),
    );
  const project = await addManualProject(
    db,
    admin,
    actor,
    { name: '赣江新区智能制造产业园', amountYi: 12.5, channel: 'city', industry: 'C', stage: '签约' },
    day(9),
  );
  if ('id' in project) await updateProjectPlan(db, admin, actor, project.id, { milestone: '开工/在建', plannedOn: '2026-06-30' }, day(9));

  await countRequest(db, 'submit:203.0.113.7', { name: 'submit', max: 5, windowSeconds: 600 }, day(10).getTime());
  return admin;
}
