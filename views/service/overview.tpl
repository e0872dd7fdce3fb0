{{%AUTOESCAPE context="HTML"}}<section class="card">
  <h1>业务受理</h1>
  <table class="result" aria-label="号码状态">
    <tr><th scope="row">手机号码</th><td id="msisdn">{{MSISDN}}</td></tr>
    <tr><th scope="row">客户姓名</th><td>{{NAME}}</td></tr>
    <tr><th scope="row">品牌 / 归属</th><td>{{BRAND}} · {{PROVINCE}}</td></tr>
    <tr><th scope="row">当前套餐</th><td>{{PLAN}}</td></tr>
    <tr><th scope="row">号码状态</th><td id="line-status" data-status="{{STATUS_CLASS}}">{{STATUS}}</td></tr>
    <tr><th scope="row">账户余额</th><td id="balance">{{BALANCE}}</td></tr>
  </table>
</section>
<section class="card">
  <h2>联系资料</h2>
  <table class="result" aria-label="联系资料">
    <tr><th scope="row">联系地址</th><td id="contact-address">{{ADDRESS}}</td></tr>
    <tr><th scope="row">联系电话</th><td id="contact-phone">{{PHONE}}</td></tr>
    <tr><th scope="row">电子邮件</th><td id="contact-email">{{EMAIL}}</td></tr>
  </table>
</section>
<section class="card">
  <h2>可办理的业务</h2>
  <ul class="areas">
  {{#SERVICE}}<li class="area" data-service="{{CODE}}">{{#OFFERED}}<a href="{{HREF}}"><h3>{{LABEL}}</h3><p>{{HINT}}</p></a>{{/OFFERED}}{{#NOT_OFFERED}}<div class="soon"><h3>{{LABEL}} <span class="tag">本省暂未开放</span></h3><p>您所在省份暂未向您的品牌开放此业务的网上办理，请到营业厅办理。</p></div>{{/NOT_OFFERED}}</li>
  {{/SERVICE}}
  </ul>
</section>
<section class="card" id="orders">
  <h2>处理中的业务</h2>
  <table class="list" aria-label="处理中的业务">
    <thead><tr><th scope="col">提交时间</th><th scope="col">业务</th><th scope="col">状态</th></tr></thead>
    <tbody>
    {{#OPEN_ORDER}}<tr data-order="{{ID}}"><td>{{AT}}</td><td><a href="{{HREF}}">{{BUSINESS}}</a></td><td class="result-{{STATE_CLASS}}">{{STATE}}：已提交网络，等待确认</td></tr>
    {{/OPEN_ORDER}}
    {{#PENDING_PLAN}}<tr id="pending-plan"><td>{{AT}}</td><td><a href="/service/plan">套餐计划变更：{{NAME}}</a></td><td class="result-pending">待生效：{{EFFECTIVE}} 起生效</td></tr>
    {{/PENDING_PLAN}}
    {{#PENDING_SIM}}<tr id="pending-sim"><td>{{AT}}</td><td><a href="/service/sim">跨区补卡：新卡 {{ICCID}}</a></td><td class="result-pending">待寄送：收到后请激活</td></tr>
    {{/PENDING_SIM}}
    </tbody>
  </table>
  {{#NO_OPEN_ORDER}}<p class="empty">没有处理中的业务。</p>{{/NO_OPEN_ORDER}}
  <h2>最近办理的业务</h2>
  <table class="list" aria-label="最近办理的业务">
    <thead><tr><th scope="col">提交时间</th><th scope="col">业务</th><th scope="col">结果</th></tr></thead>
    <tbody>
    {{#ORDER}}<tr data-order="{{ID}}"><td>{{AT}}</td><td><a href="{{HREF}}">{{BUSINESS}}</a></td><td class="result-{{STATE_CLASS}}">{{STATE}}</td></tr>
    {{/ORDER}}
    </tbody>
  </table>
  {{#NO_ORDER}}<p class="empty">暂无已完成的网络业务。</p>{{/NO_ORDER}}
</section>
<section class="card">
  <h2>最近的受理记录</h2>
  <table class="list" aria-label="最近的受理记录">
    <thead><tr><th scope="col">受理时间</th><th scope="col">业务</th><th scope="col">渠道</th><th scope="col">结果</th><th scope="col">说明</th></tr></thead>
    <tbody>
    {{#RECENT}}<tr><td>{{AT}}</td><td>{{BUSINESS}}</td><td>{{CHANNEL}}</td><td class="result-{{RESULT_CLASS}}">{{RESULT}}</td><td>{{DETAIL}}</td></tr>
    {{/RECENT}}
    </tbody>
  </table>
  {{#NO_RECENT}}<p class="empty">暂无业务受理记录。</p>{{/NO_RECENT}}
  <p><a href="/service/history">查看近 3 个月的全部受理记录</a></p>
</section>
