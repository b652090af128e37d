// The console home and the three work queues: contributions, applications, messages.
import type { Child } from 'hono/jsx';
import type { ApplicationForReview } from '../../enterprises/application.service.ts';
import { countryName } from '../../enterprises/country.ts';
import { industryName } from '../../enterprises/industry.ts';
import type { MessageForReview } from '../../contact/message.service.ts';
import type { NavChannel } from '../../http/layout.tsx';
import type { SubmissionForReview } from '../../submissions/submission.service.ts';
import { ActionForm, ConsoleLayout, type ConsoleChrome } from './console-layout.tsx';

type ChannelName = (slug: string) => NavChannel;
const date = (iso: string) => iso.slice(0, 16).replace('T', ' ');

/** The console home: what waits in each queue the user works on. */
export function ConsoleHomePage(props: { console: ConsoleChrome; counts: { submissions: number; applications: number; messages: number } | undefined }) {
  const { counts } = props;
  return (
    <ConsoleLayout console={props.console} title="工作台">
      {counts ? (
        <ul class="queue-counts">
          <li>
            <a href="/admin/submissions">待审核投稿</a>:<strong data-count="submissions">{counts.submissions}</strong>
          </li>
          <li>
            <a href="/admin/applications">待审核入驻申请</a>:<strong data-count="applications">{counts.applications}</strong>
          </li>
          <li>
            <a href="/admin/messages">待处理留言</a>:<strong data-count="messages">{counts.messages}</strong>
          </li>
        </ul>
      ) : (
        <p>
          <a href="/admin/articles">管理您负责频道的文章</a>,或<a href="/admin/articles/new">写新文章</a>。
        </p>
      )}
    </ConsoleLayout>
  );
}

function StatusTabs(props: { base: string; current: string; tabs: ReadonlyArray<[string, string]> }) {
  return (
    <p class="status-tabs">
      {props.tabs.map(([value, label]) => (value === props.current ? <strong>{label}</strong> : <a href={`${props.base}?status=${value}`}>{label}</a>))}
    </p>
  );
}

/** A work queue: status tabs, then one row per item linking to it. */
function QueueListPage<T extends { id: number }>(props: {
  console: ConsoleChrome;
  title: string;
  base: string;
  status: string;
  tabs: ReadonlyArray<[string, string]>;
  empty: string;
  items: T[];
  columns: ReadonlyArray<[string, (item: T) => Child]>;
}) {
  return (
    <ConsoleLayout console={props.console} title={props.title}>
      <StatusTabs base={props.base} current={props.status} tabs={props.tabs} />
      {props.items.length === 0 ? (
        <p class="notice">{props.empty}</p>
      ) : (
        <table class="data-table">
          <thead>
            <tr>
              {props.columns.map(([header]) => (
                <th scope="col">{header}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.items.map((item) => (
              <tr>
                {props.columns.map(([, cell], index) => (
                  <td>{index === 0 ? <a href={`${props.base}/${item.id}`}>{cell(item)}</a> : cell(item)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </ConsoleLayout>
  );
}

/** Contributions of one status. */
export function SubmissionListPage(props: { console: ConsoleChrome; status: string; items: SubmissionForReview[]; channelName: ChannelName }) {
  return (
    <QueueListPage
      console={props.console}
      title="投稿审核"
      base="/admin/submissions"
      status={props.status}
      tabs={[['pending', '待审核'], ['published', '已发布'], ['rejected', '未采用']]}
      empty="没有稿件。"
      items={props.items}
      columns={[['标题', (item) => item.title], ['频道', (item) => props.channelName(item.channel).name], ['投稿时间', (item) => date(item.createdAt)]]}
    />
  );
}

/** One contribution with its text (shown as text) and the decisions. */
export function SubmissionDetailPage(props: { console: ConsoleChrome; item: SubmissionForReview; channelName: ChannelName; problem?: string }) {
  const { item, console: chrome } = props;
  return (
    <ConsoleLayout console={chrome} title={`投稿:${item.title}`}>
      <table class="data-table">
        <tbody>
          <tr><th scope="row">查询码</th><td>{item.trackingCode}</td></tr>
          <tr><th scope="row">频道</th><td>{props.channelName(item.channel).name}</td></tr>
          <tr><th scope="row">投稿人</th><td>{item.authorName ?? '(已删除)'}</td></tr>
          <tr><th scope="row">联系方式</th><td>{item.authorContact ?? '(已删除)'}</td></tr>
          <tr><th scope="row">投稿时间</th><td>{date(item.createdAt)}</td></tr>
          <tr><th scope="row">状态</th><td class="item-status">{{ pending: '待审核', published: '已发布', rejected: '未采用' }[item.status]}</td></tr>
        </tbody>
      </table>
      <h2>正文</h2>
      <div class="submission-body">{item.body.split(/\n+/u).map((paragraph) => <p>{paragraph}</p>)}</div>
      {props.problem && <p class="form-errors" role="alert">{props.problem}</p>}
      {item.status === 'pending' && (
        <>
          <ActionForm action={`/admin/submissions/${item.id}/publish`} token={chrome.token} label="采用并发布" />
          <ActionForm action={`/admin/submissions/${item.id}/reject`} token={chrome.token} label="不予采用">
            <label for="reason">未采用原因(投稿人可见)</label>
            <textarea id="reason" name="reason" rows={3} maxlength={500} required />
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

/** Applications of one status. */
export function ApplicationListPage(props: { console: ConsoleChrome; status: string; items: ApplicationForReview[]; channelName: ChannelName }) {
  return (
    <QueueListPage
      console={props.console}
      title="入驻申请"
      base="/admin/applications"
      status={props.status}
      tabs={[['pending', '待审核'], ['approved', '已通过'], ['rejected', '未通过']]}
      empty="没有申请。"
      items={props.items}
      columns={[['企业', (item) => item.companyName], ['注册地', (item) => (item.registration.kind === 'china' ? '境内' : `境外:${countryName(item.registration.country)}`)], ['行业', (item) => industryName(item.industry)], ['区域', (item) => props.channelName(item.channel).name], ['申请时间', (item) => date(item.createdAt)]]}
    />
  );
}

/** One application and the decisions. */
export function ApplicationDetailPage(props: { console: ConsoleChrome; item: ApplicationForReview; channelName: ChannelName; problem?: string }) {
  const { item, console: chrome } = props;
  return (
    <ConsoleLayout console={chrome} title={`入驻申请:${item.companyName}`}>
      <table class="data-table">
        <tbody>
          <tr><th scope="row">查询码</th><td>{item.trackingCode}</td></tr>
          {item.registration.kind === 'china' ? (
            <>
              <tr><th scope="row">注册地</th><td class="registration-kind">中国境内</td></tr>
              <tr><th scope="row">统一社会信用代码</th><td>{item.registration.creditCode}</td></tr>
            </>
          ) : (
            <>
              <tr><th scope="row">注册地</th><td class="registration-kind">境外(尚未在中国境内注册)</td></tr>
              <tr><th scope="row">注册国家或地区</th><td>{countryName(item.registration.country)}</td></tr>
              <tr><th scope="row">境外注册号</th><td>{item.registration.number}</td></tr>
            </>
          )}
          <tr><th scope="row">行业</th><td>{industryName(item.industry)}</td></tr>
          <tr><th scope="row">意向区域</th><td>{props.channelName(item.channel).name}</td></tr>
          <tr><th scope="row">计划投资(万元)</th><td>{item.plannedInvestment.toLocaleString('zh-CN')}</td></tr>
          <tr><th scope="row">联系人</th><td>{item.contactPerson ?? '(已删除)'}</td></tr>
          <tr><th scope="row">联系电话</th><td>{item.contactMobile ?? '(已删除)'}</td></tr>
          <tr><th scope="row">项目简介</th><td>{item.description}</td></tr>
          <tr><th scope="row">状态</th><td class="item-status">{{ pending: '待审核', approved: '已通过', rejected: '未通过' }[item.status]}</td></tr>
        </tbody>
      </table>
      {props.problem && <p class="form-errors" role="alert">{props.problem}</p>}
      {item.status === 'pending' && (
        <>
          <ActionForm action={`/admin/applications/${item.id}/approve`} token={chrome.token} label="通过,列入企业名录" />
          <ActionForm action={`/admin/applications/${item.id}/reject`} token={chrome.token} label="不予通过">
            <label for="reason">原因</label>
            <textarea id="reason" name="reason" rows={3} maxlength={500} required />
          </ActionForm>
        </>
      )}
    </ConsoleLayout>
  );
}

/** Messages of one status. */
export function MessageListPage(props: { console: ConsoleChrome; status: string; items: MessageForReview[]; channelName: ChannelName }) {
  return (
    <QueueListPage
      console={props.console}
      title="留言处理"
      base="/admin/messages"
      status={props.status}
      tabs={[['open', '待处理'], ['handled', '已处理']]}
      empty="没有留言。"
      items={props.items}
      columns={[['主题', (item) => item.subject], ['留言对象', (item) => props.channelName(item.channel).name], ['留言时间', (item) => date(item.createdAt)]]}
    />
  );
}

/** One message and its handling. */
export function MessageDetailPage(props: { console: ConsoleChrome; item: MessageForReview; channelName: ChannelName; problem?: string }) {
  const { item, console: chrome } = props;
  return (
    <ConsoleLayout console={chrome} title={`留言:${item.subject}`}>
      <table class="data-table">
        <tbody>
          <tr><th scope="row">查询码</th><td>{item.trackingCode}</td></tr>
          <tr><th scope="row">留言对象</th><td>{props.channelName(item.channel).name}</td></tr>
          <tr><th scope="row">留言人</th><td>{item.senderName ?? '(已删除)'}</td></tr>
          <tr><th scope="row">联系方式</th><td>{item.senderContact ?? '(已删除)'}</td></tr>
          <tr><th scope="row">内容</th><td>{item.body}</td></tr>
          <tr><th scope="row">状态</th><td class="item-status">{item.status === 'open' ? '待处理' : '已处理'}</td></tr>
          {item.replyNote && <tr><th scope="row">答复记录</th><td>{item.replyNote}</td></tr>}
        </tbody>
      </table>
      {props.problem && <p class="form-errors" role="alert">{props.problem}</p>}
      {item.status === 'open' && (
        <ActionForm action={`/admin/messages/${item.id}/handle`} token={chrome.token} label="标记为已处理">
          <label for="note">答复记录</label>
          <textarea id="note" name="note" rows={3} maxlength={2000} required />
        </ActionForm>
      )}
    </ConsoleLayout>
  );
}
