{{%AUTOESCAPE context="HTML"}}<section class="card narrow">
  <h1>登录</h1>
  <p>第一步：请输入您的手机号码，系统将根据号码归属地为您转到相应的服务页面。</p>
  {{#ERROR}}<p class="notice" role="alert">{{MESSAGE}}</p>{{/ERROR}}
  <form method="post" action="/login">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <input type="hidden" name="next" value="{{NEXT}}">
    <label for="msisdn">手机号码</label>
    <input id="msisdn" name="msisdn" value="{{MSISDN}}" inputmode="numeric" maxlength="11" pattern="1[3-9][0-9]{9}" required autocomplete="tel" autofocus>
    <button type="submit">下一步</button>
  </form>
</section>
