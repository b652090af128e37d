// Console routes for articles (editors of their channels, and admins): list, write, edit with
// preview, unpublish, compare revisions and restore one as a draft. Mounted under /admin/articles by the console's route table.
import { Hono, type Context } from 'hono';
import { canActOn } from '../accounts/account.ts';
import type { RouteContext } from '../http/app-deps.ts';
import type { ConsoleKit } from '../http/console.ts';
import { askFirst } from '../http/console-confirm.tsx';
import { requireRole, type ConsoleEnv } from '../http/console-session.ts';
import { notFound } from '../http/errors.tsx';
import type { FieldState } from '../http/form-controls.tsx';
import { formValues, validateForm } from '../http/form.ts';
import { htmlDocument } from '../http/layout.tsx';
import { parseId } from '../http/request-params.ts';
import { chinaDate, chinaLocalInput } from '../lib/china-time.ts';
import {
  articleForEditing,
  editedArticleSchema,
  editorArticles,
  saveEditedArticle,
  unpublishArticle,
  type ArticleForEditing,
} from './article-editing.service.ts';
import { restoredDraft, restoreRevision, revisionComparison } from './article-revisions.service.ts';
import { markdownToHtml } from './markdown.ts';
import { englishVersionAdminRoutes } from '../i18n/english-version.admin.tsx';
import { articlesWithEnglish, englishVersionForEditing, saveArticleEnglish } from './article-english.service.ts';
import { ArticleEditorPage, ArticleListPage } from './views/article-editor.tsx';
import { RevisionsPage } from './views/revisions-page.tsx';
import { attachmentsOf } from '../uploads/attachment.service.ts';
import { uploadRefusalOf } from '../uploads/attachment.admin.tsx';
import { AttachmentPanel } from '../uploads/views/attachment-panel.tsx';

const toLocalInput = (iso: string | null) => (iso ? chinaLocalInput(iso) : '');
const formOf = (article: ArticleForEditing): FieldState => ({
  values: {
    title: article.title,
    channel: article.channel,
    publishedOn: article.publishedOn,
    status: article.status,
    publishAt: toLocalInput(article.publishAt),
    body: article.body,
  },
  errors: {},
});

/**
 * Routes: `/` (list), `/new`, `/:id` (GET, POST), `/:id/unpublish` (confirmed first), `/:id/revisions?from=&to=`,
 * `/:id/revisions/:revisionId/restore`, and POST `/` to create.
 */
export function articleAdminRoutes(ctx: RouteContext, kit: ConsoleKit): Hono<ConsoleEnv> {
  const { chrome, actor } = kit;
  const { db } = ctx;
  const channelsOf = (c: Context<ConsoleEnv>) => {
    const user = c.get('user');
    return ctx.channels.all.filter((channel) => canActOn(user, channel.slug)).map((channel) => ({ value: channel.slug, label: channel.name }));
  };
  const editor = async (
    c: Context<ConsoleEnv>,
    props: Omit<Parameters<typeof ArticleEditorPage>[0], 'console' | 'channels' | 'attachments'>,
    status: 200 | 400 = 200,
  ) => {
    const frame = await chrome(c);
    const articleId = props.article?.id;
    const attachments = articleId !== undefined && (
      <AttachmentPanel
        ownerKind="article"
        ownerId={articleId}
        attachments={await attachmentsOf(db, 'article', articleId)}
        token={frame.token}
        maxBytes={ctx.uploads.maxBytes}
        refusal={uploadRefusalOf(c)}
      />
    );
    return c.html(htmlDocument(<ArticleEditorPage console={frame} channels={channelsOf(c)} attachments={attachments} {...props} />), status);
  };

  /** Saves or previews a posted form; `id` undefined creates. */
  const post = async (c: Context<ConsoleEnv>, id: number | undefined) => {
    const values = await formValues(c);
    const existing = id === undefined ? undefined : await articleForEditing(db, c.get('user'), id);
    if (id !== undefined && !existing) throw notFound('没有这篇文章,或它不在您负责的频道。');
    const rest = existing ? { ...existing, restoredDraft: await restoredDraft(db, existing.article.id) } : {};
    if (values.intent === 'preview') return editor(c, { ...rest, state: { values, errors: {} }, previewHtml: markdownToHtml(values.body ?? '') });
    const result = validateForm(
      editedArticleSchema(
        channelsOf(c).map((channel) => channel.value),
        new Date(),
      ),
      values,
    );
    if (!result.ok) return editor(c, { ...rest, state: { values, errors: result.errors } }, 400);
    const saved = await saveEditedArticle(db, ctx, c.get('user'), actor(c), id, result.data);
    if (saved === 'not_found') throw notFound('没有这篇文章,或它不在您负责的频道。');
    return c.redirect(`/admin/articles/${saved}?saved=1`, 303);
  };

  return (
    new Hono<ConsoleEnv>()
      .use('*', requireRole('admin', 'editor'))
      .get('/', async (c) => {
        const articles = await editorArticles(db, c.get('user'));
        const withEnglish = await articlesWithEnglish(
          db,
          articles.map((article) => article.id),
        );
        // ?english=missing: the articles that still lack an English version.
        const lacking = c.req.query('english') === 'missing';
        const shown = lacking ? articles.filter((article) => !withEnglish.has(article.id)) : articles;
        return c.html(
          htmlDocument(
            <ArticleListPage console={await chrome(c)} articles={shown} withEnglish={withEnglish} lackingEnglish={lacking} channelName={ctx.navChannel} />,
          ),
        );
      })
      .route(
        '/',
        englishVersionAdminRoutes(kit, {
          noun: '文章',
          consoleBase: '/admin/articles',
          publicBase: '/en/articles',
          find: (user, id) => englishVersionForEditing(db, user, id),
          save: (user, actor, id, input) => saveArticleEnglish(db, ctx, user, actor, id, input),
        }),
      )
      .get('/new', (c) =>
        editor(c, { state: { values: { status: 'draft', publishedOn: chinaDate(new Date()), channel: channelsOf(c)[0]?.value ?? '' }, errors: {} } }),
      )
      .post('/', (c) => post(c, undefined))
      .get('/:id', async (c) => {
        const found = await articleForEditing(db, c.get('user'), parseId(c.req.param('id')) ?? 0);
        if (!found) throw notFound('没有这篇文章,或它不在您负责的频道。');
        // A restored draft is what the editor works on until it is saved.
        const draft = await restoredDraft(db, found.article.id);
        const form = formOf(found.article);
        if (draft) form.values = { ...form.values, title: draft.title, body: draft.body };
        return editor(c, { ...found, state: form, saved: c.req.query('saved') === '1', restoredDraft: draft });
      })
      .post('/:id', (c) => post(c, parseId(c.req.param('id')) ?? 0))
      .post('/:id/unpublish', async (c) => {
        const id = parseId(c.req.param('id')) ?? 0;
        const found = await articleForEditing(db, c.get('user'), id);
        if (!found) throw notFound('没有这篇文章,或它不在您负责的频道。');
        const ask = await askFirst(c, kit, {
          title: '确认撤回文章',
          consequence: `撤回后,文章《${found.article.title}》将改为草稿,不再在网站上公开,也不再能被搜索到;之后可以再次编辑发布。`,
          confirmLabel: '确认撤回',
          back: `/admin/articles/${id}`,
        });
        if (ask) return ask;
        if ((await unpublishArticle(db, ctx, c.get('user'), actor(c), id)) === 'not_found') throw notFound('没有这篇文章,或它不在您负责的频道。');
        return c.redirect(`/admin/articles/${id}`, 303);
      })
      // Revisions
      .get('/:id/revisions', async (c) => {
        const id = parseId(c.req.param('id')) ?? 0;
        const version = (name: string) => parseId(c.req.query(name) ?? '');
        const compared = await revisionComparison(db, c.get('user'), id, version('from'), version('to'));
        if (!compared) throw notFound('没有这篇文章的修订记录,或它不在您负责的频道。');
        return c.html(htmlDocument(<RevisionsPage console={await chrome(c)} articleId={id} {...compared} />));
      })
      .post('/:id/revisions/:revisionId/restore', async (c) => {
        const id = parseId(c.req.param('id')) ?? 0;
        const restored = await restoreRevision(db, c.get('user'), actor(c), id, parseId(c.req.param('revisionId')) ?? 0);
        if (restored === 'not_found') throw notFound('没有这份修订,或这篇文章不在您负责的频道。');
        return c.redirect(`/admin/articles/${id}`, 303);
      })
  );
}
