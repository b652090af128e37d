// The console's reminders: one's own list with 标为已读, and where they are emailed.
import { ActionForm, ConsoleLayout, FormProblem, type ConsoleChrome } from '../../http/console-layout.tsx';
import { PostForm, TextField, type FieldState } from '../../http/form-controls.tsx';
import { labelledChinaDateTime } from '../../lib/china-time.ts';
import { EMAIL_MAX, NOTIFICATION_KIND_NAMES, type ConsoleNotification } from '../notification.ts';

const EMAIL_STATE_NAMES: Record<ConsoleNotification['email'], string> = {
  sent: '邮件已发送',
  failed: '邮件发送失败',
  pending: '邮件待发送',
  none: '',
};

/** One's reminders, newest first, and the address form. */
export function NotificationListPage(props: { console: ConsoleChrome; items: ConsoleNotification[]; email: FieldState; mailConfigured: boolean }) {
  const { items, console: chrome } = props;
  const unread = items.filter((item) => item.readAt === null).length;
  return (
    <ConsoleLayout console={chrome} title="待办提醒">
      <p class="page-lead">
        未读 <strong data-count="unread-notifications">{unread}</strong> 条。提醒只发给您本人:新交办的事项、即将到期和已逾期的事项。
      </p>
      {items.length === 0 ? (
        <p>还没有提醒。</p>
      ) : (
        <ul class="dashboard-list notification-list">
          {items.map((item) => (
            <li data-notification={item.id} class={item.readAt === null ? 'unread' : 'read'}>
              <NotificationLine item={item} />
              {item.readAt === null ? (
                <ActionForm action={`/admin/notifications/${item.id}/read`} token={chrome.token} label="标为已读" />
              ) : (
                <span class="meta">已读</span>
              )}
            </li>
          ))}
        </ul>
      )}
      <h2>邮件提醒</h2>
      <p>
        {props.mailConfigured
          ? '填写邮箱后,新的提醒也会发到这个邮箱;留空则只在管理后台提醒。'
          : '本站尚未配置邮件服务器,提醒只显示在管理后台。您仍可先填写邮箱。'}
      </p>
      <FormProblem problem={props.email.problem} />
      <PostForm action="/admin/notifications/email" token={chrome.token} errors={props.email.errors} submitLabel="保存邮箱">
        <TextField state={props.email} name="email" label="提醒邮箱" type="email" inputMode="email" maxLength={EMAIL_MAX} />
      </PostForm>
    </ConsoleLayout>
  );
}

/** One reminder: its kind, what it says (a link to the item) and when. */
export function NotificationLine(props: { item: ConsoleNotification }) {
  const { item } = props;
  return (
    <>
      <span class={`light notification-${item.kind}`}>{NOTIFICATION_KIND_NAMES[item.kind]}</span> <a href={item.href}>{item.subject}</a>
      <span class="meta">
        <time datetime={item.createdAt}>{labelledChinaDateTime(item.createdAt)}</time>
        {EMAIL_STATE_NAMES[item.email] && ` · ${EMAIL_STATE_NAMES[item.email]}`}
      </span>
    </>
  );
}
