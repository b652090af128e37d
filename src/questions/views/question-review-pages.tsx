// The console's handling of questions: the queue and one question with the actions its status allows.
import { ActionForm, ConsoleLayout, type ConsoleChrome } from '../../http/console-layout.tsx';
import { SelectField, TextArea, type FieldState } from '../../http/form-controls.tsx';
import { TableScroll } from '../../http/table-scroll.tsx';
import { chinaDateTime, chinaTimeHeading } from '../../lib/china-time.ts';
import { QueueListPage, type ChannelName } from '../../review/views/queue-pages.tsx';
import { ANSWER_MAX, REASON_MAX, STATUS_NAMES } from '../question.ts';
import type { QuestionForReview } from '../question.service.ts';

/** The queue's tabs, one per status. */
export const QUESTION_TABS: ReadonlyArray<[QuestionForReview['status'], string]> = Object.entries(STATUS_NAMES) as Array<[QuestionForReview['status'], string]>;

/** Questions of one status in the user's offices. */
export function QuestionListPage(props: { console: ConsoleChrome; status: string; items: QuestionForReview[]; channelName: ChannelName }) {
  return (
    <QueueListPage
      console={props.console}
      title="问答办理"
      base="/admin/questions"
      status={props.status}
      tabs={QUESTION_TABS}
      empty="没有问题。"
      items={props.items}
      columns={[
        ['标题', (item) => item.title],
        ['类别', (item) => item.category],
        ['办理单位', (item) => props.channelName(item.channel).name],
        [chinaTimeHeading('提问时间'), (item) => chinaDateTime(item.createdAt)],
      ]}
    />
  );
}

/** The forms of one question, each as posted with its problem when it failed. */
export interface QuestionForms {
  decline?: FieldState;
  transfer?: FieldState;
  answer?: FieldState;
}

const blank: FieldState = { values: {}, errors: {} };

/** One question, its history and the actions its status allows. */
export function QuestionDetailPage(props: {
  console: ConsoleChrome;
  item: QuestionForReview;
  channelName: ChannelName;
  offices: ReadonlyArray<{ value: string; label: string }>;
  forms?: QuestionForms;
}) {
  const { item, console: chrome } = props;
  const forms = props.forms ?? {};
  const rows: Array<[string, string | null]> = [
    ['查询码', item.trackingCode],
    ['办理单位', props.channelName(item.channel).name],
    ['类别', item.category],
    ['提问人', item.askerName ?? '(已删除)'],
    ['联系方式', item.askerContact ?? '(已删除)'],
    ['同意公开', item.publishConsent ? '同意' : '不同意'],
    ['问题', item.body],
    ['状态', STATUS_NAMES[item.status]],
    [chinaTimeHeading('提问时间'), chinaDateTime(item.createdAt)],
    [chinaTimeHeading('受理时间'), item.acceptedAt && chinaDateTime(item.acceptedAt)],
    ['不予受理原因', item.declineReason],
    [chinaTimeHeading('答复时间'), item.answeredAt && chinaDateTime(item.answeredAt)],
    ['答复', item.answer],
  ];
  return (
    <ConsoleLayout console={chrome} title={`问题:${item.title}`}>
      <TableScroll label="问题详情">
        <table class="data-table">
          <tbody>
            {rows
              .filter(([, value]) => value !== null)
              .map(([label, value]) => (
                <tr>
                  <th scope="row">{label}</th>
                  <td>{value}</td>
                </tr>
              ))}
            {item.transfers.map((transfer) => (
              <tr>
                <th scope="row">转办</th>
                <td>
                  {chinaDateTime(transfer.at)} 由{props.channelName(transfer.from).name}转至{props.channelName(transfer.to).name}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {item.status === 'received' && (
        <>
          <ActionForm action={`/admin/questions/${item.id}/accept`} token={chrome.token} label="受理" />
          <ActionForm action={`/admin/questions/${item.id}/decline`} token={chrome.token} label="不予受理">
            <TextArea state={forms.decline ?? blank} name="reason" label="不予受理原因" maxLength={REASON_MAX} rows={3} required />
          </ActionForm>
        </>
      )}
      {item.status === 'accepted' && (
        <ActionForm action={`/admin/questions/${item.id}/answer`} token={chrome.token} label="答复">
          <TextArea state={forms.answer ?? blank} name="answer" label="答复内容" maxLength={ANSWER_MAX} rows={8} required />
        </ActionForm>
      )}
      {(item.status === 'received' || item.status === 'accepted') && (
        <ActionForm action={`/admin/questions/${item.id}/transfer`} token={chrome.token} label="转办">
          <SelectField
            state={forms.transfer ?? blank}
            name="to"
            label="转至"
            options={props.offices.filter((office) => office.value !== item.channel)}
            required
          />
        </ActionForm>
      )}
    </ConsoleLayout>
  );
}
