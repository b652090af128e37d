// Sign-in and password change.
import { CSRF_FIELD } from '../../http/csrf.ts';
import { ConsoleLayout, FormProblem, type ConsoleChrome } from '../../http/console-layout.tsx';

/** The sign-in form; `problem` is the one answer for every failed attempt. */
export function LoginPage(props: { console: ConsoleChrome; next: string; name: string; problem?: string | undefined }) {
  return (
    <ConsoleLayout console={props.console} title="登录">
      <form class="public-form" method="post" action="/admin/login">
        <FormProblem problem={props.problem} />
        <input type="hidden" name={CSRF_FIELD} value={props.console.token} />
        <input type="hidden" name="next" value={props.next} />
        <div class="field">
          <label for="login-name">用户名</label>
          <input id="login-name" type="text" name="name" value={props.name} autocomplete="username" maxlength={32} required />
        </div>
        <div class="field">
          <label for="login-password">密码</label>
          <input id="login-password" type="password" name="password" autocomplete="current-password" maxlength={128} required />
        </div>
        <button type="submit">登录</button>
      </form>
    </ConsoleLayout>
  );
}

/** The password change form. */
export function PasswordPage(props: { console: ConsoleChrome; problem?: string | undefined; done?: boolean; required: boolean }) {
  return (
    <ConsoleLayout console={props.console} title="修改密码">
      {props.required && <p class="notice">您的密码已超过有效期,或是管理员设置的临时密码,请先设置自己的新密码。</p>}
      {props.done && (
        <p class="notice" role="status">
          密码已修改。
        </p>
      )}
      <form class="public-form" method="post" action="/admin/password">
        <FormProblem problem={props.problem} />
        <input type="hidden" name={CSRF_FIELD} value={props.console.token} />
        <div class="field">
          <label for="current-password">当前密码</label>
          <input id="current-password" type="password" name="current" autocomplete="current-password" maxlength={128} required />
        </div>
        <div class="field">
          <label for="new-password">新密码</label>
          <input id="new-password" type="password" name="next" autocomplete="new-password" maxlength={128} required />
        </div>
        <button type="submit">修改密码</button>
      </form>
    </ConsoleLayout>
  );
}
