// The console's request desk: the queue with its filters, a handler's own list, and one request
// with its history and the actions its status allows.
import { ActionForm, ConsoleLayout, type ConsoleChrome } from '../../http/console-layout.tsx';
import { FilterSelect, SelectField, TextArea, TextField, type FieldState } from '../../http/form-controls.tsx';
import { TableScroll } from '../../http/table-scroll.tsx';
import { chinaDateTime, chinaTimeHeading } from '../../lib/china-time.ts';
import type { ChannelName } from '../../review/views/queue-pages.tsx';
import {
  APPEAL_CATEGORIES,
  APPEAL_RATING_NAMES,
  APPEAL_STATUS_NAMES,
  REASON_MAX,
  EXTENSION_MAX_DAYS,
  NOTE_MAX,
  RESOLUTION_MAX,
  type AppealEventKind,
  type AppealStatus,
} from '../appeal.ts';
import type { AppealForDesk, Handler } from '../appeal.service.ts';
import { companyIdentityLines } from '../../enterprises/company-identity.ts';

type Options = ReadonlyArray<{ value: string; label: string }>;

const STATUS_OPTIONS = (Object.entries(APPEAL_STATUS_NAMES) as Array<[AppealStatus, string]>).map(([value, label]) => ({ value, label }));
const CATEGORY_OPTIONS = APPEAL_CATEGORIES.map((category) => ({ value: category, label: category }));

/** The deadline as the console shows it. */
function due(item: AppealForDesk): string {
  if (item.dueOn === null) return '';
  return item.dueProvisional ? `${item.dueOn}(暂按周一至周五计算)` : item.dueOn;
}

function AppealTable(props: { items: AppealForDesk[]; channelName: ChannelName; names: ReadonlyMap<number, string>; empty: string }) {
  if (props.items.length === 0) return <p class="notice">{props.empty}</p>;
  return (
    <TableScroll label="诉求列表">
      <table class="data-table">
        <thead>
          <tr>
            <th scope="col">标题</th>
            <th scope="col">状态</th>
            <th scope="col">类别</th>
            <th scope="col">办理单位</th>
            <th scope="col">承办人</th>
            <th scope="col">办理期限</th>
            <th scope="col">{chinaTimeHeading('提交时间')}</th>
          </tr>
        </thead>
        <tbody>
          {props.items.map((item) => (
            <tr>
              <td>
                <a href={`/admin/appeals/${item.id}`}>{item.title}</a>
              </td>
              <td>{APPEAL_STATUS_NAMES[item.status]}</td>
              <td>{item.category}</td>
              <td>{props.channelName(item.channel).name}</td>
              <td>{item.handlerId === null ? '' : (props.names.get(item.handlerId) ?? '')}</td>
              <td>{due(item)}</td>
              <td>{chinaDateTime(item.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** The desk's queue: 待分办 and 不满意复核 first, then oldest first, filtered by status and category. */
export function AppealQueuePage(props: {
  console: ConsoleChrome;
  filter: { status: string; category: string };
  items: AppealForDesk[];
  channelName: ChannelName;
  names: ReadonlyMap<number, string>;
}) {
  return (
    <ConsoleLayout console={props.console} title="企业诉求">
      <p>
        <a href="/admin/appeals/mine">我承办的诉求</a>
      </p>
      <form class="search-filters" method="get" action="/admin/appeals">
        <FilterSelect label="状态" name="status" allLabel="全部状态" options={STATUS_OPTIONS} value={props.filter.status} />
        <FilterSelect label="类别" name="category" allLabel="全部类别" options={CATEGORY_OPTIONS} value={props.filter.category} />
        <button type="submit">筛选</button>
      </form>
      <AppealTable items={props.items} channelName={props.channelName} names={props.names} empty="没有符合条件的诉求。" />
    </ConsoleLayout>
  );
}

/** The requests the signed-in handler is working on, the nearest deadline first. */
export function MyAppealsPage(props: { console: ConsoleChrome; items: AppealForDesk[]; channelName: ChannelName; names: ReadonlyMap<number, string> }) {
  return (
    <ConsoleLayout console={props.console} title="我承办的诉求">
      <p>
        <a href="/admin/appeals">返回诉求列表</a>
      </p>
      <AppealTable items={props.items} channelName={props.channelName} names={props.names} empty="您没有正在办理的诉求。" />
    </ConsoleLayout>
  );
}

/** The forms of one request, each as posted with its problem when it failed. */
export interface AppealForms {
  assign?: FieldState;
  review?: FieldState;
  transfer?: FieldState;
  note?: FieldState;
  extension?: FieldState;
  resolve?: FieldState;
}

const blank: FieldState = { values: {}, errors: {} };

const EVENT_NAMES: Record<AppealEventKind, string> = {
  assigned: '分办',
  transferred: '转办',
  note: '办理进展',
  extension_requested: '申请延期',
  extension_approved: '批准延期',
  deadline_recounted: '按节假日安排重算期限',
  extension_rejected: '驳回延期',
  resolved: '办结',
  rated: '企业评价',
  reopened: '不满意,转复核',
};

/** One request, its history and the actions its status allows the user. */
export function AppealDetailPage(props: {
  console: ConsoleChrome;
  item: AppealForDesk;
  channelName: ChannelName;
  offices: Options;
  handlers: Handler[];
  names: ReadonlyMap<number, string>;
  /** The user handles it: the one who may ask for an extension. */
  isHandler: boolean;
  /** The user may decide extension requests (admins). */
  mayDecideExtensions: boolean;
  forms?: AppealForms | undefined;
}) {
  const { item, console: chrome } = props;
  const forms = props.forms ?? {};
  const name = (id: number | null) => (id === null ? '企业' : (props.names.get(id) ?? `#${id}`));
  const handlerOptions = props.handlers.map((handler) => ({ value: String(handler.id), label: handler.name }));
  const base = `/admin/appeals/${item.id}`;
  const rows: Array<[string, string | null]> = [
    ['查询码', item.trackingCode],
    ['企业名称', item.enterpriseName],
    ...companyIdentityLines(item.company),
    ['联系人', item.contactName ?? '(已删除)'],
    ['联系电话', item.contactPhone ?? '(已删除)'],
    ['办理单位', props.channelName(item.channel).name],
    ['类别', item.category],
    ['诉求内容', item.body],
    ['状态', APPEAL_STATUS_NAMES[item.status]],
    [chinaTimeHeading('提交时间'), chinaDateTime(item.createdAt)],
    ['承办人', item.handlerId === null ? null : name(item.handlerId)],
    [chinaTimeHeading('分办时间'), item.assignedAt && chinaDateTime(item.assignedAt)],
    ['办理期限', item.dueOn && due(item)],
    ['办理结果', item.resolution],
    ['按期办结', item.resolvedOnTime === null ? null : item.resolvedOnTime ? '是' : '否(超期)'],
    ['企业评价', item.rating && APPEAL_RATING_NAMES[item.rating] + (item.ratingComment ? `:${item.ratingComment}` : '')],
  ];
  const pending = item.status === 'assigned' ? item.extensions.find((extension) => extension.status === 'pending') : undefined;
  return (
    <ConsoleLayout console={chrome} title={`企业诉求:${item.title}`}>
      <TableScroll label="诉求详情">
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
          </tbody>
        </table>
      </TableScroll>
      <h2>办理记录</h2>
      {item.events.length === 0 ? (
        <p class="notice">暂无办理记录。</p>
      ) : (
        <TableScroll label="办理记录">
          <table class="data-table">
            <thead>
              <tr>
                <th scope="col">{chinaTimeHeading('时间')}</th>
                <th scope="col">事项</th>
                <th scope="col">操作人</th>
                <th scope="col">内容</th>
              </tr>
            </thead>
            <tbody>
              {item.events.map((event) => (
                <tr>
                  <td>{chinaDateTime(event.at)}</td>
                  <td>{EVENT_NAMES[event.kind]}</td>
                  <td>{name(event.actorId)}</td>
                  <td>{event.kind === 'transferred' && event.text !== null ? `转至${props.channelName(event.text).name}` : event.text}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {(item.status === 'received' || item.status === 'reopened') && (
        <ActionForm
          action={`${base}/${item.status === 'received' ? 'assign' : 'review'}`}
          token={chrome.token}
          label={item.status === 'received' ? '分办' : '复核并重新分办'}
        >
          <SelectField
            state={(item.status === 'received' ? forms.assign : forms.review) ?? blank}
            name="handler"
            label="承办人"
            options={handlerOptions}
            required
            placeholder="请选择承办人"
          />
        </ActionForm>
      )}
      {item.status === 'assigned' && (
        <>
          <ActionForm action={`${base}/note`} token={chrome.token} label="记录进展">
            <TextArea state={forms.note ?? blank} name="note" label="办理进展(企业可在进度查询中看到)" maxLength={NOTE_MAX} rows={3} required />
          </ActionForm>
          <ActionForm action={`${base}/resolve`} token={chrome.token} label="办结">
            <TextArea state={forms.resolve ?? blank} name="resolution" label="办理结果" maxLength={RESOLUTION_MAX} rows={6} required />
          </ActionForm>
          {props.isHandler && !pending && (
            <ActionForm action={`${base}/extension`} token={chrome.token} label="申请延期">
              <TextField
                state={forms.extension ?? blank}
                name="workingDays"
                label="延期工作日"
                maxLength={2}
                required
                inputMode="numeric"
                hint={`1 至 ${EXTENSION_MAX_DAYS} 个工作日。`}
              />
              <TextArea state={forms.extension ?? blank} name="reason" label="延期原因" maxLength={REASON_MAX} rows={3} required />
            </ActionForm>
          )}
        </>
      )}
      {pending && (
        <section aria-labelledby="extension-heading">
          <h2 id="extension-heading">待审批的延期申请</h2>
          <p>
            {name(pending.requestedBy)} 于 {chinaDateTime(pending.requestedAt)} 申请延期 {pending.workingDays} 个工作日:{pending.reason}
          </p>
          {props.mayDecideExtensions && (
            <>
              <ActionForm action={`${base}/extensions/${pending.id}/approve`} token={chrome.token} label="批准延期" />
              <ActionForm action={`${base}/extensions/${pending.id}/reject`} token={chrome.token} label="驳回延期" />
            </>
          )}
        </section>
      )}
      {(item.status === 'received' || item.status === 'assigned' || item.status === 'reopened') && (
        <ActionForm action={`${base}/transfer`} token={chrome.token} label="转办">
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
