// The console's frame: who is signed in, the sections their roles open, and sign-out.
import type { Child } from 'hono/jsx';
import { hasRole, roleNames, type Role, type ConsoleUser } from '../accounts/account.ts';
import { CSRF_FIELD } from './csrf.ts';
import { TextSizeScript, TextSizeToggle, type PageChrome } from './layout.tsx';
import { headLink } from './page-meta.tsx';

/** What every console page needs. */
export interface ConsoleChrome {
  chrome: PageChrome;
  user: ConsoleUser | undefined;
  token: string;
  /** The requested path, so that the navigation marks the section it belongs to. */
  path?: string;
}

const SECTIONS: ReadonlyArray<{ href: string; label: string; roles: Role[] }> = [
  { href: '/admin', label: '工作台', roles: ['admin', 'editor', 'reviewer'] },
  { href: '/admin/notifications', label: '待办提醒', roles: ['admin', 'editor', 'reviewer'] },
  { href: '/admin/articles', label: '文章管理', roles: ['admin', 'editor'] },
  { href: '/admin/policies', label: '政策文件', roles: ['admin', 'editor'] },
  { href: '/admin/parks', label: '载体库', roles: ['admin', 'editor'] },
  { href: '/admin/facts', label: '经济数据审核', roles: ['admin', 'editor'] },
  { href: '/admin/projects', label: '项目管理', roles: ['admin', 'editor'] },
  { href: '/admin/submissions', label: '投稿审核', roles: ['admin', 'editor', 'reviewer'] },
  { href: '/admin/applications', label: '入驻申请', roles: ['admin', 'reviewer'] },
  { href: '/admin/messages', label: '留言处理', roles: ['admin', 'reviewer'] },
  { href: '/admin/questions', label: '问答办理', roles: ['admin', 'editor', 'reviewer'] },
  { href: '/admin/appeals', label: '企业诉求', roles: ['admin', 'editor', 'reviewer'] },
  { href: '/admin/inspection', label: '网站检查', roles: ['admin', 'editor', 'reviewer'] },
  { href: '/admin/users', label: '用户管理', roles: ['admin'] },
  { href: '/admin/audit', label: '审计日志', roles: ['admin'] },
  { href: '/admin/password', label: '修改密码', roles: ['admin', 'editor', 'reviewer'] },
];

/** Whether `path` lies in the section at `href` (the 工作台 only at /admin itself). */
function inSection(path: string | undefined, href: string): boolean {
  if (path === undefined) return false;
  return path === href || (href !== '/admin' && path.startsWith(`${href}/`));
}

/** A console page. */
export function ConsoleLayout(props: { console: ConsoleChrome; title: string; children: Child }) {
  const { chrome, user, token } = props.console;
  return (
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${props.title} - ${chrome.site.siteName}管理后台`}</title>
        <link rel="stylesheet" href={chrome.stylesheetHref} />
        {headLink({ rel: 'icon', href: chrome.iconHref, type: 'image/svg+xml' })}
        <TextSizeScript chrome={chrome} />
      </head>
      <body class="console">
        <header class="site-header">
          <div class="wrap">
            <a class="site-name" href="/admin">
              {chrome.site.siteName}管理后台
            </a>
            {user && (
              <span class="console-user">
                {user.name}({roleNames(user.roles)}
                {!hasRole(user, 'admin') && `:${user.channels.length} 个频道`})
              </span>
            )}
            <TextSizeToggle />
            {user && (
              <form class="site-search" method="post" action="/admin/logout">
                <input type="hidden" name={CSRF_FIELD} value={token} />
                <button type="submit">退出登录</button>
              </form>
            )}
          </div>
        </header>
        {user && (
          <nav class="channel-nav" aria-label="后台栏目">
            <ul class="wrap">
              {SECTIONS.filter((section) => hasRole(user, ...section.roles)).map((section) => (
                <li>
                  <a href={section.href} aria-current={inSection(props.console.path, section.href) ? 'page' : undefined}>
                    {section.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <main id="main" class="wrap">
          <h1>{props.title}</h1>
          {props.children}
        </main>
      </body>
    </html>
  );
}

/** A POST button form carrying the CSRF token. */
export function ActionForm(props: { action: string; token: string; label: string; children?: Child }) {
  return (
    <form class="public-form action-form" method="post" action={props.action}>
      <input type="hidden" name={CSRF_FIELD} value={props.token} />
      {props.children}
      <button type="submit">{props.label}</button>
    </form>
  );
}

/** The one problem a console form reports, above its fields. */
export function FormProblem(props: { problem: string | undefined }) {
  if (!props.problem) return null;
  return (
    <div class="form-errors" role="alert">
      <p>{props.problem}</p>
    </div>
  );
}
