import { LOGIN_PATH } from './session-constants';

/** The login form: the token printed by `serve` (or made with `xinfang token create`). */
export const LoginPage = ({ message }: { readonly message?: string | undefined }) => (
  <>
    <h1>信访工作台 登录</h1>
    {message !== undefined && (
      <p class="bad" role="alert">
        {message}
      </p>
    )}
    <p>
      请打开启动服务时打印的登录链接，或输入访问令牌（由 <code>xinfang token create</code> 生成）。
    </p>
    <form method="post" action={LOGIN_PATH}>
      <label>
        访问令牌
        <input name="token" type="password" size={50} autocomplete="off" required />
      </label>{' '}
      <button>登录</button>
    </form>
    <p class="muted">
      <a href="/docs">接口文档 / API docs</a>
    </p>
  </>
);
