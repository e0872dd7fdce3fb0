{{%AUTOESCAPE context="HTML"}}<section class="card narrow">
  <p class="crumbs"><a href="/service/">业务受理</a> › 定制类服务变更</p>
  <h1>定制类服务变更</h1>
  {{#SAVED}}<p class="ok" role="status" id="saved">设置已保存，主动服务将按新的设置提供。</p>{{/SAVED}}
  {{#ERROR}}<p class="notice" role="alert">{{MESSAGE}}</p>{{/ERROR}}
  <h2>当前设置</h2>
  <table class="result" aria-label="当前设置">
    <tr><th scope="row">手机号码</th><td id="msisdn">{{MSISDN}}</td></tr>
    <tr><th scope="row">详单邮寄</th><td id="now-address">{{NOW_ADDRESS}}</td></tr>
    <tr><th scope="row">余额提醒</th><td id="now-alert">{{NOW_ALERT}}</td></tr>
    <tr><th scope="row">回访要求</th><td id="now-callback">{{NOW_CALLBACK}}</td></tr>
    {{#UPDATED}}<tr><th scope="row">最近修改</th><td>{{AT}}</td></tr>{{/UPDATED}}
  </table>
  <h2>修改设置</h2>
  <form method="post" action="/service/custom">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <p><label for="bill_address">详单邮寄地址</label>
    <input id="bill_address" name="bill_address" type="text" maxlength="128" value="{{ADDRESS}}" autocomplete="street-address"></p>
    <p class="hint">每月话费详单寄往此地址；留空则不邮寄。</p>
    <p><label for="balance_alert">余额提醒金额（元）</label>
    <input id="balance_alert" name="balance_alert" type="text" inputmode="numeric" pattern="[0-9]{1,4}" maxlength="4" value="{{ALERT}}"></p>
    <p class="hint">账户余额低于此金额时发送短信提醒，1 到 {{ALERT_MAX}} 元的整数；留空则不提醒。</p>
    <fieldset class="choices"><legend>回访要求</legend>
    {{#CALLBACK}}<label class="choice"><input type="radio" name="callback" value="{{CODE}}" required{{#CHECKED}} checked{{/CHECKED}}> {{LABEL}}</label>
    {{/CALLBACK}}</fieldset>
    <button type="submit" id="confirm">保存设置</button> <a class="cancel" href="/service/">返回</a>
  </form>
</section>
