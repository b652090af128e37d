// The console (/admin): every feature's console routes in one table. Each feature's route table
// states the roles it admits; each item is also checked against the user's channels in its service.
import { Hono } from 'hono';
import { accountAdminRoutes, signInRoutes } from './accounts/account.admin.tsx';
import { sessionUser } from './accounts/account.service.ts';
import { articleAdminRoutes } from './articles/article.admin.tsx';
import { auditAdminRoutes } from './audit/audit.admin.tsx';
import { messageAdminRoutes } from './contact/message.admin.tsx';
import { siteAdminRoutes } from './parks/site.admin.tsx';
import { policyAdminRoutes } from './policies/policy.admin.tsx';
import { questionAdminRoutes } from './questions/question.admin.tsx';
import { appealAdminRoutes } from './appeals/appeal.admin.tsx';
import { dashboardAdminRoutes } from './dashboard/dashboard.admin.tsx';
import { applicationAdminRoutes } from './enterprises/application.admin.tsx';
import type { RouteContext } from './http/app-deps.ts';
import { consoleKit } from './http/console.ts';
import { limitSignedOutPosts, noStore, requireSignIn, SIGNED_OUT_POST_LIMIT, type ConsoleEnv } from './http/console-session.ts';
import { csrfProtection } from './http/csrf.ts';
import { factAdminRoutes, projectAdminRoutes } from './insights/insight.admin.tsx';
import { notificationAdminRoutes } from './notifications/notification.admin.tsx';
import { inspectionAdminRoutes } from './inspection/inspection.admin.tsx';
import { submissionAdminRoutes } from './submissions/submission.admin.tsx';
import { attachmentAdminRoutes } from './uploads/attachment.admin.tsx';

/** Routes under `/admin`. */
export function consoleRoutes(ctx: RouteContext): Hono {
  const kit = consoleKit(ctx);
  const loadUser = (sessionId: string) => sessionUser(ctx.db, sessionId, ctx.passwordPolicy);

  const app = new Hono();
  // Posts without a session are counted before the CSRF check reads them, as on the public forms.
  app.use('/admin/*', noStore(), limitSignedOutPosts(ctx.db, loadUser, SIGNED_OUT_POST_LIMIT, kit.client), csrfProtection());
  app.use('/admin', noStore());
  app.route('/admin', signInRoutes(ctx, kit));

  const signedIn = new Hono<ConsoleEnv>();
  signedIn.use('*', requireSignIn(loadUser));
  signedIn.route('/', dashboardAdminRoutes(ctx, kit));
  signedIn.route('/', accountAdminRoutes(ctx, kit));
  signedIn.route('/notifications', notificationAdminRoutes(ctx, kit));
  signedIn.route('/audit', auditAdminRoutes(ctx, kit));
  signedIn.route('/submissions', submissionAdminRoutes(ctx, kit));
  signedIn.route('/applications', applicationAdminRoutes(ctx, kit));
  signedIn.route('/messages', messageAdminRoutes(ctx, kit));
  signedIn.route('/questions', questionAdminRoutes(ctx, kit));
  signedIn.route('/appeals', appealAdminRoutes(ctx, kit));
  signedIn.route('/articles', articleAdminRoutes(ctx, kit));
  signedIn.route('/policies', policyAdminRoutes(ctx, kit));
  signedIn.route('/parks', siteAdminRoutes(ctx, kit));
  signedIn.route('/attachments', attachmentAdminRoutes(ctx, kit));
  signedIn.route('/facts', factAdminRoutes(ctx, kit));
  signedIn.route('/projects', projectAdminRoutes(ctx, kit));
  signedIn.route('/inspection', inspectionAdminRoutes(ctx, kit));
  app.route('/admin', signedIn);
  return app;
}
