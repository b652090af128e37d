// Admins only: the audit log.
import type { AuditEntry } from '../audit.service.ts';
import { ConsoleLayout, type ConsoleChrome } from '../../http/console-layout.tsx';
import { Pagination } from '../../http/pagination.tsx';
import { TableScroll } from '../../http/table-scroll.tsx';
import { chinaTimeHeading, chinaTimestamp } from '../../lib/china-time.ts';

/** The audit log, newest first, with filters. */
export function AuditPage(props: { console: ConsoleChrome; filter: { user: string; action: string; type: string }; entries: AuditEntry[]; page: number; pageCount: number; total: number }) {
  const { filter } = props;
  const href = (page: number) => {
    const params = new URLSearchParams(Object.entries(filter).filter(([, value]) => value !== ''));
    if (page > 1) params.set('page', String(page));
    return `/admin/audit?${params}`;
  };
  return (
    <ConsoleLayout console={props.console} title="审计日志">
      <form class="search-filters" method="get" action="/admin/audit">
        <label>
          用户
          <input type="text" name="user" value={filter.user} maxlength={32} />
        </label>
        <label>
          操作
          <input type="text" name="action" value={filter.action} maxlength={40} placeholder="如 submission.publish" />
        </label>
        <label>
          对象类型
          <input type="text" name="type" value={filter.type} maxlength={20} placeholder="如 submission" />
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
            <th scope="col">变更前</th>
            <th scope="col">变更后</th>
            <th scope="col">来源</th>
          </tr>
        </thead>
        <tbody>
          {props.entries.map((entry) => (
            <tr>
              <td>{chinaTimestamp(entry.at)}</td>
              <td>{entry.userName}</td>
              <td>{entry.action}</td>
              <td>
                {entry.targetType}
                {entry.targetId && ` #${entry.targetId}`}
              </td>
              <td>
                <code>{entry.before}</code>
              </td>
              <td>
                <code>{entry.after}</code>
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
