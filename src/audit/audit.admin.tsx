// Console route for the audit log (admins). Mounted under /admin/audit by the console's route table.
import { Hono } from 'hono';
import type { RouteContext } from '../http/app-deps.ts';
import type { ConsoleKit } from '../http/console.ts';
import { requireRole, type ConsoleEnv } from '../http/console-session.ts';
import { parsePageNumber } from '../http/request-params.ts';
import { AUDIT_PAGE_SIZE, auditEntries } from './audit.service.ts';
import { AuditPage } from './views/audit-page.tsx';

/** Routes: `/`, filtered by user, action and target type, paged. */
export function auditAdminRoutes(ctx: RouteContext, kit: ConsoleKit): Hono<ConsoleEnv> {
  return new Hono<ConsoleEnv>().use('*', requireRole('admin')).get('/', async (c) => {
    const filter = { user: c.req.query('user') ?? '', action: c.req.query('action') ?? '', type: c.req.query('type') ?? '' };
    const page = parsePageNumber(c.req.query('page'));
    const { entries, total } = await auditEntries(ctx.db, { userName: filter.user, action: filter.action, targetType: filter.type, page });
    return kit.page(c, <AuditPage console={await kit.chrome(c)} filter={filter} entries={entries} page={page} pageCount={Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE))} total={total} />);
  });
}
