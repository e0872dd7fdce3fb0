{{%AUTOESCAPE context="HTML"}}<nav class="subnav" aria-label="话费查询">{{#SUBNAV}}<a href="{{HREF}}"{{#CURRENT}} aria-current="page"{{/CURRENT}}>{{LABEL}}</a>{{/SUBNAV}}</nav>
<section class="card narrow" aria-labelledby="done-title">
  <h1 id="done-title">账单已提交发送</h1>
  <p class="ok" role="status">您的账单已加入发送队列，将发送至 <strong id="done-email">{{EMAIL}}</strong>。</p>
  <table class="result" aria-label="发送记录">
    <tr><th scope="row">发送编号</th><td id="done-id">{{ID}}</td></tr>
    <tr><th scope="row">邮件主题</th><td id="done-subject">{{SUBJECT}}</td></tr>
    <tr><th scope="row">提交时间</th><td>{{AT}}</td></tr>
    <tr><th scope="row">状态</th><td id="done-status">{{STATUS}}</td></tr>
  </table>
  <p class="hint">邮件一般在几分钟内送达；如未收到，请检查垃圾邮件箱，或凭发送编号拨打 10086 查询。</p>
  <p><a href="/billing/">返回话费查询</a></p>
</section>
