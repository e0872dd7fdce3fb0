{{%AUTOESCAPE context="HTML"}}<section class="card">
  <p class="crumbs"><a href="/service/">业务受理</a> › 套餐计划变更</p>
  <h1>套餐计划变更</h1>
  <table class="result" aria-label="当前套餐">
    <tr><th scope="row">手机号码</th><td id="msisdn">{{MSISDN}}</td></tr>
    <tr><th scope="row">品牌</th><td>{{BRAND}}</td></tr>
    <tr><th scope="row">当前套餐</th><td id="current-plan">{{PLAN}}</td></tr>
    <tr><th scope="row">月费</th><td id="current-fee">{{FEE}}</td></tr>
  </table>
  <h2>办理说明</h2>
  <ul class="explain">
    <li>套餐变更<strong>次月生效</strong>：本月申请，自 {{NEXT_FIRST}} 起按新套餐计费，本月仍按当前套餐计费。</li>
    <li>每月只能有一笔待生效的变更；生效前可以取消，取消后可重新选择。</li>
    {{#FREEZE_RULE}}<li>业务冻结期：每月最后 <strong id="freeze-days">{{DAYS}}</strong> 天系统准备下月套餐，此期间不受理套餐变更和取消。</li>{{/FREEZE_RULE}}
    {{#NO_FREEZE}}<li>本省不设套餐业务冻结期，每天均可办理。</li>{{/NO_FREEZE}}
  </ul>
  {{#ERROR}}<p class="notice" role="alert">{{MESSAGE}}</p>{{/ERROR}}
  {{#FROZEN}}<p class="notice" role="alert" id="frozen">{{MESSAGE}}</p>{{/FROZEN}}
  {{#PENDING}}<h2>待生效的变更</h2>
  <table class="result" aria-label="待生效的变更" id="pending-change">
    <tr><th scope="row">变更为</th><td id="pending-plan">{{NAME}}（月费 {{FEE}}）</td></tr>
    <tr><th scope="row">生效日期</th><td id="pending-effective">{{EFFECTIVE}}</td></tr>
    <tr><th scope="row">申请时间</th><td>{{AT}}</td></tr>
  </table>
  {{#CANCEL}}<form method="post" action="/service/plan/cancel">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <input type="hidden" name="id" value="{{ID}}">
    <button type="submit" id="cancel-change">取消这笔变更申请</button>
  </form>{{/CANCEL}}{{/PENDING}}
  <h2>可选套餐</h2>
  {{#ONE_PENDING}}<p class="hint">已有待生效的变更；如需改选其他套餐，请先取消该申请。</p>{{/ONE_PENDING}}
  {{#FORM}}<form method="post" action="/service/plan" id="plan-form">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <input type="hidden" name="request_id" value="{{REQUEST_ID}}">{{/FORM}}
  <table class="list" aria-label="可选套餐">
    <thead><tr><th scope="col">选择</th><th scope="col">套餐</th><th scope="col">月费</th><th scope="col">业务规则和资费</th></tr></thead>
    <tbody>
    {{#OFFER}}<tr id="plan-{{CODE}}"><td class="choose">{{#CHOOSE}}<input type="radio" name="plan" value="{{CODE}}" id="choose-{{CODE}}" required aria-label="选择{{NAME}}">{{/CHOOSE}}{{#CURRENT}}<span class="tag">当前套餐</span>{{/CURRENT}}</td><td>{{NAME}}</td><td>{{FEE}}</td><td><ul class="rules">{{#RULE}}<li>{{TEXT}}</li>{{/RULE}}</ul></td></tr>
    {{/OFFER}}
    </tbody>
  </table>
  {{#NO_PLANS}}<p class="empty">您的品牌暂无可在网上变更的套餐，请到营业厅咨询。</p>{{/NO_PLANS}}
  {{#FORM_END}}<p class="hint">新套餐自 {{NEXT_FIRST}} 起生效。</p>
    <button type="submit" id="confirm">申请变更套餐</button> <a class="cancel" href="/service/">返回</a>
  </form>{{/FORM_END}}
  <p><a href="/service/">返回业务受理</a></p>
</section>
