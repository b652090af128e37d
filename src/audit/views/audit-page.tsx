// Admins only: the audit log in Chinese: action names, the item, and what changed, field by field.
import type { AuditEntry } from '../audit.service.ts';
import { AUDIT_ACTION_NAMES, auditActionName, auditTargetName, readableChanges } from '../audit-catalogue.ts';
import { ConsoleLayout, type ConsoleChrome } from '../../http/console-layout.tsx';
import { Pagination } from '../../http/pagination.tsx';
import { TableScroll } from '../../http/table-scroll.tsx';
import { chinaTimeHeading, chinaTimestamp } from '../../lib/china-time.ts';

/** The filters as the page's query string carries them. */
export interface AuditPageFilter {
  user: string;
  action: string;
  channel: string;
  from: string;
  to: string;
}

type Option = { value: string; label: string };

function FilterSelect(props: { name: string; label: string; value: string; all: string; options: readonly Option[] }) {
  return (
    <label>
      {props.label}
      <select name={props.name}>
        <option value="">{props.all}</option>
        {props.options.map((option) => (
          <option value={option.value} selected={option.value === props.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}

const ACTION_OPTIONS: Option[] = Object.entries(AUDIT_ACTION_NAMES).map(([value, label]) => ({ value, label }));

/** The audit log, newest first, with filters by action, user, channel and Beijing dates. */
export function AuditPage(props: {
  console: ConsoleChrome;
  filter: AuditPageFilter;
  userNames: readonly string[];
  channels: readonly Option[];
  entries: AuditEntry[];
  page: number;
  pageCount: number;
  total: number;
}) {
  const { filter } = props;
  const channelName = (slug: string) => props.channels.find((channel) => channel.value === slug)?.label ?? slug;
  const href = (page: number) => {
    const params = new URLSearchParams(Object.entries(filter).filter(([, value]) => value !== ''));
    if (page > 1) params.set('page', String(page));
    return `/admin/audit?${params}`;
  };
  return (
    <ConsoleLayout console={props.console} title="审计日志">
      <form class="search-filters" method="get" action="/admin/audit">
        <FilterSelect name="action" label="操作" value={filter.action} all="全部操作" options={ACTION_OPTIONS} />
        <FilterSelect name="user" label="用户" value={filter.user} all="全部用户" options={props.userNames.map((name) => ({ value: name, label: name }))} />
        <FilterSelect name="channel" label="频道" value={filter.channel} all="全部频道" options={props.channels} />
        <label>
          {chinaTimeHeading('起始日期')}
          <input type="date" name="from" value={filter.from} />
        </label>
        <label>
          {chinaTimeHeading('截止日期')}
          <input type="date" name="to" value={filter.to} />
        </label>
        <button type="submit">筛选</button>
      </form>
      <p class="search-summary">共 {props.total} 条</p>
      <TableScroll label="审计日志">
        <table class="data-table audit-log">
          <thead>
            <tr>
              <th scope="col">{chinaTimeHeading('时间')}</th>
              <th scope="col">用户</th>
              <th scope="col">操作</th>
              <th scope="col">对象</th>
              <th scope="col">频道</th>
              <th scope="col">变更</th>
              <th scope="col">来源</th>
            </tr>
          </thead>
          <tbody>
            {props.entries.map((entry) => (
              <tr>
                <td>{chinaTimestamp(entry.at)}</td>
                <td>{entry.userName}</td>
                <td>
                  {auditActionName(entry.action)}
                  {auditActionName(entry.action) !== entry.action && <span class="audit-code">{entry.action}</span>}
                </td>
                <td>
                  {auditTargetName(entry.targetType)}
                  {entry.targetId && ` #${entry.targetId}`}
                </td>
                <td>{entry.channel ? channelName(entry.channel) : '—'}</td>
                <td>
                  <ul class="audit-changes">
                    {readableChanges(entry.before, entry.after, channelName).map((line) => (
                      <li class={line.kind === 'before' ? 'audit-before' : undefined}>
                        {line.kind === 'before' && '原:'}
                        {line.text}
                      </li>
                    ))}
                  </ul>
                </td>
                <td>{entry.client}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <Pagination page={props.page} pageCount={props.pageCount} href={href} />
    </ConsoleLayout>
  );
}
