// Console routes for accounts: sign-in (before a session exists), then sign-out, the password
// change every user has, and the users admins manage. Mounted under /admin by the console's route table.
import { Hono, type Context } from 'hono';
import type { RouteContext } from '../http/app-deps.ts';
import { idParam, type ConsoleKit } from '../http/console.ts';
import { askFirst } from '../http/console-confirm.tsx';
import { clearSessionCookie, requireRole, sessionCookie, setSessionCookie, type ConsoleEnv } from '../http/console-session.ts';
import { csrfToken } from '../http/csrf.ts';
import { AppError, notFound } from '../http/errors.tsx';
import { formBody, formValues } from '../http/form.ts';
import { ROLES, type Role } from './account.ts';
import { countFailedSignIn, signInRefusal } from './sign-in-limit.ts';
import { changePassword, createUser, listUsers, setUserDisabled, signIn, signOut } from './account.service.ts';
import { LoginPage, PasswordPage } from './views/login-page.tsx';
import { UsersPage } from './views/users-page.tsx';

/** Routes without a session: GET and POST `/login`. */
export function signInRoutes(ctx: RouteContext, kit: ConsoleKit): Hono {
  const { db } = ctx;
  const signedOutChrome = async (c: Context) => ({ chrome: { ...(await ctx.chrome()), nav: [] }, user: undefined, token: csrfToken(c) });
  return new Hono()
    .get('/login', async (c) => kit.page(c, <LoginPage console={await signedOutChrome(c)} next={c.req.query('next') ?? '/admin'} name="" />))
    .post('/login', async (c) => {
      const values = await formValues(c);
      const name = (values.name ?? '').trim().slice(0, 32);
      const tooOften = await signInRefusal(db, name, kit.client(c));
      const result = tooOften ? { refused: tooOften.message } : await signIn(db, name, (values.password ?? '').slice(0, 128), kit.client(c));
      if ('refused' in result) {
        if (tooOften) c.header('Retry-After', String(tooOften.retryAfterSeconds));
        else await countFailedSignIn(db, name, kit.client(c));
        return kit.page(c, <LoginPage console={await signedOutChrome(c)} next={values.next ?? '/admin'} name={name} problem={result.refused} />, tooOften ? 429 : 400);
      }
      const old = sessionCookie(c);
      if (old) await signOut(db, old, { userId: result.userId, userName: name, client: kit.client(c) });
      setSessionCookie(c, result.sessionId);
      // Only paths inside the console: never an open redirect.
      const next = values.next && /^\/admin(\/[\w/-]*)?$/u.test(values.next) ? values.next : '/admin';
      return c.redirect(next, 303);
    });
}

/** Routes of signed-in users: POST `/logout`, `/password`, and (admins) `/users`. */
export function accountAdminRoutes(ctx: RouteContext, kit: ConsoleKit): Hono<ConsoleEnv> {
  const { db, passwordPolicy } = ctx;
  const usersPage = async (c: Context<ConsoleEnv>, problem?: string, name?: string) =>
    kit.page(c, <UsersPage console={await kit.chrome(c)} users={await listUsers(db)} channels={ctx.channels.all} problem={problem} name={name} />, problem ? 400 : 200);

  const app = new Hono<ConsoleEnv>()
    .post('/logout', async (c) => {
      await signOut(db, c.get('sessionId'), kit.actor(c));
      clearSessionCookie(c);
      return c.redirect('/admin/login', 303);
    })
    .get('/password', async (c) => kit.page(c, <PasswordPage console={await kit.chrome(c)} required={c.get('user').mustChangePassword} done={c.req.query('done') === '1'} />))
    .post('/password', async (c) => {
      const values = await formValues(c);
      const problem = await changePassword(db, kit.actor(c), c.get('user').id, values.current ?? '', values.next ?? '', passwordPolicy);
      if (problem) return kit.page(c, <PasswordPage console={await kit.chrome(c)} required={c.get('user').mustChangePassword} problem={problem} />, 400);
      return c.redirect('/admin/password?done=1', 303);
    })
    .get('/users', requireRole('admin'), (c) => usersPage(c))
    .post('/users', requireRole('admin'), async (c) => {
      const body = await formBody(c, { all: true });
      const text = (name: string) => (typeof body[name] === 'string' ? (body[name] as string) : '');
      const role = text('role') as Role;
      const channels = ([] as unknown[]).concat(body.channels ?? []).filter((slug): slug is string => typeof slug === 'string' && ctx.channels.bySlug(slug) !== undefined);
      if (!ROLES.includes(role)) return usersPage(c, '请选择角色。', text('name'));
      const result = await createUser(db, kit.actor(c), { name: text('name').trim(), role, password: text('password'), channels }, passwordPolicy);
      if ('problem' in result) return usersPage(c, result.problem, text('name'));
      return c.redirect('/admin/users', 303);
    });
  for (const [action, disabled] of [['disable', true], ['enable', false]] as const) {
    app.post(`/users/:id/${action}`, requireRole('admin'), async (c) => {
      if (idParam(c) === c.get('user').id) throw new AppError(400, 'bad_request', '不能停用自己的账号。');
      if (disabled) {
        const user = (await listUsers(db)).find((u) => u.id === idParam(c));
        if (!user) throw notFound('没有这个用户。');
        const ask = await askFirst(c, kit, { title: '确认停用用户', consequence: `停用后,用户“${user.name}”将立即退出登录,不能再登录管理后台,直到管理员重新启用。`, confirmLabel: '确认停用', back: '/admin/users' });
        if (ask) return ask;
      }
      if (!(await setUserDisabled(db, kit.actor(c), idParam(c), disabled))) throw notFound('没有这个用户。');
      return c.redirect('/admin/users', 303);
    });
  }
  return app;
}
