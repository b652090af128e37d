// The console's handling of contact messages: the queue and one message with its handling.
import type { MessageForReview } from '../message.service.ts';
import { ActionForm, ConsoleLayout, type ConsoleChrome } from '../../http/console-layout.tsx';
import { chinaDateTime, chinaTimeHeading } from '../../lib/china-time.ts';
import { QueueListPage, type ChannelName } from '../../review/views/queue-pages.tsx';
import { TableScroll } from '../../http/table-scroll.tsx';
import { TextArea, type FieldState } from '../../http/form-controls.tsx';

/** Messages of one status. */
export function MessageListPage(props: { console: ConsoleChrome; status: string; items: MessageForReview[]; channelName: ChannelName }) {
  return (
    <QueueListPage
      console={props.console}
      title="留言处理"
      base="/admin/messages"
      status={props.status}
      tabs={[
        ['open', '待处理'],
        ['handled', '已处理'],
      ]}
      empty="没有留言。"
      items={props.items}
      columns={[
        ['主题', (item) => item.subject],
        ['留言对象', (item) => props.channelName(item.channel).name],
        [chinaTimeHeading('留言时间'), (item) => chinaDateTime(item.createdAt)],
      ]}
    />
  );
}

/** One message and its handling; `handle` is the handling form as posted, with its problem. */
export function MessageDetailPage(props: { console: ConsoleChrome; item: MessageForReview; channelName: ChannelName; handle?: FieldState }) {
  const { item, console: chrome } = props;
  return (
    <ConsoleLayout console={chrome} title={`留言:${item.subject}`}>
      <TableScroll label="留言详情">
        <table class="data-table">
          <tbody>
            <tr>
              <th scope="row">查询码</th>
              <td>{item.trackingCode}</td>
            </tr>
            <tr>
              <th scope="row">留言对象</th>
              <td>{props.channelName(item.channel).name}</td>
            </tr>
            <tr>
              <th scope="row">留言人</th>
              <td>{item.senderName ?? '(已删除)'}</td>
            </tr>
            <tr>
              <th scope="row">联系方式</th>
              <td>{item.senderContact ?? '(已删除)'}</td>
            </tr>
            {item.aboutPath && (
              <tr>
                <th scope="row">咨询的页面</th>
                <td>
                  <a href={item.aboutPath}>{item.aboutPath}</a>
                </td>
              </tr>
            )}
            <tr>
              <th scope="row">内容</th>
              <td>{item.body}</td>
            </tr>
            <tr>
              <th scope="row">状态</th>
              <td class="item-status">{item.status === 'open' ? '待处理' : '已处理'}</td>
            </tr>
            {item.replyNote && (
              <tr>
                <th scope="row">答复记录</th>
                <td>{item.replyNote}</td>
              </tr>
            )}
          </tbody>
        </table>
      </TableScroll>
      {item.status === 'open' && (
        <ActionForm action={`/admin/messages/${item.id}/handle`} token={chrome.token} label="标记为已处理">
          <TextArea state={props.handle ?? { values: {}, errors: {} }} name="note" label="答复记录" maxLength={2000} rows={3} required />
        </ActionForm>
      )}
    </ConsoleLayout>
  );
}
