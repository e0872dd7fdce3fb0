{{%AUTOESCAPE context="HTML"}}<nav class="subnav" aria-label="话费查询">{{#SUBNAV}}<a href="{{HREF}}"{{#CURRENT}} aria-current="page"{{/CURRENT}}>{{LABEL}}</a>{{/SUBNAV}}</nav>
<section class="card narrow" aria-labelledby="confirm-title">
  <h1 id="confirm-title">确认邮寄账单</h1>
  <table class="result" aria-label="发送内容">
    <tr><th scope="row">账单月份</th><td id="confirm-month">{{MONTH_LABEL}}（合计 {{TOTAL}}）</td></tr>
    <tr><th scope="row">发送至</th><td id="confirm-email">{{EMAIL}}</td></tr>
  </table>
  {{#CHANGE}}<p class="notice" role="alert">发送后，您的账单邮箱将由 {{OLD}} 更新为 {{EMAIL}}。</p>{{/CHANGE}}
  <form method="post" action="/billing/email">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <input type="hidden" name="request_id" value="{{REQUEST_ID}}">
    <input type="hidden" name="email" value="{{EMAIL}}">
    <input type="hidden" name="month" value="{{MONTH}}">
    <button type="submit">确认发送</button>
  </form>
  <p><a href="{{BACK}}">返回修改</a></p>
</section>
