{{%AUTOESCAPE context="HTML"}}<section class="card narrow">
  <h1>员工登录</h1>
  {{#ERROR}}<p class="notice" role="alert">{{MESSAGE}}</p>{{/ERROR}}
  <form method="post" action="/admin/login">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <input type="hidden" name="next" value="{{NEXT}}">
    <label for="username">用户名</label>
    <input id="username" name="username" value="{{USERNAME}}" required autocomplete="username" autofocus>
    <label for="password">密码</label>
    <input id="password" name="password" type="password" required autocomplete="current-password">
    <button type="submit">登录</button>
  </form>
</section>
