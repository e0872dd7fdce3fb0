{{%AUTOESCAPE context="HTML"}}<section class="card narrow">
  <p class="crumbs"><a href="/service/">业务受理</a> › {{BUSINESS}}</p>
  <h1>{{BUSINESS}}</h1>
  {{#PENDING}}<p class="notice" role="status" id="order-state" data-state="pending">处理中：已提交网络，等待确认。网络确认后业务才生效，请稍后<a href="{{HREF}}" id="refresh">刷新本页</a>查看结果。</p>{{/PENDING}}
  {{#DONE}}<p class="ok" role="status" id="order-state" data-state="done">已完成：网络已确认，{{BUSINESS}}已生效。</p>{{/DONE}}
  {{#FAILED}}<p class="notice" role="alert" id="order-state" data-state="failed">失败：{{MESSAGE}}</p>{{/FAILED}}
  <table class="result" aria-label="业务单">
    <tr><th scope="row">业务单号</th><td id="order-id">{{ID}}</td></tr>
    <tr><th scope="row">手机号码</th><td id="msisdn">{{MSISDN}}</td></tr>
    <tr><th scope="row">业务</th><td>{{BUSINESS}}</td></tr>
    {{#PARAM}}<tr><th scope="row">{{LABEL}}</th><td id="param">{{PARAM}}</td></tr>{{/PARAM}}
    <tr><th scope="row">提交时间</th><td>{{CREATED}}</td></tr>
    {{#FINISHED}}<tr><th scope="row">完成时间</th><td>{{DONE_AT}}</td></tr>{{/FINISHED}}
    <tr><th scope="row">号码当前状态</th><td id="line-status" data-status="{{LINE_STATUS_CLASS}}">{{LINE_STATUS}}</td></tr>
  </table>
  <p>{{#BACK_FEATURES}}<a href="/service/features">返回业务申请和取消</a> · {{/BACK_FEATURES}}{{#BACK_INTL}}<a href="{{HREF}}">{{LABEL}}</a> · {{/BACK_INTL}}{{#BACK_SIM}}<a href="/service/sim">返回跨区补卡</a> · {{/BACK_SIM}}<a href="/service/history">查看受理记录</a> · <a href="/service/">返回业务受理</a></p>
</section>
