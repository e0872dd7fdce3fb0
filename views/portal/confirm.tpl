{{%AUTOESCAPE context="HTML"}}<section class="card narrow">
  <h1>再次验证服务密码</h1>
  <p>为保障账户安全，办理此项业务前请再次输入号码 {{MSISDN}} 的服务密码。</p>
  {{#ERROR}}<p class="notice" role="alert">{{MESSAGE}}</p>{{/ERROR}}
  <form method="post" action="/login/confirm">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <input type="hidden" name="next" value="{{NEXT}}">
    <label for="password">服务密码</label>
    <input id="password" name="password" type="password" inputmode="numeric" maxlength="6" pattern="[0-9]{6}" required autocomplete="current-password" autofocus>
    <button type="submit">确认</button>
  </form>
</section>
