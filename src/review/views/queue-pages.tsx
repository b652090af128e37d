// The frame every review queue shares: status tabs, then one row per item linking to it.
import type { Child } from 'hono/jsx';
import { ConsoleLayout, type ConsoleChrome } from '../../http/console-layout.tsx';
import type { NavChannel } from '../../http/layout.tsx';
import { TableScroll } from '../../http/table-scroll.tsx';

/** A channel's label by slug, as the queues name the office an item belongs to. */
export type ChannelName = (slug: string) => NavChannel;

function StatusTabs(props: { base: string; current: string; tabs: ReadonlyArray<[string, string]> }) {
  return (
    <p class="status-tabs">
      {props.tabs.map(([value, label]) => (value === props.current ? <strong>{label}</strong> : <a href={`${props.base}?status=${value}`}>{label}</a>))}
    </p>
  );
}

/** A work queue: status tabs, then one row per item linking to it. */
export function QueueListPage<T extends { id: number }>(props: {
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
        <TableScroll label="待处理列表">
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
        </TableScroll>
      )}
    </ConsoleLayout>
  );
}
