import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { segmenter, writingFor } from '../../test/helpers/seed.ts';
import { testDialects, withTestDb } from '../../test/helpers/test-db.ts';
import type { ConsoleUser } from '../accounts/account.ts';
import { saveEditedArticle } from '../articles/article-editing.service.ts';
import { deleteArticle } from '../articles/article.service.ts';
import { COMMAND_LINE } from '../audit/audit.service.ts';
import type { OpenDb } from '../db/connect.ts';
import type { Db } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { currentContentVersion } from '../db/site-state.store.ts';
import type { PolicyInput } from './policy.ts';
import { PolicyKeywordMatches } from './policy-keyword-matches.ts';
import {
  changeInterpretation,
  consolePolicies,
  decidePolicyValidity,
  policyDetail,
  policyIdByReference,
  policyKeyword,
  policyList,
  refreshPolicyValidityDay,
  savePolicy,
  type PolicyQuery,
  type PolicySearch,
} from './policy.service.ts';

const ADMIN: ConsoleUser = { id: 1, name: 'admin', roles: ['admin'], channels: [], mustChangePassword: false };
const DONGHU: ConsoleUser = { id: 2, name: 'dh', roles: ['editor'], channels: ['donghu'], mustChangePassword: false };
/** Beijing 2026-11-30 09:00. */
const NOW = new Date('2026-11-30T01:00:00.000Z');
const dayAfter = (days: number) => new Date(NOW.getTime() + days * 86_400_000);

const policy = (overrides: Partial<PolicyInput> = {}): PolicyInput => ({
  title: '南昌市支持新能源汽车产业发展若干措施',
  docNumber: '洪府发〔2025〕12号',
  issuer: '南昌市人民政府',
  level: '市',
  channel: 'nanchang',
  topic: '产业扶持',
  writtenOn: '2025-03-01',
  publishedOn: '2025-03-05',
  effectiveOn: '2025-04-01',
  validUntil: null,
  body: '## 总则\n\n对新落户的**新能源汽车**整车项目,给予固定资产投资补贴。',
  ...overrides,
});

async function saved(db: Db, input: PolicyInput, user = ADMIN): Promise<number> {
  const id = await savePolicy(db, user, COMMAND_LINE, undefined, input, NOW);
  assert.notEqual(id, 'not_found');
  return id as number;
}

const searchOn = (opened: Pick<OpenDb, 'dialect'>): PolicySearch => ({ segmenter, words: opened.dialect.policyWords });
const keptMatches = (opened: Pick<OpenDb, 'db' | 'dialect'>) => new PolicyKeywordMatches(opened.dialect.policyWords, () => currentContentVersion(opened.db));
const titles = async (opened: Pick<OpenDb, 'db' | 'dialect'>, query: PolicyQuery, now = NOW) =>
  (await policyList(opened.db, searchOn(opened), query, 1, now)).items.map((item) => item.title);

for (const dialect of testDialects()) {
  describe(`policy service on ${dialect.name}`, () => {
    it('keeps editors to their channels and audits each save', () =>
      withTestDb(dialect, async ({ db }) => {
        assert.equal(await savePolicy(db, DONGHU, COMMAND_LINE, undefined, policy(), NOW), 'not_found');
        const cityId = await saved(db, policy());
        const donghuId = await saved(
          db,
          policy({ title: '东湖区促进楼宇经济发展办法', channel: 'donghu', docNumber: '东府发〔2025〕3号', level: '区' }),
          DONGHU,
        );
        assert.equal(await savePolicy(db, DONGHU, COMMAND_LINE, cityId, policy({ channel: 'donghu' }), NOW), 'not_found', 'not their policy');
        assert.deepEqual(
          (await consolePolicies(db, DONGHU, 200, NOW)).map((item) => item.id),
          [donghuId],
        );
        assert.equal(await savePolicy(db, ADMIN, COMMAND_LINE, cityId, policy({ title: '南昌市支持新能源汽车产业发展若干措施(修订稿)' }), NOW), cityId);
        const row = await db.selectFrom('policy').select(['title', 'doc_number', 'doc_number_key']).where('id', '=', cityId).executeTakeFirstOrThrow();
        assert.deepEqual(row, {
          title: '南昌市支持新能源汽车产业发展若干措施(修订稿)',
          doc_number: '洪府发〔2025〕12号',
          doc_number_key: '洪府发〔2025〕12号',
        });
        const audit = await db.selectFrom('audit_log').select(['action', 'target_id', 'channel']).where('target_type', '=', 'policy').orderBy('id').execute();
        assert.deepEqual(
          audit.map((entry) => `${entry.action} ${entry.target_id}@${entry.channel}`),
          [`policy.create ${cityId}@nanchang`, `policy.create ${donghuId}@donghu`, `policy.update ${cityId}@nanchang`],
        );
      }));

    it('finds a policy by any spelling of its 文号, by words of its title and body, and by each filter', () =>
      withTestDb(dialect, async (opened) => {
        const { db } = opened;
        await saved(db, policy());
        await saved(
          db,
          policy({ title: '南昌市高层次人才安家补贴办法', docNumber: '洪府发〔2025〕120号', topic: '人才', publishedOn: '2025-06-01', body: '人才安家补贴。' }),
        );
        await saved(
          db,
          policy({
            title: '东湖区工业用地弹性出让实施细则',
            docNumber: null,
            channel: 'donghu',
            level: '区',
            topic: '土地',
            issuer: '东湖区人民政府',
            writtenOn: '2024-01-02',
            publishedOn: '2024-01-05',
            body: '工业用地可以弹性年期出让。',
          }),
        );

        assert.deepEqual(
          await titles(opened, {}),
          ['南昌市高层次人才安家补贴办法', '南昌市支持新能源汽车产业发展若干措施', '东湖区工业用地弹性出让实施细则'],
          'newest 发布日期 first',
        );
        for (const spelling of ['洪府发〔2025〕12号', '洪府发[2025]12号', '洪府发2025 12', '洪府发（２０２５）１２']) {
          assert.deepEqual(await titles(opened, { keyword: spelling }), ['南昌市支持新能源汽车产业发展若干措施'], spelling);
        }
        assert.deepEqual(await titles(opened, { keyword: '新能源汽车 补贴' }), ['南昌市支持新能源汽车产业发展若干措施'], 'every word, title or body');
        assert.deepEqual(
          await titles(opened, { keyword: '補貼' }),
          ['南昌市高层次人才安家补贴办法', '南昌市支持新能源汽车产业发展若干措施'],
          'traditional characters fold',
        );
        assert.deepEqual(await titles(opened, { keyword: '弹性出让' }), ['东湖区工业用地弹性出让实施细则']);
        assert.deepEqual(
          await titles(opened, { keyword: '洪府发' }),
          ['南昌市高层次人才安家补贴办法', '南昌市支持新能源汽车产业发展若干措施'],
          'part of a 文号',
        );
        assert.deepEqual(await titles(opened, { keyword: '航空' }), []);
        assert.deepEqual(await titles(opened, { topic: '人才' }), ['南昌市高层次人才安家补贴办法']);
        assert.deepEqual(await titles(opened, { level: '区' }), ['东湖区工业用地弹性出让实施细则']);
        assert.deepEqual(await titles(opened, { channel: 'donghu' }), ['东湖区工业用地弹性出让实施细则']);
        assert.deepEqual(await titles(opened, { from: '2025-01-01', to: '2025-03-05' }), ['南昌市支持新能源汽车产业发展若干措施'], 'inclusive bounds');
        assert.equal((await policyList(db, searchOn(opened), { keyword: '洪府发' }, 1, NOW)).total, 2);
      }));

    it('derives validity from the dates, and lets editors amend, repeal and reinstate', () =>
      withTestDb(dialect, async (opened) => {
        const { db } = opened;
        const current = await saved(db, policy({ title: '现行', docNumber: '洪府发〔2025〕1号' }));
        const future = await saved(db, policy({ title: '未施行', docNumber: null, effectiveOn: '2026-12-01' }));
        const ended = await saved(db, policy({ title: '到期', docNumber: null, effectiveOn: '2025-01-01', validUntil: '2026-11-29' }));
        const lastDay = await saved(db, policy({ title: '今天到期', docNumber: null, effectiveOn: '2025-01-01', validUntil: '2026-11-30' }));
        const byValidity = async (validity: PolicyQuery['validity'], now = NOW) => (await titles(opened, { validity }, now)).sort();
        assert.deepEqual(await byValidity('in_force'), ['今天到期', '现行']);
        assert.deepEqual(await byValidity('not_yet'), ['未施行']);
        assert.deepEqual(await byValidity('expired'), ['到期']);
        assert.deepEqual(await byValidity('in_force', dayAfter(1)), ['未施行', '现行'], 'a day later');
        assert.equal((await policyDetail(db, lastDay, dayAfter(1)))?.policy.validity, 'expired');

        assert.equal(await decidePolicyValidity(db, ADMIN, COMMAND_LINE, current, { status: 'amended', replacedBy: current }, NOW), 'no_replacement');
        assert.equal(await decidePolicyValidity(db, ADMIN, COMMAND_LINE, current, { status: 'amended', replacedBy: 999 }, NOW), 'no_replacement');
        assert.equal(await decidePolicyValidity(db, DONGHU, COMMAND_LINE, current, { status: 'repealed' }, NOW), 'not_found');
        const replacement = await policyIdByReference(db, '洪府发(2025)1');
        assert.equal(replacement, current);
        assert.equal(await policyIdByReference(db, String(future)), future);
        assert.equal(await policyIdByReference(db, '洪府发〔2030〕1号'), undefined);
        assert.equal(await decidePolicyValidity(db, ADMIN, COMMAND_LINE, ended, { status: 'amended', replacedBy: current }, NOW), 'done');
        assert.equal(await decidePolicyValidity(db, ADMIN, COMMAND_LINE, future, { status: 'repealed' }, NOW), 'done');
        assert.deepEqual(await byValidity('amended'), ['到期']);
        assert.deepEqual(await byValidity('repealed'), ['未施行']);
        const amended = await policyDetail(db, ended, NOW);
        assert.equal(amended?.policy.validity, 'amended');
        assert.equal(amended?.replacedBy?.id, current);
        assert.deepEqual(
          (await policyDetail(db, current, NOW))?.replaces.map((item) => item.id),
          [ended],
        );
        assert.equal(await decidePolicyValidity(db, ADMIN, COMMAND_LINE, future, { status: 'in_force' }, NOW), 'done');
        assert.deepEqual(await byValidity('not_yet'), ['未施行']);
        const actions = await db
          .selectFrom('audit_log')
          .select('action')
          .where('action', 'in', ['policy.amend', 'policy.repeal', 'policy.reinstate'])
          .orderBy('id')
          .execute();
        assert.deepEqual(
          actions.map((entry) => entry.action),
          ['policy.amend', 'policy.repeal', 'policy.reinstate'],
        );
      }));

    it('links published articles as 政策解读 and drops them when they are deleted', (t) =>
      withTestDb(dialect, async (opened) => {
        const { db } = opened;
        const writing = writingFor(opened);
        t.after(() => writing.searchIndex.endPreparing());
        const id = await saved(db, policy());
        const article = (title: string, status: 'published' | 'draft') =>
          saveEditedArticle(
            db,
            writing,
            ADMIN,
            COMMAND_LINE,
            undefined,
            { title, channel: 'city', publishedOn: '2025-03-06', status, body: `${title}正文`, publishAt: null },
            NOW,
          );
        const reading = (await article('一图读懂新能源汽车扶持政策', 'published')) as number;
        const draft = (await article('草稿解读', 'draft')) as number;
        assert.equal(await changeInterpretation(db, ADMIN, COMMAND_LINE, id, { link: draft }, NOW), 'no_article');
        assert.equal(await changeInterpretation(db, DONGHU, COMMAND_LINE, id, { link: reading }, NOW), 'not_found');
        const before = await currentContentVersion(db);
        assert.equal(await changeInterpretation(db, ADMIN, COMMAND_LINE, id, { link: reading }, NOW), 'done');
        assert.ok((await currentContentVersion(db)) > before, 'pages showing the policy are stale');
        assert.equal(await changeInterpretation(db, ADMIN, COMMAND_LINE, id, { link: reading }, NOW), 'unchanged');
        assert.deepEqual(
          (await policyDetail(db, id, NOW))?.interpretations.map((item) => item.title),
          ['一图读懂新能源汽车扶持政策'],
        );
        assert.equal(await changeInterpretation(db, ADMIN, COMMAND_LINE, id, { unlink: reading }, NOW), 'done');
        assert.equal(await changeInterpretation(db, ADMIN, COMMAND_LINE, id, { unlink: reading }, NOW), 'unchanged');
        assert.equal(await changeInterpretation(db, ADMIN, COMMAND_LINE, id, { link: reading }, NOW), 'done');
        await deleteArticle(db, writing, reading);
        assert.deepEqual((await policyDetail(db, id, NOW))?.interpretations, []);
        const links = await db.selectFrom('policy_interpretation').selectAll().execute();
        assert.deepEqual(links, [], 'the link went with the article');
      }));

    // Once through the engine alone, once through matches kept in memory for the content version
    // (the app's way), which an edit must not leave stale.
    const keywordSearches: [string, (opened: OpenDb) => PolicySearch][] = [
      ['through the engine', searchOn],
      ['through the matches kept per content version', (opened) => ({ ...searchOn(opened), matches: keptMatches(opened) })],
    ];
    for (const [how, searchWith] of keywordSearches) {
      it(`finds by keyword exactly the policies whose folded text contains every word, also after an edit, ${how}`, () =>
        withTestDb(dialect, async (opened) => {
          const { db } = opened;
          const search = searchWith(opened);
          const ids = [
            await saved(db, policy()),
            await saved(db, policy({ title: 'PPP 项目指引', docNumber: null, body: 'PPP 模式 100% 覆盖,编号 a_b 与 ab。' })),
            await saved(db, policy({ title: '南昌高新区扶持办法', docNumber: null, body: '高新区企业。𠮷野家;税收减免。' })),
            await saved(db, policy({ title: '东湖区工业用地弹性出让实施细则', docNumber: null, body: '弹性 出让' })),
          ];
          const keywords = [
            '新能源',
            '发展',
            '税',
            '100%',
            'a_b',
            'ab',
            'PPP',
            '高新区',
            '南昌高新区',
            '𠮷',
            '弹性出让',
            '出让 弹性',
            '区',
            '量子',
            '能源汽车 补贴',
          ];
          const found = async () => {
            const texts = await db.selectFrom('policy').select(['id', 'search_text']).orderBy('id').execute();
            for (const keyword of keywords) {
              const filter = policyKeyword(searchOn(opened), keyword);
              assert.ok(filter && 'words' in filter, keyword);
              const expected = texts.filter((row) => filter.words.every((word) => row.search_text.includes(word))).map((row) => Number(row.id));
              const actual = (await policyList(db, search, { keyword }, 1, NOW)).items.map((item) => item.id).sort((a, b) => a - b);
              assert.deepEqual(actual, expected, keyword);
            }
          };
          await found();
          const ids2 = async (keyword: string) => (await policyList(db, search, { keyword }, 1, NOW)).items.map((item) => item.id).sort((a, b) => a - b);
          assert.deepEqual(await ids2('南昌高新区'), [ids[2]], 'a word inside the title');
          assert.deepEqual(await ids2('弹性出让'), [ids[3]], 'not across the space in the body, but in the title');
          assert.deepEqual(await ids2('a_b'), [ids[1]], '_ is no wildcard');
          assert.deepEqual(await ids2('𠮷'), [ids[2]], 'a character outside the BMP');
          await savePolicy(db, ADMIN, COMMAND_LINE, ids[0], policy({ body: '改为量子计算。' }), NOW);
          assert.deepEqual(await ids2('量子'), [ids[0]], 'the edited text is found');
          assert.deepEqual(await ids2('补贴'), [], 'the old text is not');
          await found();
        }));
    }

    it('finds by keyword the policies saved before the keyword index existed', () =>
      withTestDb(
        dialect,
        async (opened) => {
          await migrateToLatest(opened.db, opened.dialect, '2026-11-30T06-00_policies');
          const id = await saved(opened.db, policy());
          await migrateToLatest(opened.db, opened.dialect);
          assert.deepEqual(
            (await policyList(opened.db, searchOn(opened), { keyword: '新能源汽车 补贴' }, 1, NOW)).items.map((item) => item.id),
            [id],
          );
        },
        { migrate: false },
      ));

    it('makes cached pages stale when a new day changes some policy’s validity, once a day', () =>
      withTestDb(dialect, async ({ db }) => {
        await saved(db, policy({ effectiveOn: '2026-12-02' }));
        const version = () => currentContentVersion(db);
        assert.equal(await refreshPolicyValidityDay(db, NOW), false, 'the first run only notes the day');
        assert.equal(await refreshPolicyValidityDay(db, NOW), false);
        const before = await version();
        assert.equal(await refreshPolicyValidityDay(db, dayAfter(1)), false, 'nothing takes effect on 12-01');
        assert.equal(await version(), before);
        assert.equal(await refreshPolicyValidityDay(db, dayAfter(2)), true, 'it takes effect on 12-02');
        assert.equal(await version(), before + 1);
        assert.equal(await refreshPolicyValidityDay(db, dayAfter(2)), false, 'once');
      }));
  });
}
