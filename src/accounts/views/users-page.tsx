// Admins only: the console's users.
import { ROLE_NAMES, type Role } from '../account.ts';
import { CSRF_FIELD } from '../../http/csrf.ts';
import { ActionForm, ConsoleLayout, FormProblem, type ConsoleChrome } from '../../http/console-layout.tsx';
import { TableScroll } from '../../http/table-scroll.tsx';

/** A user as the list shows it. */
export interface UserRow {
  id: number;
  name: string;
  role: Role;
  disabled: boolean;
  lockedUntil: string | null;
  channels: string[];
}

/** The user list with the form to add one. */
export function UsersPage(props: { console: ConsoleChrome; users: UserRow[]; channels: ReadonlyArray<{ slug: string; name: string }>; problem?: string; name?: string }) {
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
              <td>{ROLE_NAMES[user.role]}</td>
              <td>{user.role === 'admin' ? '全部' : user.channels.map((slug) => channelName.get(slug) ?? slug).join('、')}</td>
              <td>{user.disabled ? '已停用' : '正常'}</td>
              <td>
                {user.id !== chrome.user?.id && (
                  <ActionForm action={`/admin/users/${user.id}/${user.disabled ? 'enable' : 'disable'}`} token={chrome.token} label={user.disabled ? '启用' : '停用'} />
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
        <div class="field">
          <label for="user-role">角色</label>
          <select id="user-role" name="role">
            <option value="reviewer">审核员</option>
            <option value="editor">编辑</option>
            <option value="admin">管理员</option>
          </select>
        </div>
        <fieldset class="field">
          <legend>负责频道(管理员不需选择)</legend>
          {props.channels.map((channel) => (
            <label class="consent">
              <input type="checkbox" name="channels" value={channel.slug} />
              <span>{channel.name}</span>
            </label>
          ))}
        </fieldset>
        <div class="field">
          <label for="user-password">初始密码</label>
          <input id="user-password" type="password" name="password" autocomplete="new-password" maxlength={128} required />
        </div>
        <button type="submit">添加</button>
      </form>
    </ConsoleLayout>
  );
}
