// Console routes for the policy library (editors of a policy's channel, and admins): list, create
// and edit with every field, the validity decision (现行有效 / 已修订 with the replacing policy /
// 已废止), and linking 政策解读 articles. Mounted under /admin/policies by the console's route table.
import { englishVersionAdminRoutes } from '../i18n/english-version.admin.tsx';
import { policiesWithEnglish, policyEnglishForEditing, savePolicyEnglish } from './policy-english.service.ts';
import { Hono, type Context } from 'hono';
import { canActOn } from '../accounts/account.ts';
import type { RouteContext } from '../http/app-deps.ts';
import { idParam, type ConsoleKit } from '../http/console.ts';
import { requireRole, type ConsoleEnv } from '../http/console-session.ts';
import { notFound } from '../http/errors.tsx';
import type { FieldState } from '../http/form-controls.tsx';
import { formValues, validateForm } from '../http/form.ts';
import { chinaDate } from '../lib/china-time.ts';
import { policySchema, type Policy } from './policy.ts';
import {
  changeInterpretation,
  consolePolicies,
  decidePolicyValidity,
  policyForEditing,
  policyIdByReference,
  savePolicy,
  type PolicyDetail,
  type ValidityDecision,
} from './policy.service.ts';
import { PolicyEditorPage, PolicyListPage, type PolicyForms } from './views/policy-editor.tsx';
import { attachmentsOf } from '../uploads/attachment.service.ts';
import { uploadRefusalOf } from '../uploads/attachment.admin.tsx';
import { AttachmentPanel } from '../uploads/views/attachment-panel.tsx';

const NOT_FOUND = '没有这份政策文件,或它不在您负责的频道。';

const formOf = (policy: Policy): FieldState => ({
  values: {
    title: policy.title,
    docNumber: policy.docNumber ?? '',
    issuer: policy.issuer,
    level: policy.level,
    channel: policy.channel,
    topic: policy.topic,
    writtenOn: policy.writtenOn,
    publishedOn: policy.publishedOn,
    effectiveOn: policy.effectiveOn,
    validUntil: policy.validUntil ?? '',
    body: policy.body,
  },
  errors: {},
});

/** The article id a link form names: `123`, `/articles/123` or a full address of it. */
function articleIdOf(text: string): number | undefined {
  const id = /^(?:\S*\/articles\/)?([1-9]\d{0,14})\/?$/u.exec(text.trim())?.[1];
  return id === undefined ? undefined : Number(id);
}

/** Routes: `/`, `/new`, POST `/`, `/:id` (GET, POST), POST `/:id/validity`, `/:id/interpretations`, `/:id/interpretations/:articleId/unlink`. */
export function policyAdminRoutes(ctx: RouteContext, kit: ConsoleKit): Hono<ConsoleEnv> {
  const { db } = ctx;
  const channelName = (slug: string) => ctx.navChannel(slug).name;
  const channelsOf = (c: Context<ConsoleEnv>) =>
    ctx.channels.all.filter((channel) => canActOn(c.get('user'), channel.slug)).map((channel) => ({ value: channel.slug, label: channel.name }));
  const editor = async (
    c: Context<ConsoleEnv>,
    props: { state: FieldState; detail?: PolicyDetail; forms?: PolicyForms; saved?: boolean },
    status: 200 | 400 = 200,
  ) => {
    const chrome = await kit.chrome(c);
    const policyId = props.detail?.policy.id;
    const attachments = policyId !== undefined && (
      <AttachmentPanel
        ownerKind="policy"
        ownerId={policyId}
        attachments={await attachmentsOf(db, 'policy', policyId)}
        token={chrome.token}
        maxBytes={ctx.uploads.maxBytes}
        refusal={uploadRefusalOf(c)}
      />
    );
    return kit.page(c, <PolicyEditorPage console={chrome} channels={channelsOf(c)} channelName={channelName} attachments={attachments} {...props} />, status);
  };
  const found = async (c: Context<ConsoleEnv>) => {
    const detail = await policyForEditing(db, c.get('user'), idParam(c));
    if (!detail) throw notFound(NOT_FOUND);
    return detail;
  };
  const back = (id: number) => `/admin/policies/${id}`;

  /** Saves a posted policy form; `id` undefined creates. Invalid input is shown again with its problems. */
  const save = async (c: Context<ConsoleEnv>, detail: PolicyDetail | undefined) => {
    const values = await formValues(c);
    const result = validateForm(policySchema(channelsOf(c).map((channel) => channel.value)), values);
    if (!result.ok) return editor(c, { state: { values, errors: result.errors }, ...(detail && { detail }) }, 400);
    const saved = await savePolicy(db, c.get('user'), kit.actor(c), detail?.policy.id, result.data);
    if (saved === 'not_found') throw notFound(NOT_FOUND);
    return c.redirect(`/admin/policies/${saved}?saved=1`, 303);
  };

  return new Hono<ConsoleEnv>()
    .use('*', requireRole('admin', 'editor'))
    .get('/', async (c) => {
      const policies = await consolePolicies(db, c.get('user'));
      const withEnglish = await policiesWithEnglish(
        db,
        policies.map((policy) => policy.id),
      );
      // ?english=missing: the policies that still lack an English version.
      const lacking = c.req.query('english') === 'missing';
      const shown = lacking ? policies.filter((policy) => !withEnglish.has(policy.id)) : policies;
      return kit.page(
        c,
        <PolicyListPage console={await kit.chrome(c)} policies={shown} withEnglish={withEnglish} lackingEnglish={lacking} channelName={channelName} />,
      );
    })
    .route(
      '/',
      englishVersionAdminRoutes(kit, {
        noun: '政策文件',
        consoleBase: '/admin/policies',
        publicBase: '/en/policies',
        find: (user, id) => policyEnglishForEditing(db, user, id),
        save: (user, actor, id, input) => savePolicyEnglish(db, user, actor, id, input),
      }),
    )
    .get('/new', (c) => {
      const today = chinaDate(new Date());
      return editor(c, { state: { values: { channel: channelsOf(c)[0]?.value ?? '', writtenOn: today, publishedOn: today, effectiveOn: today }, errors: {} } });
    })
    .post('/', (c) => save(c, undefined))
    .get('/:id', async (c) => {
      const detail = await found(c);
      return editor(c, { state: formOf(detail.policy), detail, saved: c.req.query('saved') === '1' });
    })
    .post('/:id', async (c) => save(c, await found(c)))
    .post('/:id/validity', async (c) => {
      const detail = await found(c);
      const values = await formValues(c);
      const again = (errors: Record<string, string>) => editor(c, { state: formOf(detail.policy), detail, forms: { validity: { values, errors } } }, 400);
      let decision: ValidityDecision;
      if (values.status === 'in_force' || values.status === 'repealed') {
        decision = { status: values.status };
      } else if (values.status === 'amended') {
        const replacedBy = await policyIdByReference(db, values.replacement ?? '');
        if (replacedBy === undefined) return again({ replacement: '请填写替代文件的编号或发文字号(须是政策文件库中已有的一份文件)。' });
        decision = { status: 'amended', replacedBy };
      } else {
        return again({ status: '请选择效力。' });
      }
      const outcome = await decidePolicyValidity(db, c.get('user'), kit.actor(c), detail.policy.id, decision);
      if (outcome === 'not_found') throw notFound(NOT_FOUND);
      if (outcome === 'no_replacement') return again({ replacement: '替代文件不能是本文件。' });
      return c.redirect(`${back(detail.policy.id)}?saved=1`, 303);
    })
    .post('/:id/interpretations', async (c) => {
      const detail = await found(c);
      const values = await formValues(c);
      const articleId = articleIdOf(values.article ?? '');
      const outcome =
        articleId === undefined ? 'no_article' : await changeInterpretation(db, c.get('user'), kit.actor(c), detail.policy.id, { link: articleId });
      if (outcome === 'not_found') throw notFound(NOT_FOUND);
      if (outcome === 'no_article') {
        return editor(
          c,
          { state: formOf(detail.policy), detail, forms: { link: { values, errors: { article: '没有这篇已发布的文章,请填写文章编号或网址。' } } } },
          400,
        );
      }
      return c.redirect(`${back(detail.policy.id)}?saved=1`, 303);
    })
    .post('/:id/interpretations/:articleId/unlink', async (c) => {
      const detail = await found(c);
      const articleId = articleIdOf(c.req.param('articleId'));
      const outcome =
        articleId === undefined ? 'unchanged' : await changeInterpretation(db, c.get('user'), kit.actor(c), detail.policy.id, { unlink: articleId });
      if (outcome === 'not_found') throw notFound(NOT_FOUND);
      return c.redirect(back(detail.policy.id), 303);
    });
}
