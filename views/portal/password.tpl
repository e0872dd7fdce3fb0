{{%AUTOESCAPE context="HTML"}}<section class="card narrow">
  <h1>输入服务密码</h1>
  {{#HOME}}<p>号码归属：{{PROVINCE}} {{CITY}}，品牌：{{BRAND}}</p>{{/HOME}}
  {{#ERROR}}<p class="notice" role="alert">{{MESSAGE}}</p>{{/ERROR}}
  <form method="post" action="/login/password">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <input type="hidden" name="next" value="{{NEXT}}">
    <label for="msisdn">手机号码</label>
    <input id="msisdn" name="msisdn" value="{{MSISDN}}" inputmode="numeric" maxlength="11" pattern="1[3-9][0-9]{9}" required autocomplete="tel">
    <label for="password">服务密码</label>
    <input id="password" name="password" type="password" inputmode="numeric" maxlength="6" pattern="[0-9]{6}" required autocomplete="current-password" autofocus>
    <p class="hint">服务密码为6位数字。连续输错5次，号码将被锁定30分钟。</p>
    <button type="submit">登录</button>
  </form>
  <p><a href="/login">更换号码</a></p>
</section>
