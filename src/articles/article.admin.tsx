// Console routes for articles (editors of their channels, and admins): list, write, edit with
// preview, unpublish. Mounted under /admin/articles by the console's route table.
import { Hono, type Context } from 'hono';
import { canActOn } from '../accounts/account.ts';
import type { RouteContext } from '../http/app-deps.ts';
import type { ConsoleKit } from '../http/console.ts';
import { requireRole, type ConsoleEnv } from '../http/console-session.ts';
import { notFound } from '../http/errors.tsx';
import type { FieldState } from '../http/form-controls.tsx';
import { formValues, validateForm } from '../http/form.ts';
import { htmlDocument } from '../http/layout.tsx';
import { parseId } from '../http/request-params.ts';
import { articleForEditing, editedArticleSchema, editorArticles, saveEditedArticle, unpublishArticle, type ArticleForEditing } from './article-editing.service.ts';
import { markdownToHtml } from './markdown.ts';
import { ArticleEditorPage, ArticleListPage } from './views/article-editor.tsx';

const toLocalInput = (iso: string | null) => (iso ? new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16) : '');
const formOf = (article: ArticleForEditing): FieldState => ({
  values: { title: article.title, channel: article.channel, publishedOn: article.publishedOn, status: article.status, publishAt: toLocalInput(article.publishAt), body: article.body },
  errors: {},
});

/** Routes: `/` (list), `/new`, `/:id` (GET, POST), `/:id/unpublish`, and POST `/` to create. */
export function articleAdminRoutes(ctx: RouteContext, kit: ConsoleKit): Hono<ConsoleEnv> {
  const { chrome, actor } = kit;
  const { db } = ctx;
  const channelsOf = (c: Context<ConsoleEnv>) => {
    const user = c.get('user');
    return ctx.channels.all.filter((channel) => canActOn(user, channel.slug)).map((channel) => ({ value: channel.slug, label: channel.name }));
  };
  const editor = async (c: Context<ConsoleEnv>, props: Omit<Parameters<typeof ArticleEditorPage>[0], 'console' | 'channels'>, status: 200 | 400 = 200) =>
    c.html(htmlDocument(<ArticleEditorPage console={await chrome(c)} channels={channelsOf(c)} {...props} />), status);

  /** Saves or previews a posted form; `id` undefined creates. */
  const post = async (c: Context<ConsoleEnv>, id: number | undefined) => {
    const values = await formValues(c);
    const existing = id === undefined ? undefined : await articleForEditing(db, c.get('user'), id);
    if (id !== undefined && !existing) throw notFound('没有这篇文章,或它不在您负责的频道。');
    const rest = existing ?? {};
    if (values.intent === 'preview') return editor(c, { ...rest, state: { values, errors: {} }, previewHtml: markdownToHtml(values.body ?? '') });
    const result = validateForm(editedArticleSchema(channelsOf(c).map((channel) => channel.value), new Date()), values);
    if (!result.ok) return editor(c, { ...rest, state: { values, errors: result.errors } }, 400);
    const saved = await saveEditedArticle(db, ctx, c.get('user'), actor(c), id, result.data);
    if (saved === 'not_found') throw notFound('没有这篇文章,或它不在您负责的频道。');
    return c.redirect(`/admin/articles/${saved}?saved=1`, 303);
  };

  return new Hono<ConsoleEnv>()
    .use('*', requireRole('admin', 'editor'))
    .get('/', async (c) => c.html(htmlDocument(<ArticleListPage console={await chrome(c)} articles={await editorArticles(db, c.get('user'))} channelName={ctx.navChannel} />)))
    .get('/new', (c) => editor(c, { state: { values: { status: 'draft', publishedOn: new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10), channel: channelsOf(c)[0]?.value ?? '' }, errors: {} } }))
    .post('/', (c) => post(c, undefined))
    .get('/:id', async (c) => {
      const found = await articleForEditing(db, c.get('user'), parseId(c.req.param('id')) ?? 0);
      if (!found) throw notFound('没有这篇文章,或它不在您负责的频道。');
      return editor(c, { ...found, state: formOf(found.article), saved: c.req.query('saved') === '1' });
    })
    .post('/:id', (c) => post(c, parseId(c.req.param('id')) ?? 0))
    .post('/:id/unpublish', async (c) => {
      const id = parseId(c.req.param('id')) ?? 0;
      if ((await unpublishArticle(db, ctx, c.get('user'), actor(c), id)) === 'not_found') throw notFound('没有这篇文章,或它不在您负责的频道。');
      return c.redirect(`/admin/articles/${id}`, 303);
    });
}
