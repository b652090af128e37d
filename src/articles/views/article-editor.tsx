// The console's article list and editor: Markdown with a preview, channel, date, status,
// scheduled time, and the revision history.
import { ActionForm, ConsoleLayout, FormProblem, type ConsoleChrome } from '../../http/console-layout.tsx';
import { CSRF_FIELD } from '../../http/csrf.ts';
import { SelectField, TextArea, TextField, type FieldState } from '../../http/form-controls.tsx';
import type { NavChannel } from '../../http/layout.tsx';
import { chinaDateTime, chinaTimeHeading, labelledChinaDateTime } from '../../lib/china-time.ts';
import type { ArticleForEditing, ArticleRevision } from '../article-editing.service.ts';
import type { RevisionText } from '../article-revisions.service.ts';
import { MAX_BODY_LENGTH, MAX_TITLE_LENGTH } from '../article.ts';
import { TableScroll } from '../../http/table-scroll.tsx';
import type { Child } from 'hono/jsx';

const STATUS_NAMES = { draft: '草稿', scheduled: '定时发布', published: '已发布' } as const;

/** The articles of the user's channels. */
export function ArticleListPage(props: {
  console: ConsoleChrome;
  articles: ArticleForEditing[];
  /** Ids of the listed articles that have an English version. */
  withEnglish: ReadonlySet<number>;
  /** Whether the list shows only the articles without one. */
  lackingEnglish: boolean;
  channelName: (slug: string) => NavChannel;
}) {
  return (
    <ConsoleLayout console={props.console} title="文章管理">
      <p>
        <a href="/admin/articles/new">写新文章</a>
        {' · '}
        {props.lackingEnglish ? <a href="/admin/articles">显示全部文章</a> : <a href="/admin/articles?english=missing">只看缺少英文版的文章</a>}
      </p>
      <TableScroll label="文章列表">
        <table class="data-table">
          <thead>
            <tr>
              <th scope="col">标题</th>
              <th scope="col">频道</th>
              <th scope="col">发布日期</th>
              <th scope="col">状态</th>
              <th scope="col">英文版</th>
            </tr>
          </thead>
          <tbody>
            {props.articles.map((article) => (
              <tr>
                <td>
                  <a href={`/admin/articles/${article.id}`}>{article.title}</a>
                </td>
                <td>{props.channelName(article.channel).name}</td>
                <td>{article.publishedOn}</td>
                <td>
                  {STATUS_NAMES[article.status]}
                  {article.publishAt && `(${labelledChinaDateTime(article.publishAt)})`}
                </td>
                <td>
                  <a href={`/admin/articles/${article.id}/english`}>{props.withEnglish.has(article.id) ? '有' : '缺少,去撰写'}</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </ConsoleLayout>
  );
}

/** The editor for a new (`article` undefined) or existing article. */
export function ArticleEditorPage(props: {
  console: ConsoleChrome;
  state: FieldState;
  channels: ReadonlyArray<{ value: string; label: string }>;
  article?: ArticleForEditing;
  revisions?: ArticleRevision[];
  previewHtml?: string;
  problem?: string;
  saved?: boolean;
  /** A draft restored from an older revision, shown in the form instead of the article's text. */
  restoredDraft?: RevisionText | undefined;
  /** The attachment panel of a saved article (src/uploads). */
  attachments?: Child;
}) {
  const { state, article, console: chrome } = props;
  const action = article ? `/admin/articles/${article.id}` : '/admin/articles';
  const messages = Object.values(state.errors);
  return (
    <ConsoleLayout console={chrome} title={article ? `编辑:${article.title}` : '写新文章'}>
      {article && (
        <p>
          <a href={`/admin/articles/${article.id}/english`}>英文版</a>
        </p>
      )}
      {props.saved && (
        <p class="notice" role="status">
          已保存。
        </p>
      )}
      {props.restoredDraft && (
        <p class="notice" role="status">
          下方标题和正文是从修订 #{props.restoredDraft.restoredFrom} 恢复的草稿({props.restoredDraft.editedBy} 恢复于{' '}
          {labelledChinaDateTime(props.restoredDraft.editedAt)}),尚未生效,读者看到的仍是原内容。保存时按所选“状态”生效:选“已发布”会替换线上版本。
        </p>
      )}
      <FormProblem problem={messages.length > 0 ? `请修改以下 ${messages.length} 处:${messages.join(' ')}` : props.problem} />
      <form class="public-form" method="post" action={action}>
        <input type="hidden" name={CSRF_FIELD} value={chrome.token} />
        <TextField state={state} name="title" label="标题" maxLength={MAX_TITLE_LENGTH} required />
        <SelectField state={state} name="channel" label="频道" options={props.channels} required />
        <TextField state={state} name="publishedOn" label="发布日期" maxLength={10} required type="date" />
        <SelectField state={state} name="status" label="状态" options={Object.entries(STATUS_NAMES).map(([value, label]) => ({ value, label }))} required />
        <TextField state={state} name="publishAt" label="定时发布时间(北京时间)" maxLength={16} type="datetime-local" hint="仅在状态为“定时发布”时需要。" />
        <TextArea
          state={state}
          name="body"
          label="正文(Markdown)"
          maxLength={MAX_BODY_LENGTH}
          required
          rows={18}
          hint="支持 Markdown:## 小标题、**加粗**、- 列表、[链接](https://…)。不支持 HTML。"
        />
        <p class="editor-actions">
          <button type="submit" name="intent" value="preview">
            预览
          </button>{' '}
          <button type="submit" name="intent" value="save">
            保存
          </button>
        </p>
      </form>
      {props.previewHtml !== undefined && (
        <section class="aside-box" aria-labelledby="preview-heading">
          <h2 id="preview-heading">预览</h2>
          <div class="article-body" dangerouslySetInnerHTML={{ __html: props.previewHtml }} />
        </section>
      )}
      {props.attachments}
      {article && article.status !== 'draft' && <ActionForm action={`/admin/articles/${article.id}/unpublish`} token={chrome.token} label="撤回为草稿" />}
      {props.revisions && props.revisions.length > 0 && (
        <>
          <h2>修订记录</h2>
          <p>
            <a href={`/admin/articles/${article?.id}/revisions`}>比较任意两个版本</a>
          </p>
          <TableScroll label="修订记录">
            <table class="data-table revisions">
              <thead>
                <tr>
                  <th scope="col">{chinaTimeHeading('时间')}</th>
                  <th scope="col">编辑</th>
                  <th scope="col">标题</th>
                  <th scope="col">状态</th>
                  <th scope="col">操作</th>
                </tr>
              </thead>
              <tbody>
                {props.revisions.map((revision, index) => (
                  <tr>
                    <td>{chinaDateTime(revision.editedAt)}</td>
                    <td>{revision.editedBy}</td>
                    <td>{revision.title}</td>
                    <td>{STATUS_NAMES[revision.status]}</td>
                    <td>
                      {index > 0 && <a href={`/admin/articles/${article?.id}/revisions?from=${revision.id}&to=${props.revisions?.[0]?.id}`}>与最新版比较</a>}
                      <ActionForm
                        action={`/admin/articles/${article?.id}/revisions/${revision.id}/restore`}
                        token={chrome.token}
                        label={`恢复 #${revision.id} 为新草稿`}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
    </ConsoleLayout>
  );
}
