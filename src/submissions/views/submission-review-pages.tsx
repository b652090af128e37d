// The console's review of contributions: the queue and one contribution with its edit and decisions.
import type { SubmissionForReview } from '../submission.service.ts';
import { BODY_MAX, TITLE_MAX } from '../submission.ts';
import { ActionForm, ConsoleLayout, FormProblem, type ConsoleChrome } from '../../http/console-layout.tsx';
import { CSRF_FIELD } from '../../http/csrf.ts';
import { SelectField, TextArea, TextField, type FieldState } from '../../http/form-controls.tsx';
import { TableScroll } from '../../http/table-scroll.tsx';
import { chinaDateTime, chinaTimeHeading } from '../../lib/china-time.ts';
import { QueueListPage, type ChannelName } from '../../review/views/queue-pages.tsx';

/** Contributions of one status. */
export function SubmissionListPage(props: { console: ConsoleChrome; status: string; items: SubmissionForReview[]; channelName: ChannelName }) {
  return (
    <QueueListPage
      console={props.console}
      title="投稿审核"
      base="/admin/submissions"
      status={props.status}
      tabs={[
        ['pending', '待审核'],
        ['published', '已发布'],
        ['rejected', '未采用'],
      ]}
      empty="没有稿件。"
      items={props.items}
      columns={[
        ['标题', (item) => item.title],
        ['频道', (item) => props.channelName(item.channel).name],
        [chinaTimeHeading('投稿时间'), (item) => chinaDateTime(item.createdAt)],
      ]}
    />
  );
}

/**
 * One contribution with its text (shown as text), the form to edit it before publishing (its
 * fields as `edit` holds them, with their errors) and the decisions; `reject` is the reject form as
 * posted, with its problem.
 */
export function SubmissionDetailPage(props: {
  console: ConsoleChrome;
  item: SubmissionForReview;
  channelName: ChannelName;
  channels: ReadonlyArray<{ value: string; label: string }>;
  edit: FieldState;
  reject?: FieldState | undefined;
  saved?: boolean;
}) {
  const { item, console: chrome, edit } = props;
  const editErrors = Object.values(edit.errors);
  return (
    <ConsoleLayout console={chrome} title={`投稿:${item.title}`}>
      <TableScroll label="投稿详情">
        <table class="data-table">
          <tbody>
            <tr>
              <th scope="row">查询码</th>
              <td>{item.trackingCode}</td>
            </tr>
            <tr>
              <th scope="row">频道</th>
              <td>{props.channelName(item.channel).name}</td>
            </tr>
            <tr>
              <th scope="row">投稿人</th>
              <td>{item.authorName ?? '(已删除)'}</td>
            </tr>
            <tr>
              <th scope="row">联系方式</th>
              <td>{item.authorContact ?? '(已删除)'}</td>
            </tr>
            <tr>
              <th scope="row">{chinaTimeHeading('投稿时间')}</th>
              <td>{chinaDateTime(item.createdAt)}</td>
            </tr>
            <tr>
              <th scope="row">状态</th>
              <td class="item-status">{{ pending: '待审核', published: '已发布', rejected: '未采用' }[item.status]}</td>
            </tr>
          </tbody>
        </table>
      </TableScroll>
      <h2>正文</h2>
      <div class="submission-body">
        {item.body.split(/\n+/u).map((paragraph) => (
          <p>{paragraph}</p>
        ))}
      </div>
      {item.status === 'pending' && (
        <>
          <h2>修改稿件</h2>
          {props.saved && (
            <p class="notice" role="status">
              修改已保存,发布时将使用修改后的内容。
            </p>
          )}
          <form class="public-form" method="post" action={`/admin/submissions/${item.id}/edit`}>
            <FormProblem problem={editErrors.length > 0 ? `请修改以下 ${editErrors.length} 处:${editErrors.join(' ')}` : undefined} />
            <input type="hidden" name={CSRF_FIELD} value={chrome.token} />
            <TextField state={edit} name="title" label="标题" maxLength={TITLE_MAX} required />
            <SelectField state={edit} name="channel" label="频道" options={props.channels} required />
            <TextArea state={edit} name="body" label="正文" maxLength={BODY_MAX} required rows={12} />
            <button type="submit">保存修改</button>
          </form>
          <h2>审核决定</h2>
          <ActionForm action={`/admin/submissions/${item.id}/publish`} token={chrome.token} label="采用并发布" />
          <ActionForm action={`/admin/submissions/${item.id}/reject`} token={chrome.token} label="不予采用">
            <TextArea state={props.reject ?? { values: {}, errors: {} }} name="reason" label="未采用原因(投稿人可见)" maxLength={500} rows={3} required />
          </ActionForm>
        </>
      )}
      {item.articleId !== null && (
        <p>
          <a href={`/articles/${item.articleId}`}>查看发布的文章</a>
        </p>
      )}
    </ConsoleLayout>
  );
}
