// The console (/admin): sign-in, the work queues, users and the audit log. Every route states the
// roles it admits; every item is also checked against the user's channels in its service.
import { Hono, type Context } from 'hono';
import { ROLES, type Role } from '../accounts/account.ts';
import { articleAdminRoutes } from '../articles/article.admin.tsx';
import { factAdminRoutes, projectAdminRoutes } from '../insights/insight.admin.tsx';
import { changePassword, createUser, listUsers, setUserDisabled, signIn, signOut } from '../accounts/account.service.ts';
import { AUDIT_PAGE_SIZE, auditEntries, type Actor } from '../audit/audit.service.ts';
import { applicationForReview, applicationQueue, decideApplication } from '../enterprises/application.service.ts';
import { markMessageHandled, messageForReview, messageQueue } from '../contact/message.service.ts';
import type { RouteContext } from '../http/app-deps.ts';
import { csrfProtection, csrfToken } from '../http/csrf.ts';
import { AppError, notFound } from '../http/errors.tsx';
import { formBody, formValues } from '../http/form.ts';
import { htmlDocument } from '../http/layout.tsx';
import { clientAddress } from '../http/rate-limit.ts';
import { parseId, parsePageNumber } from '../http/request-params.ts';
import { publishSubmission, rejectSubmission, submissionForReview, submissionQueue } from '../submissions/submission.service.ts';
import { clearSessionCookie, limitSignedOutPosts, noStore, requireRole, requireSignIn, sessionCookie, setSessionCookie, SIGNED_OUT_POST_LIMIT, type ConsoleEnv } from './console-session.ts';
import { AuditPage, UsersPage } from './views/admin-pages.tsx';
import type { ConsoleChrome } from './views/console-layout.tsx';
import { countFailedSignIn, signInRefusal } from './sign-in-limit.ts';
import { LoginPage, PasswordPage } from './views/login-page.tsx';
import { ApplicationDetailPage, ApplicationListPage, ConsoleHomePage, MessageDetailPage, MessageListPage, SubmissionDetailPage, SubmissionListPage } from './views/queue-pages.tsx';

const REASON_MAX = 500;
const NOTE_MAX = 2000;

/** Routes under `/admin`. */
export function adminRoutes(ctx: RouteContext): Hono<ConsoleEnv> {
  const { db, passwordPolicy } = ctx;
  const client = (c: Context) => clientAddress(c, ctx.trustProxy);
  const actor = (c: Context<ConsoleEnv>): Actor => ({ userId: c.get('user').id, userName: c.get('user').name, client: client(c) });
  const chrome = async (c: Context<ConsoleEnv>): Promise<ConsoleChrome> => ({ chrome: { ...(await ctx.chrome()), nav: [] }, user: c.get('user'), token: csrfToken(c) });
  const page = (c: Context, body: Parameters<typeof htmlDocument>[0], status: 200 | 400 | 429 = 200) => c.html(htmlDocument(body), status);
  const idOf = (c: Context) => parseId(c.req.param('id') ?? '') ?? 0;
  // A required text field of a decision form; a bad one is a 400 page saying what to fix.
  const textField = async (c: Context, name: string, label: string, max: number): Promise<string> => {
    const value = ((await formValues(c))[name] ?? '').trim();
    if (value === '') throw new AppError(400, 'bad_request', `请填写${label}。`);
    if (Array.from(value).length > max) throw new AppError(400, 'bad_request', `${label}不能超过 ${max} 个字。`);
    return value;
  };
  const status = <T extends string>(c: Context, allowed: readonly T[]): T => {
    const value = (c.req.query('status') ?? allowed[0]) as T;
    if (!allowed.includes(value)) throw new AppError(400, 'bad_request', '没有这个状态。');
    return value;
  };
  const afterAction = (c: Context, outcome: 'done' | 'not_found' | 'already_closed', back: string) => {
    if (outcome === 'not_found') throw notFound('没有这一项,或它不在您负责的频道。');
    if (outcome === 'already_closed') throw new AppError(400, 'bad_request', '这一项已经处理过了。');
    return c.redirect(back, 303);
  };
  const channelName = ctx.navChannel;

  const app = new Hono<ConsoleEnv>();
  // Posts without a session are counted before the CSRF check reads them, as on the public forms.
  app.use('/admin/*', noStore(), limitSignedOutPosts(db, passwordPolicy, SIGNED_OUT_POST_LIMIT, client), csrfProtection());
  app.use('/admin', noStore());

  // Sign-in and sign-out.
  app.get('/admin/login', async (c) => {
    const next = c.req.query('next') ?? '/admin';
    return page(c, <LoginPage console={{ chrome: { ...(await ctx.chrome()), nav: [] }, user: undefined, token: csrfToken(c) }} next={next} name="" />);
  });
  app.post('/admin/login', async (c) => {
    const values = await formValues(c);
    const name = (values.name ?? '').trim().slice(0, 32);
    const tooOften = await signInRefusal(db, name, client(c));
    const result = tooOften ? { refused: tooOften.message } : await signIn(db, name, (values.password ?? '').slice(0, 128), client(c));
    if ('refused' in result) {
      if (tooOften) c.header('Retry-After', String(tooOften.retryAfterSeconds));
      else await countFailedSignIn(db, name, client(c));
      const login = <LoginPage console={{ chrome: { ...(await ctx.chrome()), nav: [] }, user: undefined, token: csrfToken(c) }} next={values.next ?? '/admin'} name={name} problem={result.refused} />;
      return page(c, login, tooOften ? 429 : 400);
    }
    const old = sessionCookie(c);
    if (old) await signOut(db, old, { userId: result.userId, userName: name, client: client(c) });
    setSessionCookie(c, result.sessionId);
    // Only paths inside the console: never an open redirect.
    const next = values.next && /^\/admin(\/[\w/-]*)?$/u.test(values.next) ? values.next : '/admin';
    return c.redirect(next, 303);
  });

  const signedIn = new Hono<ConsoleEnv>();
  signedIn.use('*', requireSignIn(db, passwordPolicy));
  signedIn.post('/logout', async (c) => {
    await signOut(db, c.get('sessionId'), actor(c));
    clearSessionCookie(c);
    return c.redirect('/admin/login', 303);
  });
  signedIn.get('/', async (c) => {
    const user = c.get('user');
    const counts =
      user.role === 'editor'
        ? undefined
        : { submissions: (await submissionQueue(db, user)).length, applications: (await applicationQueue(db, user)).length, messages: (await messageQueue(db, user)).length };
    return page(c, <ConsoleHomePage console={await chrome(c)} counts={counts} />);
  });
  signedIn.get('/password', async (c) => page(c, <PasswordPage console={await chrome(c)} required={c.get('user').mustChangePassword} done={c.req.query('done') === '1'} />));
  signedIn.post('/password', async (c) => {
    const values = await formValues(c);
    const problem = await changePassword(db, actor(c), c.get('user').id, values.current ?? '', values.next ?? '', passwordPolicy);
    if (problem) return page(c, <PasswordPage console={await chrome(c)} required={c.get('user').mustChangePassword} problem={problem} />, 400);
    return c.redirect('/admin/password?done=1', 303);
  });

  // Contributions (reviewers and admins).
  signedIn.get('/submissions', requireRole('admin', 'reviewer'), async (c) => {
    const current = status(c, ['pending', 'published', 'rejected'] as const);
    return page(c, <SubmissionListPage console={await chrome(c)} status={current} items={await submissionQueue(db, c.get('user'), current)} channelName={channelName} />);
  });
  signedIn.get('/submissions/:id', requireRole('admin', 'reviewer'), async (c) => {
    const item = await submissionForReview(db, c.get('user'), idOf(c));
    if (!item) throw notFound('没有这一项,或它不在您负责的频道。');
    return page(c, <SubmissionDetailPage console={await chrome(c)} item={item} channelName={channelName} />);
  });
  signedIn.post('/submissions/:id/publish', requireRole('admin', 'reviewer'), async (c) =>
    afterAction(c, await publishSubmission(db, ctx, c.get('user'), actor(c), idOf(c)), `/admin/submissions/${idOf(c)}`),
  );
  signedIn.post('/submissions/:id/reject', requireRole('admin', 'reviewer'), async (c) => {
    const reason = await textField(c, 'reason', '未采用原因', REASON_MAX);
    return afterAction(c, await rejectSubmission(db, c.get('user'), actor(c), idOf(c), reason), `/admin/submissions/${idOf(c)}`);
  });

  // Enterprise applications (reviewers and admins).
  signedIn.get('/applications', requireRole('admin', 'reviewer'), async (c) => {
    const current = status(c, ['pending', 'approved', 'rejected'] as const);
    return page(c, <ApplicationListPage console={await chrome(c)} status={current} items={await applicationQueue(db, c.get('user'), current)} channelName={channelName} />);
  });
  signedIn.get('/applications/:id', requireRole('admin', 'reviewer'), async (c) => {
    const item = await applicationForReview(db, c.get('user'), idOf(c));
    if (!item) throw notFound('没有这一项,或它不在您负责的频道。');
    return page(c, <ApplicationDetailPage console={await chrome(c)} item={item} channelName={channelName} />);
  });
  signedIn.post('/applications/:id/approve', requireRole('admin', 'reviewer'), async (c) =>
    afterAction(c, await decideApplication(db, c.get('user'), actor(c), idOf(c), { approve: true }), `/admin/applications/${idOf(c)}`),
  );
  signedIn.post('/applications/:id/reject', requireRole('admin', 'reviewer'), async (c) => {
    const reason = await textField(c, 'reason', '原因', REASON_MAX);
    return afterAction(c, await decideApplication(db, c.get('user'), actor(c), idOf(c), { approve: false, reason }), `/admin/applications/${idOf(c)}`);
  });

  // Contact messages (reviewers and admins).
  signedIn.get('/messages', requireRole('admin', 'reviewer'), async (c) => {
    const current = status(c, ['open', 'handled'] as const);
    return page(c, <MessageListPage console={await chrome(c)} status={current} items={await messageQueue(db, c.get('user'), current)} channelName={channelName} />);
  });
  signedIn.get('/messages/:id', requireRole('admin', 'reviewer'), async (c) => {
    const item = await messageForReview(db, c.get('user'), idOf(c));
    if (!item) throw notFound('没有这一项,或它不在您负责的频道。');
    return page(c, <MessageDetailPage console={await chrome(c)} item={item} channelName={channelName} />);
  });
  signedIn.post('/messages/:id/handle', requireRole('admin', 'reviewer'), async (c) => {
    const note = await textField(c, 'note', '答复记录', NOTE_MAX);
    return afterAction(c, await markMessageHandled(db, c.get('user'), actor(c), idOf(c), note), `/admin/messages/${idOf(c)}`);
  });

  // Users and the audit log (admins).
  const usersPage = async (c: Context<ConsoleEnv>, problem?: string, name?: string) =>
    page(c, <UsersPage console={await chrome(c)} users={await listUsers(db)} channels={ctx.channels.all} problem={problem} name={name} />, problem ? 400 : 200);
  signedIn.get('/users', requireRole('admin'), (c) => usersPage(c));
  signedIn.post('/users', requireRole('admin'), async (c) => {
    const body = await formBody(c, { all: true });
    const text = (name: string) => (typeof body[name] === 'string' ? (body[name] as string) : '');
    const role = text('role') as Role;
    const channels = ([] as unknown[]).concat(body.channels ?? []).filter((slug): slug is string => typeof slug === 'string' && ctx.channels.bySlug(slug) !== undefined);
    if (!ROLES.includes(role)) return usersPage(c, '请选择角色。', text('name'));
    const result = await createUser(db, actor(c), { name: text('name').trim(), role, password: text('password'), channels }, passwordPolicy);
    if ('problem' in result) return usersPage(c, result.problem, text('name'));
    return c.redirect('/admin/users', 303);
  });
  for (const [action, disabled] of [['disable', true], ['enable', false]] as const) {
    signedIn.post(`/users/:id/${action}`, requireRole('admin'), async (c) => {
      if (idOf(c) === c.get('user').id) throw new AppError(400, 'bad_request', '不能停用自己的账号。');
      if (!(await setUserDisabled(db, actor(c), idOf(c), disabled))) throw notFound('没有这个用户。');
      return c.redirect('/admin/users', 303);
    });
  }
  signedIn.get('/audit', requireRole('admin'), async (c) => {
    const filter = { user: c.req.query('user') ?? '', action: c.req.query('action') ?? '', type: c.req.query('type') ?? '' };
    const pageNumber = parsePageNumber(c.req.query('page'));
    const { entries, total } = await auditEntries(db, { userName: filter.user, action: filter.action, targetType: filter.type, page: pageNumber });
    return page(c, <AuditPage console={await chrome(c)} filter={filter} entries={entries} page={pageNumber} pageCount={Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE))} total={total} />);
  });

  // Articles (editors and admins).
  signedIn.route('/articles', articleAdminRoutes(ctx, chrome, actor));
  // Extracted economic facts (editors and admins).
  signedIn.route('/facts', factAdminRoutes(ctx, chrome, actor));
  signedIn.route('/projects', projectAdminRoutes(ctx, chrome, actor));

  app.route('/admin', signedIn);
  return app;
}
