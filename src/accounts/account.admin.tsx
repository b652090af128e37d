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
import { parseRoles } from './account.ts';
import { countFailedSignIn, signInRefusal } from './sign-in-limit.ts';
import { changePassword, createUser, listUsers, resetPassword, setUserDisabled, signIn, signOut, unlockUser, updateUserAccess } from './account.service.ts';
import { LoginPage, PasswordPage } from './views/login-page.tsx';
import { TemporaryPasswordPage, UserAccessPage, UsersPage, type AccessChoice } from './views/users-page.tsx';

/** Routes without a session: GET and POST `/login`. */
export function signInRoutes(ctx: RouteContext, kit: ConsoleKit): Hono {
  const { db } = ctx;
  const signedOutChrome = async (c: Context) => ({ chrome: { ...(await ctx.chrome(c)), nav: [] }, user: undefined, token: csrfToken(c) });
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
        return kit.page(
          c,
          <LoginPage console={await signedOutChrome(c)} next={values.next ?? '/admin'} name={name} problem={result.refused} />,
          tooOften ? 429 : 400,
        );
      }
      const old = sessionCookie(c);
      if (old) await signOut(db, old, { userId: result.userId, userName: name, client: kit.client(c) });
      setSessionCookie(c, result.sessionId);
      // Only paths inside the console: never an open redirect.
      const next = values.next && /^\/admin(\/[\w/-]*)?$/u.test(values.next) ? values.next : '/admin';
      return c.redirect(next, 303);
    });
}

/**
 * Routes of signed-in users: POST `/logout`, `/password`, and (admins) `/users`, `/users/:id`
 * with POST `/users/:id/roles`, `/reset-password`, `/unlock`, `/disable`, `/enable`.
 */
export function accountAdminRoutes(ctx: RouteContext, kit: ConsoleKit): Hono<ConsoleEnv> {
  const { db, passwordPolicy } = ctx;
  const usersPage = async (c: Context<ConsoleEnv>, problem?: string, name?: string, choice?: AccessChoice) =>
    kit.page(
      c,
      <UsersPage console={await kit.chrome(c)} users={await listUsers(db)} channels={ctx.channels.all} problem={problem} name={name} choice={choice} />,
      problem ? 400 : 200,
    );
  const userById = async (id: number) => {
    const user = (await listUsers(db)).find((candidate) => candidate.id === id);
    if (!user) throw notFound('没有这个用户。');
    return user;
  };
  const accessPage = async (c: Context<ConsoleEnv>, id: number, choice?: AccessChoice, problem?: string) => {
    const user = await userById(id);
    return kit.page(
      c,
      <UserAccessPage console={await kit.chrome(c)} user={user} channels={ctx.channels.all} choice={choice ?? user} problem={problem} />,
      problem ? 400 : 200,
    );
  };
  /** The roles and known channels a form posted, as they were ticked. */
  const postedAccess = async (c: Context<ConsoleEnv>) => {
    const body = await formBody(c, { all: true });
    const texts = (name: string) => ([] as unknown[]).concat(body[name] ?? []).filter((value): value is string => typeof value === 'string');
    const choice: AccessChoice = { roles: texts('roles'), channels: texts('channels').filter((slug) => ctx.channels.bySlug(slug) !== undefined) };
    return { body, choice, roles: parseRoles(choice.roles) };
  };

  const app = new Hono<ConsoleEnv>()
    .post('/logout', async (c) => {
      await signOut(db, c.get('sessionId'), kit.actor(c));
      clearSessionCookie(c);
      return c.redirect('/admin/login', 303);
    })
    .get('/password', async (c) =>
      kit.page(c, <PasswordPage console={await kit.chrome(c)} required={c.get('user').mustChangePassword} done={c.req.query('done') === '1'} />),
    )
    .post('/password', async (c) => {
      const values = await formValues(c);
      const problem = await changePassword(db, kit.actor(c), c.get('user').id, values.current ?? '', values.next ?? '', passwordPolicy);
      if (problem) return kit.page(c, <PasswordPage console={await kit.chrome(c)} required={c.get('user').mustChangePassword} problem={problem} />, 400);
      return c.redirect('/admin/password?done=1', 303);
    })
    .get('/users', requireRole('admin'), (c) => usersPage(c))
    .post('/users', requireRole('admin'), async (c) => {
      const { body, choice, roles } = await postedAccess(c);
      const text = (name: string) => (typeof body[name] === 'string' ? (body[name] as string) : '');
      if (!roles) return usersPage(c, '请至少选择一个角色。', text('name'), choice);
      const result = await createUser(
        db,
        kit.actor(c),
        { name: text('name').trim(), roles, password: text('password'), channels: [...choice.channels] },
        passwordPolicy,
      );
      if ('problem' in result) return usersPage(c, result.problem, text('name'), choice);
      return c.redirect('/admin/users', 303);
    })
    .get('/users/:id', requireRole('admin'), (c) => accessPage(c, idParam(c)))
    .post('/users/:id/roles', requireRole('admin'), async (c) => {
      const { choice, roles } = await postedAccess(c);
      if (!roles) return accessPage(c, idParam(c), choice, '请至少选择一个角色。');
      const outcome = await updateUserAccess(db, kit.actor(c), idParam(c), { roles, channels: [...choice.channels] });
      if (outcome === 'not_found') throw notFound('没有这个用户。');
      if (outcome !== 'done') return accessPage(c, idParam(c), choice, outcome.problem);
      return c.redirect('/admin/users', 303);
    })
    .post('/users/:id/reset-password', requireRole('admin'), async (c) => {
      const outcome = await resetPassword(db, kit.actor(c), idParam(c), passwordPolicy);
      if (outcome === 'not_found') throw notFound('没有这个用户。');
      if ('problem' in outcome) throw new AppError(400, 'bad_request', outcome.problem);
      const user = await userById(idParam(c));
      return kit.page(c, <TemporaryPasswordPage console={await kit.chrome(c)} userName={user.name} password={outcome.temporaryPassword} />);
    })
    .post('/users/:id/unlock', requireRole('admin'), async (c) => {
      if ((await unlockUser(db, kit.actor(c), idParam(c))) === 'not_found') throw notFound('没有这个用户。');
      return c.redirect('/admin/users', 303);
    });
  for (const [action, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    app.post(`/users/:id/${action}`, requireRole('admin'), async (c) => {
      if (idParam(c) === c.get('user').id) throw new AppError(400, 'bad_request', '不能停用自己的账号。');
      if (disabled) {
        const user = (await listUsers(db)).find((u) => u.id === idParam(c));
        if (!user) throw notFound('没有这个用户。');
        const ask = await askFirst(c, kit, {
          title: '确认停用用户',
          consequence: `停用后,用户“${user.name}”将立即退出登录,不能再登录管理后台,直到管理员重新启用。`,
          confirmLabel: '确认停用',
          back: '/admin/users',
        });
        if (ask) return ask;
      }
      if (!(await setUserDisabled(db, kit.actor(c), idParam(c), disabled))) throw notFound('没有这个用户。');
      return c.redirect('/admin/users', 303);
    });
  }
  return app;
}
