// Admins only: the console's users, one user's roles and channels, and a temporary password.
import { hasRole, ROLE_NAMES, ROLES, roleNames, TEMPORARY_PASSWORD_HOURS, type Role } from '../account.ts';
import { CSRF_FIELD } from '../../http/csrf.ts';
import { ActionForm, ConsoleLayout, FormProblem, type ConsoleChrome } from '../../http/console-layout.tsx';
import { TableScroll } from '../../http/table-scroll.tsx';
import { chinaDateTime, CHINA_TIME_LABEL } from '../../lib/china-time.ts';

/** A user as the list shows it. */
export interface UserRow {
  id: number;
  name: string;
  roles: Role[];
  disabled: boolean;
  /** Set only while a lock from failed sign-ins lasts. */
  lockedUntil: string | null;
  mustChangePassword: boolean;
  temporaryPasswordExpired: boolean;
  channels: string[];
}

type Channels = ReadonlyArray<{ slug: string; name: string }>;

/** What the roles and channels fields show checked. */
export interface AccessChoice {
  roles: readonly string[];
  channels: readonly string[];
}

const NO_CHOICE: AccessChoice = { roles: [], channels: [] };

function statusOf(user: UserRow): string {
  if (user.disabled) return '已停用';
  if (user.lockedUntil) return `已锁定(至 ${chinaDateTime(user.lockedUntil).slice(11)} ${CHINA_TIME_LABEL})`;
  if (user.temporaryPasswordExpired) return '临时密码已过期,需重新设置';
  if (user.mustChangePassword) return '待修改临时密码';
  return '正常';
}

/** Role and channel checkboxes, as the add and the edit form both use them. */
function AccessFields(props: { channels: Channels; choice: AccessChoice }) {
  return (
    <>
      <fieldset class="field">
        <legend>角色(可多选)</legend>
        {ROLES.map((role) => (
          <label class="consent">
            <input type="checkbox" name="roles" value={role} checked={props.choice.roles.includes(role)} />
            <span>{ROLE_NAMES[role]}</span>
          </label>
        ))}
      </fieldset>
      <fieldset class="field">
        <legend>负责频道(管理员不需选择)</legend>
        {props.channels.map((channel) => (
          <label class="consent">
            <input type="checkbox" name="channels" value={channel.slug} checked={props.choice.channels.includes(channel.slug)} />
            <span>{channel.name}</span>
          </label>
        ))}
      </fieldset>
    </>
  );
}

/** The user list with the form to add one. */
export function UsersPage(props: { console: ConsoleChrome; users: UserRow[]; channels: Channels; problem?: string; name?: string; choice?: AccessChoice }) {
  const { console: chrome } = props;
  const channelName = new Map(props.channels.map((c) => [c.slug, c.name]));
  return (
    <ConsoleLayout console={chrome} title="用户管理">
      <TableScroll label="用户列表">
        <table class="data-table">
          <thead>
            <tr>
              <th scope="col">用户名</th>
              <th scope="col">角色</th>
              <th scope="col">负责频道</th>
              <th scope="col">状态</th>
              <th scope="col">操作</th>
            </tr>
          </thead>
          <tbody>
            {props.users.map((user) => (
              <tr>
                <td>{user.name}</td>
                <td>{roleNames(user.roles)}</td>
                <td>{hasRole(user, 'admin') ? '全部' : user.channels.map((slug) => channelName.get(slug) ?? slug).join('、')}</td>
                <td class="user-status">{statusOf(user)}</td>
                <td>
                  <a href={`/admin/users/${user.id}`}>修改角色和频道</a>
                  {user.id !== chrome.user?.id && (
                    <>
                      <ActionForm
                        action={`/admin/users/${user.id}/${user.disabled ? 'enable' : 'disable'}`}
                        token={chrome.token}
                        label={user.disabled ? '启用' : '停用'}
                      />
                      {user.lockedUntil && <ActionForm action={`/admin/users/${user.id}/unlock`} token={chrome.token} label="解锁" />}
                      <ActionForm action={`/admin/users/${user.id}/reset-password`} token={chrome.token} label="重置密码" />
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <h2>添加用户</h2>
      <form class="public-form" method="post" action="/admin/users">
        <FormProblem problem={props.problem} />
        <input type="hidden" name={CSRF_FIELD} value={chrome.token} />
        <div class="field">
          <label for="user-name">用户名</label>
          <input id="user-name" type="text" name="name" value={props.name ?? ''} maxlength={32} required />
        </div>
        <AccessFields channels={props.channels} choice={props.choice ?? NO_CHOICE} />
        <div class="field">
          <label for="user-password">初始密码</label>
          <input id="user-password" type="password" name="password" autocomplete="new-password" maxlength={128} required />
        </div>
        <button type="submit">添加</button>
      </form>
    </ConsoleLayout>
  );
}

/** One user's roles and channels, to change. */
export function UserAccessPage(props: { console: ConsoleChrome; user: UserRow; channels: Channels; choice: AccessChoice; problem?: string }) {
  const { console: chrome, user } = props;
  return (
    <ConsoleLayout console={chrome} title={`修改角色和频道:${user.name}`}>
      <form class="public-form" method="post" action={`/admin/users/${user.id}/roles`}>
        <FormProblem problem={props.problem} />
        <input type="hidden" name={CSRF_FIELD} value={chrome.token} />
        <AccessFields channels={props.channels} choice={props.choice} />
        <p class="field-hint">保存后,该用户从下一次打开页面起按新的角色和频道工作。</p>
        <button type="submit">保存</button>
      </form>
      <p>
        <a href="/admin/users">返回用户管理</a>
      </p>
    </ConsoleLayout>
  );
}

/** The temporary password, shown this once: only its hash is kept. */
export function TemporaryPasswordPage(props: { console: ConsoleChrome; userName: string; password: string }) {
  return (
    <ConsoleLayout console={props.console} title={`已重置密码:${props.userName}`}>
      <p>
        临时密码:<code class="temporary-password">{props.password}</code>
      </p>
      <p>
        此密码只显示这一次,请当面或通过可靠渠道告知 {props.userName}。该用户须在 {TEMPORARY_PASSWORD_HOURS}{' '}
        小时内登录并先设置自己的新密码,逾期此密码失效;此前的登录已全部失效。
      </p>
      <p>
        <a href="/admin/users">返回用户管理</a>
      </p>
    </ConsoleLayout>
  );
}
