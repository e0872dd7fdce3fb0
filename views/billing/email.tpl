{{%AUTOESCAPE context="HTML"}}<nav class="subnav" aria-label="话费查询">{{#SUBNAV}}<a href="{{HREF}}"{{#CURRENT}} aria-current="page"{{/CURRENT}}>{{LABEL}}</a>{{/SUBNAV}}</nav>
<section class="card narrow" aria-labelledby="mail-title">
  <h1 id="mail-title">邮寄账单通知服务</h1>
  {{#NO_BILLS}}<p class="empty">您还没有已出账的月账单，暂时无法邮寄。</p>{{/NO_BILLS}}
  {{#FORM}}
  {{#REGISTERED}}<p>您登记的账单邮箱：<strong id="registered">{{EMAIL}}</strong>。可直接发送，或填写新的地址（发送后将登记为新的账单邮箱）。</p>{{/REGISTERED}}
  {{#UNREGISTERED}}<p id="registered">您还没有登记账单邮箱，请填写接收账单的电子邮箱。</p>{{/UNREGISTERED}}
  <form method="get" action="/billing/email/confirm">
    <label for="email">电子邮箱</label>
    <input id="email" name="email" type="email" value="{{EMAIL}}" maxlength="254" autocomplete="email" required>
    <label for="month">账单月份</label>
    <select id="month" name="month">{{#MONTH_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/MONTH_OPTION}}</select>
    <button type="submit">下一步</button>
  </form>
  <p class="hint">可选择最近6个已出账月份的账单。提交前会请您再次确认。</p>
  {{/FORM}}
</section>
