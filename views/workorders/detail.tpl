{{%AUTOESCAPE context="HTML"}}<section class="card">
  <p class="crumbs"><a href="/admin/complaints/">投诉工单</a> › {{TRACK_NO}}</p>
  <h1>{{KIND}} {{TRACK_NO}} <span class="wo-status wo-{{STATUS_CODE}}" id="status">{{STATUS}}</span>{{#OVERDUE}} <span class="tag wo-overdue">超时</span>{{/OVERDUE}}{{#ESCALATED}} <span class="tag wo-escalated">已升级（{{AT}}）</span>{{/ESCALATED}}{{#RECOMPLAINT}} <span class="tag wo-re">再投诉×{{COUNT}}</span>{{/RECOMPLAINT}}</h1>
  {{#DONE}}<p class="ok" role="status">{{MESSAGE}}</p>{{/DONE}}
  <table class="result">
    <tr><th scope="row">标题</th><td>{{TITLE}}</td></tr>
    <tr><th scope="row">内容</th><td class="wo-text">{{CONTENT}}</td></tr>
    <tr><th scope="row">分类</th><td id="category">{{CATEGORY}} <span class="hint">（系统分类：{{AUTO_CATEGORY}}；客户选择：{{CUSTOMER_CATEGORY}}）</span></td></tr>
    <tr><th scope="row">手机号码</th><td>{{MSISDN}}</td></tr>
    <tr><th scope="row">联系方式</th><td>{{EMAIL}} {{CONTACT}}</td></tr>
    <tr><th scope="row">归属地</th><td>{{HOME}}</td></tr>
    <tr><th scope="row">处理单位</th><td id="handler">{{HANDLER}}</td></tr>
    <tr><th scope="row">提交时间</th><td>{{CREATED}}</td></tr>
    <tr><th scope="row">答复期限</th><td>{{DUE}}</td></tr>
    {{#RESULT}}<tr><th scope="row">办结结果</th><td class="wo-text">{{TEXT}}（{{CLOSED}}）</td></tr>{{/RESULT}}
    {{#RATING}}<tr><th scope="row">客户评价</th><td>{{STARS}} / 5 {{COMMENT}} {{CONFIRMED}}</td></tr>{{/RATING}}
  </table>
</section>

<section class="card" aria-labelledby="h-history">
  <h2 id="h-history">处理记录</h2>
  <ol class="wo-history">
    {{#EVENT}}<li class="wo-event{{#INTERNAL}} wo-internal{{/INTERNAL}}" data-kind="{{KIND_CODE}}"><span class="nowrap">{{AT}}</span> <strong>{{KIND}}</strong>{{#INTERNAL}} <span class="tag">内部，客户不可见</span>{{/INTERNAL}}{{#STATUS_AFTER}} → {{STATUS}}{{/STATUS_AFTER}} <span class="hint">{{STAFF}}</span><div class="wo-text">{{TEXT}}</div></li>
    {{/EVENT}}
  </ol>
</section>

<section class="card" aria-labelledby="h-wo">
  <h2 id="h-wo">工单</h2>
  {{#NO_WORK_ORDERS}}<p class="empty">尚未派发工单。</p>{{/NO_WORK_ORDERS}}
  {{#WORK_ORDER}}<div class="wo-order" id="wo-{{ID}}">
    <h3>工单 {{ID}}：{{TARGET}} <span class="wo-status wo-{{STATUS_CODE}}">{{STATUS}}</span>{{#OVERDUE}} <span class="tag wo-overdue">超时</span>{{/OVERDUE}}{{#ESCALATED}} <span class="tag wo-escalated">升级</span>{{/ESCALATED}}</h3>
    <p class="hint">{{BY}} 派发于 {{CREATED}}，处理期限 {{DUE}}{{#DONE_AT}}，办结于 {{DONE_AT}}{{/DONE_AT}}</p>
    <p class="wo-text">处理要求：{{INSTRUCTIONS}}</p>
    <p class="wo-text">处理结果：{{ANSWER}}</p>
    {{#COMPLETE_FORM}}<form method="post" action="/admin/complaints/complete">
      <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="id" value="{{ID_COMPLAINT}}"><input type="hidden" name="wo" value="{{ID}}">
      <label for="wo-answer-{{ID}}">处理结果（内部，由投诉负责单位答复客户）</label>
      <textarea id="wo-answer-{{ID}}" name="text" rows="3" maxlength="2000" required></textarea>
      <button type="submit">办结工单</button>
    </form>{{/COMPLETE_FORM}}
  </div>{{/WORK_ORDER}}
</section>

<section class="card" aria-labelledby="h-actions">
  <h2 id="h-actions">处理</h2>
  {{#CLOSED_NOTICE}}<p class="hint">该投诉已办结。客户再投诉时会重新打开；仍可添加内部备注。</p>{{/CLOSED_NOTICE}}
  <div class="wo-actions">
  {{#ACTIONS}}
  <form method="post" action="/admin/complaints/review" class="wo-form">
    <h3>复核</h3>
    <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="id" value="{{ID}}">
    <label for="review-category">分类（可更正）</label>
    <select id="review-category" name="category">{{#CATEGORY_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/CATEGORY_OPTION}}</select>
    <label for="review-text">复核意见（内部）</label>
    <textarea id="review-text" name="text" rows="2" maxlength="500"></textarea>
    <button type="submit">复核</button>
  </form>
  <form method="post" action="/admin/complaints/reply" class="wo-form">
    <h3>答复客户</h3>
    <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="id" value="{{ID}}">
    <label for="reply-text">答复内容（客户可见，并以短信和邮件发送）</label>
    <textarea id="reply-text" name="text" rows="4" maxlength="2000" required></textarea>
    <button type="submit">发送答复</button>
  </form>
  {{#DISPATCH}}<form method="post" action="/admin/complaints/dispatch" class="wo-form">
    <h3>派发工单</h3>
    <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="id" value="{{ID}}">
    {{#DISPATCH_HQ}}<fieldset><legend>派发对象</legend>
      <label><input type="radio" name="target" value="department" checked> 集团公司部门</label>
      <select name="department" aria-label="部门">{{#DEPARTMENT_OPTION}}<option value="{{VALUE}}">{{LABEL}}</option>{{/DEPARTMENT_OPTION}}</select>
      <label><input type="radio" name="target" value="province"> 省公司</label>
      <select name="province" aria-label="省公司">{{#PROVINCE_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/PROVINCE_OPTION}}</select>
    </fieldset>{{/DISPATCH_HQ}}
    {{#DISPATCH_PROVINCE}}<input type="hidden" name="target" value="city">
    <label for="dispatch-city">地市分公司</label>
    <select id="dispatch-city" name="city">{{#CITY_OPTION}}<option value="{{VALUE}}">{{LABEL}}</option>{{/CITY_OPTION}}</select>{{/DISPATCH_PROVINCE}}
    <label for="dispatch-text">处理要求（内部）</label>
    <textarea id="dispatch-text" name="text" rows="2" maxlength="500"></textarea>
    <p class="hint">处理期限按该分类的服务时限自动计算。客户将收到“已转交处理”的通知。</p>
    <button type="submit">派发</button>
  </form>{{/DISPATCH}}
  <div class="wo-form">
    <h3>移交与办结</h3>
    {{#TO_HEAD_OFFICE}}<form method="post" action="/admin/complaints/transfer" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="id" value="{{ID}}"><input type="hidden" name="to" value="head_office"><button type="submit">移交集团公司</button></form>{{/TO_HEAD_OFFICE}}
    {{#TO_PROVINCE}}<form method="post" action="/admin/complaints/transfer" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="id" value="{{ID}}"><input type="hidden" name="to" value="province"><button type="submit">交回{{PROVINCE}}公司</button></form>{{/TO_PROVINCE}}
    <a class="button" href="/admin/complaints/close?id={{ID:url_query_escape}}">办结…</a>
  </div>
  {{/ACTIONS}}
  <form method="post" action="/admin/complaints/note" class="wo-form">
    <h3>内部备注</h3>
    <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="id" value="{{ID}}">
    <label for="note-text">备注（仅员工可见，不会发送给客户）</label>
    <textarea id="note-text" name="text" rows="2" maxlength="2000" required></textarea>
    <button type="submit">保存备注</button>
  </form>
  </div>
</section>
