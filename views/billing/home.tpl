{{%AUTOESCAPE context="HTML"}}<nav class="subnav" aria-label="话费查询">{{#SUBNAV}}<a href="{{HREF}}"{{#CURRENT}} aria-current="page"{{/CURRENT}}>{{LABEL}}</a>{{/SUBNAV}}</nav>
<section class="card" aria-labelledby="billing-title">
  <h1 id="billing-title">话费查询</h1>
  {{#ARREARS}}<p class="notice" role="alert">您的账户已欠费，请及时缴费以免影响使用。</p>{{/ARREARS}}
  <table class="result" aria-label="账户概况">
    <tr><th scope="row">手机号码</th><td id="msisdn">{{MSISDN}}</td></tr>
    <tr><th scope="row">客户姓名</th><td>{{NAME}}</td></tr>
    <tr><th scope="row">品牌</th><td>{{BRAND}}（{{PROVINCE}}）</td></tr>
    <tr><th scope="row">当前套餐</th><td>{{PLAN}}</td></tr>
    <tr><th scope="row">账户余额</th><td id="balance">{{BALANCE}}</td></tr>
    {{#LAST_BILL}}<tr><th scope="row">最近账单</th><td id="last-bill">{{MONTH}} {{TOTAL}}{{#UNPAID}}（未缴 {{AMOUNT}}）{{/UNPAID}}</td></tr>{{/LAST_BILL}}
  </table>
</section>
<section aria-labelledby="services-title">
  <h2 id="services-title">查询服务</h2>
  <ul class="areas">
  {{#SERVICE}}<li class="area">
    {{#LINK}}<a href="{{HREF}}"><h3>{{TITLE}}</h3><p>{{SUMMARY}}</p></a>{{/LINK}}
    {{#OFF}}<div class="soon"><h3>{{TITLE}} <span class="tag">未开通</span></h3><p>您所在省份暂未向您的品牌开放此项网上服务，请拨打 10086 或前往营业厅办理。</p></div>{{/OFF}}
  </li>{{/SERVICE}}
  </ul>
</section>
