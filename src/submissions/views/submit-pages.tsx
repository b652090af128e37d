// 投稿: the form, and the status page a tracking code opens.
import { ConsentField, PostForm, SelectField, TextArea, TextField, type FieldState } from '../../http/form-controls.tsx';
import { PHONE_OR_EMAIL_HINT } from '../../http/form-fields.ts';
import { CaseStatusLayout, type CaseLookup } from '../../http/case-status.tsx';
import { Layout, type PageChrome } from '../../http/layout.tsx';
import { chinaDate } from '../../lib/china-time.ts';
import { BODY_MAX, NAME_MAX, TITLE_MAX, TRACKING_PREFIX, type SubmissionStatus } from '../submission.ts';

/** The contribution form. */
export function SubmitPage(props: { chrome: PageChrome; token: string; state: FieldState; channels: ReadonlyArray<{ value: string; label: string }> }) {
  const { state } = props;
  return (
    <Layout chrome={props.chrome} title="投稿" section="/submit" description="向南昌招商投稿:新闻线索、信息补充与更正。">
      <h1>投稿</h1>
      <p class="page-lead">有想补充的招商信息?欢迎投稿。稿件经编辑审核后发布;提交后您会得到一个查询码,可随时查看审核进度。</p>
      <PostForm action="/submit" token={props.token} errors={state.errors} problem={state.problem} submitLabel="提交稿件">
        <TextField state={state} name="title" label="标题" maxLength={TITLE_MAX} required />
        <TextArea state={state} name="body" label="正文" maxLength={BODY_MAX} required rows={12} hint={`至少 20 字,最多 ${BODY_MAX} 字。`} />
        <SelectField state={state} name="channel" label="投稿频道" options={props.channels} required />
        <TextField state={state} name="name" label="姓名" maxLength={NAME_MAX} required />
        <TextField state={state} name="contact" label="联系方式" maxLength={100} required hint={`${PHONE_OR_EMAIL_HINT};仅用于编辑核实稿件。`} />
        <ConsentField state={state} name="consent">
          我同意本站收集上述姓名和联系方式,仅用于核实和联系本次投稿;稿件处理完毕 180 天后,这些个人信息将被删除。
        </ConsentField>
      </PostForm>
      <p>
        已经投稿?<a href="/submit/status">查询审核进度</a>
      </p>
    </Layout>
  );
}

const STATUS_TEXT = { pending: '待审核', published: '已发布', rejected: '未采用' } as const;

/** The status lookup: a code form, and the contribution's status when one was found. */
export function SubmissionStatusPage(props: { chrome: PageChrome; lookup: CaseLookup<SubmissionStatus> }) {
  const { found } = props.lookup;
  return (
    <CaseStatusLayout
      chrome={props.chrome}
      title="投稿进度查询"
      action="/submit/status"
      prefix={TRACKING_PREFIX}
      lookup={props.lookup}
      thanks="投稿成功,感谢您的支持!"
    >
      {found && (
        <>
          <tr>
            <th scope="row">标题</th>
            <td>{found.title}</td>
          </tr>
          <tr>
            <th scope="row">投稿时间</th>
            <td>{chinaDate(found.createdAt)}</td>
          </tr>
          <tr>
            <th scope="row">状态</th>
            <td class="submission-status">{STATUS_TEXT[found.status]}</td>
          </tr>
          {found.status === 'published' && found.article !== null && (
            <tr>
              <th scope="row">发布链接</th>
              <td class="submission-article">
                {found.article === 'withdrawn' ? '该文章已撤下或删除,目前不再公开。' : <a href={`/articles/${found.article.id}`}>查看已发布的文章</a>}
              </td>
            </tr>
          )}
          {found.status === 'rejected' && (
            <tr>
              <th scope="row">未采用原因</th>
              <td>{found.rejectReason}</td>
            </tr>
          )}
        </>
      )}
    </CaseStatusLayout>
  );
}
