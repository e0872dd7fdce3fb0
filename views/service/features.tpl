{{%AUTOESCAPE context="HTML"}}<section class="card">
  <p class="crumbs"><a href="/service/">业务受理</a> › 业务申请和取消</p>
  <h1>业务申请和取消</h1>
  <p class="hint">号码 {{MSISDN}}（{{STATUS}}）的通信业务及当前状态。申请或取消将发送到网络，网络确认后才生效；处理中的业务请稍后刷新查看。国际漫游和国际长途另有押金规定的，以本省规定为准。</p>
  {{#NOT_ACTIVE}}<p class="notice" role="alert" id="refused">本号码当前状态为{{STATUS}}，暂不能办理业务申请和取消。</p>{{/NOT_ACTIVE}}
  {{#ERROR}}<p class="notice" role="alert">{{MESSAGE}}</p>{{/ERROR}}
  <table class="list" aria-label="业务状态">
    <thead><tr><th scope="col">业务</th><th scope="col">说明</th><th scope="col">当前状态</th><th scope="col">办理</th></tr></thead>
    <tbody>
    {{#FEATURE}}<tr id="feature-{{CODE}}" data-state="{{STATE_CLASS}}"><td>{{LABEL}}</td><td class="hint">{{HINT}}</td><td class="state">{{STATE}}{{#PARAM}}（转移到 {{PARAM}}）{{/PARAM}}</td><td>{{#PENDING}}<a href="{{HREF}}">处理中：{{WHAT}}</a>{{/PENDING}}{{#SWITCH}}<form method="post" action="/service/features" class="feature-switch">
      <input type="hidden" name="csrf" value="{{CSRF}}">
      <input type="hidden" name="request_id" value="{{REQUEST_ID}}">
      <input type="hidden" name="feature" value="{{CODE}}">
      <input type="hidden" name="enabled" value="{{ENABLED}}">
      {{#FORWARD_TO}}<label for="forward_to">转移到号码</label>
      <input id="forward_to" name="forward_to" type="text" inputmode="numeric" maxlength="20" pattern="[0-9]{5,20}" required autocomplete="off">{{/FORWARD_TO}}
      <button type="submit">{{BUTTON}}</button>
    </form>{{/SWITCH}}</td></tr>
    {{/FEATURE}}
    </tbody>
  </table>
  <p><a href="/service/">返回业务受理</a></p>
</section>
