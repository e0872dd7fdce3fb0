{{%AUTOESCAPE context="HTML"}}<section class="card narrow">
  <p class="crumbs"><a href="/service/">业务受理</a> › 客户密码更改</p>
  <h1>客户密码更改</h1>
  {{#ERROR}}<p class="notice" role="alert">{{MESSAGE}}</p>{{/ERROR}}
  <form method="post" action="/service/password">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <p class="hint">为号码 {{MSISDN}} 设置新的服务密码：6 位数字，不能是同一数字重复、连续数字（如 123456、654321）或本号码中的连续数字，也不能与原密码相同。修改成功后，本号码在其他设备上的登录将全部退出。</p>
    <label for="old_password">原服务密码</label>
    <input id="old_password" name="old_password" type="password" inputmode="numeric" maxlength="6" pattern="[0-9]{6}" required autocomplete="current-password" autofocus>
    <label for="new_password">新服务密码</label>
    <input id="new_password" name="new_password" type="password" inputmode="numeric" maxlength="6" pattern="[0-9]{6}" required autocomplete="new-password">
    <label for="new_password2">再次输入新服务密码</label>
    <input id="new_password2" name="new_password2" type="password" inputmode="numeric" maxlength="6" pattern="[0-9]{6}" required autocomplete="new-password">
    <button type="submit">确认修改</button> <a class="cancel" href="/service/">取消</a>
  </form>
</section>
