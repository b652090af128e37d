// Errors inside the console (/admin) are shown in the console's own frame, with its navigation for
// a signed-in user, so a refused or missing page never drops an editor onto the public site.
import type { Context } from 'hono';
import { ConsoleLayout } from './console-layout.tsx';
import type { ConsoleEnv } from './console-session.ts';
import { csrfToken } from './csrf.ts';
import type { SectionErrorPage } from './errors.tsx';
import type { PageChrome } from './layout.tsx';

/** True for the console's paths. */
export const isConsolePath = (path: string) => path === '/admin' || path.startsWith('/admin/');

/** The console's error page for paths under /admin; other paths are left to the public one. */
export function consoleErrorPage(chrome: PageChrome): SectionErrorPage {
  return (c, shown) => {
    if (!isConsolePath(c.req.path)) return undefined;
    // Set once the session was checked; errors before that (the CSRF check) have no user to show.
    const user = (c as Context<ConsoleEnv>).get('user');
    return (
      <ConsoleLayout console={{ chrome, user, token: csrfToken(c) }} title={shown.title}>
        <div class="notice">
          <p>{shown.message}</p>
          {shown.requestId && <p>如需反馈,请提供编号:{shown.requestId}</p>}
          <p>
            <a href={user ? '/admin' : '/admin/login'}>{user ? '返回工作台' : '返回登录页'}</a>
          </p>
        </div>
      </ConsoleLayout>
    );
  };
}
