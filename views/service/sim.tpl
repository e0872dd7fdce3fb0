{{%AUTOESCAPE context="HTML"}}<section class="card narrow">
  <p class="crumbs"><a href="/service/">业务受理</a> › 跨区补卡</p>
  <h1>跨区补卡</h1>
  <table class="result" aria-label="号码状态">
    <tr><th scope="row">手机号码</th><td id="msisdn">{{MSISDN}}</td></tr>
    <tr><th scope="row">号码状态</th><td id="line-status" data-status="{{STATUS_CLASS}}">{{STATUS}}</td></tr>
    {{#ORIGINAL_CARD}}<tr><th scope="row">当前 SIM 卡</th><td id="old-card">入网时的 SIM 卡（使用中）</td></tr>{{/ORIGINAL_CARD}}
    {{#OLD_CARD}}<tr><th scope="row">当前 SIM 卡</th><td id="old-card" data-iccid="{{ICCID}}">ICCID {{ICCID}}（使用中{{#ACTIVATED}}，{{ACTIVATED}} 激活{{/ACTIVATED}}）</td></tr>{{/OLD_CARD}}
  </table>
  {{#ERROR}}<p class="notice" role="alert">{{MESSAGE}}</p>{{/ERROR}}
  {{#NEW_CARD}}<h2>新卡</h2>
  <table class="result" aria-label="新卡" id="new-card" data-iccid="{{ICCID}}">
    <tr><th scope="row">新卡 ICCID</th><td id="new-iccid">{{ICCID}}</td></tr>
    <tr><th scope="row">状态</th><td id="new-state" data-state="inactive">待寄送 / 未激活</td></tr>
    <tr><th scope="row">寄送城市</th><td>{{CITY}}</td></tr>
    <tr><th scope="row">收卡地址</th><td>{{ADDRESS}}</td></tr>
    <tr><th scope="row">联系电话</th><td>{{PHONE}}</td></tr>
    <tr><th scope="row">申请时间</th><td>{{CREATED}}</td></tr>
  </table>
  <p class="hint">新卡将以挂号信或快递寄往上述地址，一般 3 至 5 个工作日送达。寄送期间新卡<strong>不能使用</strong>，原卡照常使用；收到新卡后请在本页激活，激活成功后原卡立即失效。</p>{{/NEW_CARD}}
  {{#ACTIVATING}}<p class="notice" role="status" id="activating">新卡激活已提交网络，等待确认。<a href="{{HREF}}">查看处理进度</a></p>{{/ACTIVATING}}
  {{#ACTIVATION_FAILED}}<p class="notice" role="alert" id="activation-failed">上次激活失败：{{MESSAGE}}（<a href="{{HREF}}">业务单</a>）。新卡仍未激活，原卡照常使用，您可以再次激活。</p>{{/ACTIVATION_FAILED}}
  {{#CLOSED}}<p class="notice" role="alert" id="refused">本号码已销号，不能办理补卡。</p>{{/CLOSED}}
  {{#ACTIVATE}}<h2>激活新卡</h2>
  <form method="post" action="/service/sim/activate">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <input type="hidden" name="request_id" value="{{REQUEST_ID}}">
    <p class="hint">请确认已收到 ICCID 为 {{ICCID}} 的新卡（号码印在卡片背面）。激活后原卡失效，不能恢复。</p>
    <p><label for="password">服务密码</label>
    <input id="password" name="password" type="password" inputmode="numeric" pattern="[0-9]{6}" maxlength="6" required autocomplete="current-password"></p>
    <button type="submit" id="activate">已收到新卡，确认激活</button>
  </form>{{/ACTIVATE}}
  {{#REQUEST}}<h2>补卡说明</h2>
  <ul class="explain">
    <li>适用于在外省（或归属地以外）时手机或 SIM 卡丢失、损坏，需要补办新卡的客户。</li>
    <li>补卡不换号码，号码、余额、套餐和已开通的业务不变；新卡寄到您填写的地址。</li>
    <li>寄送期间新卡未激活，原卡照常使用。收到新卡后在本页<strong>再次输入服务密码</strong>激活，网络确认后新卡生效、原卡作废。</li>
    <li>手机丢失的，建议先办理<a href="/service/loss">挂失</a>，防止他人冒用。</li>
  </ul>
  <h2>申请补卡</h2>
  <form method="post" action="/service/sim">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <input type="hidden" name="request_id" value="{{REQUEST_ID}}">
    <p><label for="city">所在城市</label>
    <select id="city" name="city" required>
      <option value="">请选择</option>
      {{#PROVINCE}}<optgroup label="{{NAME}}">{{#CITY}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/CITY}}</optgroup>
      {{/PROVINCE}}
    </select></p>
    <p><label for="address">收卡地址</label>
    <input id="address" name="address" type="text" maxlength="128" required value="{{ADDRESS}}" autocomplete="street-address"></p>
    <p><label for="contact_phone">联系电话</label>
    <input id="contact_phone" name="contact_phone" type="text" inputmode="numeric" pattern="[0-9]{7,20}" maxlength="20" required value="{{PHONE}}" autocomplete="tel"></p>
    <p class="hint">快递员将联系此电话；请勿填写需要补卡的本号码。</p>
    <p><label for="password">服务密码</label>
    <input id="password" name="password" type="password" inputmode="numeric" pattern="[0-9]{6}" maxlength="6" required autocomplete="current-password"></p>
    <button type="submit" id="confirm">确认申请补卡</button> <a class="cancel" href="/service/">返回</a>
  </form>{{/REQUEST}}
  <p><a href="/service/">返回业务受理</a></p>
</section>
