// The console's policy list and editor: every field of a policy, its validity decision, and the
// 政策解读 articles linked to it.
import { ActionForm, ConsoleLayout, FormProblem, type ConsoleChrome } from '../../http/console-layout.tsx';
import { CSRF_FIELD } from '../../http/csrf.ts';
import { SelectField, TextArea, TextField, type FieldState } from '../../http/form-controls.tsx';
import { TableScroll } from '../../http/table-scroll.tsx';
import type { Child } from 'hono/jsx';
import { BODY_MAX, DOC_NUMBER_MAX, ISSUER_MAX, POLICY_LEVELS, POLICY_TOPICS, TITLE_MAX, VALIDITY_NAMES } from '../policy.ts';
import type { PolicyDetail, ShownPolicy } from '../policy.service.ts';
import { ValidityLabel, type ChannelName } from './policy-pages.tsx';

type Options = ReadonlyArray<{ value: string; label: string }>;
const options = (values: readonly string[]) => values.map((value) => ({ value, label: value }));
const DECISIONS = (['in_force', 'amended', 'repealed'] as const).map((status) => ({ value: status, label: VALIDITY_NAMES[status] }));

/** The policies of the user's channels. */
export function PolicyListPage(props: {
  console: ConsoleChrome;
  policies: ShownPolicy[];
  /** Ids of the listed policies that have an English version. */
  withEnglish: ReadonlySet<number>;
  /** Whether the list shows only the policies without one. */
  lackingEnglish: boolean;
  channelName: ChannelName;
}) {
  return (
    <ConsoleLayout console={props.console} title="政策文件">
      <p>
        <a href="/admin/policies/new">新建政策文件</a>
        {' · '}
        {props.lackingEnglish ? <a href="/admin/policies">显示全部政策文件</a> : <a href="/admin/policies?english=missing">只看缺少英文版的政策文件</a>}
      </p>
      {props.policies.length === 0 ? (
        <p>您负责的频道还没有政策文件。</p>
      ) : (
        <TableScroll label="政策文件列表">
          <table class="data-table">
            <thead>
              <tr>
                <th scope="col">标题</th>
                <th scope="col">发文字号</th>
                <th scope="col">地区</th>
                <th scope="col">发布日期</th>
                <th scope="col">效力</th>
                <th scope="col">英文版</th>
              </tr>
            </thead>
            <tbody>
              {props.policies.map((policy) => (
                <tr>
                  <td>
                    <a href={`/admin/policies/${policy.id}`}>{policy.title}</a>
                  </td>
                  <td>{policy.docNumber ?? '无'}</td>
                  <td>{props.channelName(policy.channel)}</td>
                  <td>{policy.publishedOn}</td>
                  <td>
                    <ValidityLabel validity={policy.validity} />
                  </td>
                  <td>
                    <a href={`/admin/policies/${policy.id}/english`}>{props.withEnglish.has(policy.id) ? '有' : '缺少,去撰写'}</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </ConsoleLayout>
  );
}

/** The forms of an existing policy besides its fields, each with what was typed and its problems. */
export interface PolicyForms {
  validity?: FieldState;
  link?: FieldState;
}

/** The editor of a new (`detail` undefined) or existing policy. */
export function PolicyEditorPage(props: {
  console: ConsoleChrome;
  state: FieldState;
  channels: Options;
  channelName: ChannelName;
  detail?: PolicyDetail | undefined;
  forms?: PolicyForms | undefined;
  saved?: boolean;
  /** The attachment panel of a saved policy (src/uploads). */
  attachments?: Child;
}) {
  const { state, detail, console: chrome } = props;
  const policy = detail?.policy;
  const messages = Object.values(state.errors);
  return (
    <ConsoleLayout console={chrome} title={policy ? `编辑政策文件:${policy.title}` : '新建政策文件'}>
      {props.saved && (
        <p class="notice" role="status">
          已保存。
        </p>
      )}
      {policy && (
        <p>
          效力:
          <ValidityLabel validity={policy.validity} /> · <a href={`/policies/${policy.id}`}>查看公开页面</a> ·{' '}
          <a href={`/admin/policies/${policy.id}/english`}>英文版</a>
        </p>
      )}
      <FormProblem problem={messages.length > 0 ? `请修改以下 ${messages.length} 处:${messages.join(' ')}` : undefined} />
      <form class="public-form" method="post" action={policy ? `/admin/policies/${policy.id}` : '/admin/policies'}>
        <input type="hidden" name={CSRF_FIELD} value={chrome.token} />
        <TextField state={state} name="title" label="标题" maxLength={TITLE_MAX} required />
        <TextField state={state} name="docNumber" label="发文字号" maxLength={DOC_NUMBER_MAX} hint="如 洪府发〔2025〕12号;没有文号请留空。" />
        <TextField state={state} name="issuer" label="发文机关" maxLength={ISSUER_MAX} required />
        <SelectField state={state} name="level" label="层级" options={options(POLICY_LEVELS)} required />
        <SelectField state={state} name="channel" label="所属频道" options={props.channels} required />
        <SelectField state={state} name="topic" label="主题" options={options(POLICY_TOPICS)} required />
        <TextField state={state} name="writtenOn" label="成文日期" maxLength={10} type="date" required />
        <TextField state={state} name="publishedOn" label="发布日期" maxLength={10} type="date" required />
        <TextField state={state} name="effectiveOn" label="实施日期" maxLength={10} type="date" required />
        <TextField state={state} name="validUntil" label="有效期至" maxLength={10} type="date" hint="有效期的最后一天;没有期限请留空。" />
        <TextArea
          state={state}
          name="body"
          label="正文(Markdown)"
          maxLength={BODY_MAX}
          required
          rows={18}
          hint="支持 Markdown:## 小标题、**加粗**、- 列表。不支持 HTML。"
        />
        <p class="editor-actions">
          <button type="submit">保存</button>
        </p>
      </form>
      {detail && policy && (
        <>
          <h2>效力</h2>
          <p>
            已修订:请填写替代它的新文件;已废止:公开页面显示“已废止”提示,仍可查阅。
            {detail.replacedBy && (
              <>
                {' '}
                现行替代文件:<a href={`/admin/policies/${detail.replacedBy.id}`}>{detail.replacedBy.title}</a>
              </>
            )}
          </p>
          <ValidityForm token={chrome.token} policyId={policy.id} state={props.forms?.validity ?? { values: { status: policy.status }, errors: {} }} />
          <h2>政策解读</h2>
          {detail.interpretations.length === 0 ? (
            <p>还没有关联的解读文章。</p>
          ) : (
            <ul class="policy-interpretations">
              {detail.interpretations.map((article) => (
                <li>
                  <a href={`/articles/${article.id}`}>{article.title}</a>
                  <ActionForm action={`/admin/policies/${policy.id}/interpretations/${article.id}/unlink`} token={chrome.token} label="取消关联" />
                </li>
              ))}
            </ul>
          )}
          <LinkForm token={chrome.token} policyId={policy.id} state={props.forms?.link ?? { values: {}, errors: {} }} />
          {props.attachments}
        </>
      )}
    </ConsoleLayout>
  );
}

function ValidityForm(props: { token: string; policyId: number; state: FieldState }) {
  return (
    <form class="public-form" method="post" action={`/admin/policies/${props.policyId}/validity`}>
      <input type="hidden" name={CSRF_FIELD} value={props.token} />
      <SelectField state={props.state} name="status" label="效力" options={DECISIONS} required />
      <TextField state={props.state} name="replacement" label="替代文件" maxLength={50} hint="仅“已修订”时填写:新文件的编号或发文字号。" />
      <button type="submit">保存效力</button>
    </form>
  );
}

function LinkForm(props: { token: string; policyId: number; state: FieldState }) {
  return (
    <form class="public-form" method="post" action={`/admin/policies/${props.policyId}/interpretations`}>
      <input type="hidden" name={CSRF_FIELD} value={props.token} />
      <TextField state={props.state} name="article" label="解读文章" maxLength={200} required hint="已发布文章的编号或网址,如 123 或 /articles/123。" />
      <button type="submit">关联解读</button>
    </form>
  );
}
