{{%AUTOESCAPE context="HTML"}}<section class="card">
  <p class="crumbs"><a href="/complaints/">投诉与建议</a> › {{KIND_LABEL}} {{TRACK_NO}}</p>
  <h1>{{TITLE_VALUE}}</h1>
  {{#NOTICE}}<p class="ok" role="status">{{MESSAGE}}</p>{{/NOTICE}}
  {{#ERROR}}<p class="notice" role="alert">{{MESSAGE}}</p>{{/ERROR}}
  <table class="complaint-facts">
    <tr><th scope="row">受理编号</th><td id="track-no">{{TRACK_NO}}</td></tr>
    <tr><th scope="row">类型</th><td>{{KIND_LABEL}}（{{CATEGORY}}）</td></tr>
    <tr><th scope="row">手机号码</th><td>{{MSISDN_MASKED}}</td></tr>
    <tr><th scope="row">处理状态</th><td><strong id="status" class="status status-{{STATUS}}">{{STATUS_LABEL}}</strong>{{#RECOMPLAINED}} <span class="tag">再投诉 {{COUNT}} 次</span>{{/RECOMPLAINED}}</td></tr>
    <tr><th scope="row">提交时间</th><td>{{CREATED}}</td></tr>
    <tr><th scope="row">承诺答复时间</th><td id="due">{{DUE}} 前</td></tr>
  </table>
  <h2>内容</h2>
  <p class="complaint-text">{{CONTENT}}</p>
  {{#RESULT}}<h2>办理结果</h2>
  <p class="complaint-text" id="result">{{TEXT}}</p>{{/RESULT}}
  {{#REPLY}}<h2>答复（{{AT}}）</h2>
  <p class="complaint-text reply">{{TEXT}}</p>{{/REPLY}}
  <h2>处理部门</h2>
  {{#NO_WORK_ORDERS}}<p class="hint">尚未转交其他部门，由受理的客服人员处理。</p>{{/NO_WORK_ORDERS}}
  {{#WORK_ORDER}}<p>{{TARGET}}：{{STATE}}（{{WHEN_LABEL}} {{WHEN}}）</p>{{/WORK_ORDER}}
  <h2>处理记录</h2>
  <ol class="complaint-history">
    {{#EVENT}}<li><span class="nowrap">{{AT}}</span> {{LABEL}}{{#STATUS_AFTER}}（{{VALUE}}）{{/STATUS_AFTER}}{{#TEXT}}：<span class="complaint-text">{{VALUE}}</span>{{/TEXT}}</li>{{/EVENT}}
  </ol>
  {{#RATED}}<h2>您的评价</h2>
  <p id="rating">满意度 {{RATING}} 星{{#COMMENT}}：{{TEXT}}{{/COMMENT}}（{{CONFIRMED}} 确认）</p>{{/RATED}}
</section>
{{#RATE}}<section class="card complaint-followup">
  <h2>确认结果并评价</h2>
  <form method="post" action="/complaints/rate">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <input type="hidden" name="track_no" value="{{TRACK_NO}}">
    <fieldset class="rating"><legend>满意度</legend>
      <label><input type="radio" name="rating" value="5" required> 5 非常满意</label>
      <label><input type="radio" name="rating" value="4"> 4 满意</label>
      <label><input type="radio" name="rating" value="3"> 3 一般</label>
      <label><input type="radio" name="rating" value="2"> 2 不满意</label>
      <label><input type="radio" name="rating" value="1"> 1 非常不满意</label>
    </fieldset>
    <label for="comment">评价意见（选填）</label>
    <textarea id="comment" name="comment" rows="3" maxlength="200"></textarea>
    <p class="hint">确认后本次处理结果的评价不能修改。</p>
    <button type="submit">确认并评价</button>
  </form>
</section>{{/RATE}}
{{#RECOMPLAIN}}<section class="card complaint-followup">
  <h2>对处理结果不满意？再投诉</h2>
  <form method="post" action="/complaints/recomplain">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <input type="hidden" name="track_no" value="{{TRACK_NO}}">
    <label for="reason">再投诉理由</label>
    <textarea id="reason" name="reason" rows="4" maxlength="1000" required></textarea>
    <p class="hint">再投诉后本受理将重新进入处理流程，并标记为再投诉。</p>
    <button type="submit">提交再投诉</button>
  </form>
</section>{{/RECOMPLAIN}}
