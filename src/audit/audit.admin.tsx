// Console route for the audit log (admins). Mounted under /admin/audit by the console's route table.
import { Hono } from 'hono';
import type { RouteContext } from '../http/app-deps.ts';
import type { ConsoleKit } from '../http/console.ts';
import { requireRole, type ConsoleEnv } from '../http/console-session.ts';
import { parsePageNumber } from '../http/request-params.ts';
import { AUDIT_PAGE_SIZE, auditEntries, auditUserNames } from './audit.service.ts';
import { AuditPage, type AuditPageFilter } from './views/audit-page.tsx';

/** Routes: `/`, filtered by action, user, channel and Beijing dates (`from`, `to`), paged. */
export function auditAdminRoutes(ctx: RouteContext, kit: ConsoleKit): Hono<ConsoleEnv> {
  return new Hono<ConsoleEnv>().use('*', requireRole('admin')).get('/', async (c) => {
    const query = (name: string) => c.req.query(name) ?? '';
    const filter: AuditPageFilter = { action: query('action'), user: query('user'), channel: query('channel'), from: query('from'), to: query('to') };
    const page = parsePageNumber(c.req.query('page'));
    const [{ entries, total }, userNames] = await Promise.all([
      auditEntries(ctx.db, { userName: filter.user, action: filter.action, channel: filter.channel, fromDate: filter.from, toDate: filter.to, page }),
      auditUserNames(ctx.db),
    ]);
    const channels = ctx.channels.all.map((channel) => ({ value: channel.slug, label: channel.name }));
    return kit.page(
      c,
      <AuditPage
        console={await kit.chrome(c)}
        filter={filter}
        userNames={userNames}
        channels={channels}
        entries={entries}
        page={page}
        pageCount={Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE))}
        total={total}
      />,
    );
  });
}
