{{%AUTOESCAPE context="HTML"}}<section class="card">
  <h1>我的账户</h1>
  {{#ARREARS}}<p class="notice" role="alert">您的账户已欠费，请及时缴费以免影响使用。</p>{{/ARREARS}}
  <table class="result" aria-label="账户概况">
    <tr><th scope="row">手机号码</th><td id="msisdn">{{MSISDN}}</td></tr>
    <tr><th scope="row">客户姓名</th><td>{{NAME}}</td></tr>
    <tr><th scope="row">品牌</th><td>{{BRAND}}</td></tr>
    <tr><th scope="row">归属地</th><td>{{PROVINCE}} {{CITY}}</td></tr>
    <tr><th scope="row">号码状态</th><td class="status-{{STATUS_CODE}}">{{STATUS}}</td></tr>
    <tr><th scope="row">当前套餐</th><td>{{PLAN}}</td></tr>
    <tr><th scope="row">账户余额</th><td id="balance">{{BALANCE}}</td></tr>
  </table>
</section>
