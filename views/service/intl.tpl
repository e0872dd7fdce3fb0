{{%AUTOESCAPE context="HTML"}}<section class="card narrow">
  <p class="crumbs"><a href="/service/">业务受理</a> › {{TITLE}}</p>
  <h1>{{TITLE}}</h1>
  <h2>{{NAME}}开通状况</h2>
  <table class="result" aria-label="{{NAME}}开通状况">
    <tr><th scope="row">手机号码</th><td id="msisdn">{{MSISDN}}</td></tr>
    <tr><th scope="row">品牌 / 归属</th><td>{{BRAND}} · {{PROVINCE}}</td></tr>
    <tr><th scope="row">号码状态</th><td id="line-status" data-status="{{STATUS_CLASS}}">{{STATUS}}</td></tr>
    <tr><th scope="row">{{NAME}}</th><td id="intl-state" data-state="{{STATE_CLASS}}">{{STATE}}</td></tr>
    <tr><th scope="row">所需保证金</th><td id="deposit-required">{{#DEPOSIT}}{{REQUIRED}}{{/DEPOSIT}}{{#NO_DEPOSIT}}无需保证金{{/NO_DEPOSIT}}</td></tr>
    <tr><th scope="row">已缴保证金</th><td id="deposit-held">{{HELD}}</td></tr>
    <tr><th scope="row">账户余额</th><td id="balance">{{BALANCE}}</td></tr>
  </table>
  <h2>办理说明</h2>
  <ul class="explain">
    {{#EXPLAIN_ROAMING}}<li>开通国际漫游后，可在国外及港澳台地区使用本号码拨打、接听电话和收发短信，费用按漫游所在地资费标准收取。</li>
    <li>出境前请确认手机支持当地网络制式；境外可拨打 +86 13800100186 联系客服。</li>{{/EXPLAIN_ROAMING}}
    {{#EXPLAIN_IDD}}<li>开通国际直拨后，可直接拨打国际及港澳台长途电话（00 + 国家或地区代码 + 号码），费用按国际长途资费标准收取。</li>{{/EXPLAIN_IDD}}
    <li>{{PROVINCE}}{{BRAND}}客户{{#DEPOSIT}}开通{{NAME}}须有保证金 <strong>{{REQUIRED}}</strong>：已缴保证金或账户余额达到该金额即可申请；保证金可到营业厅或通过银行划账缴纳，停用后可申请退还。{{/DEPOSIT}}{{#NO_DEPOSIT}}开通{{NAME}}无需保证金。{{/NO_DEPOSIT}}</li>
    <li>申请和取消将发送到网络，网络确认后才生效，一般需要几秒到几分钟。</li>
  </ul>
  {{#ERROR}}<p class="notice" role="alert">{{MESSAGE}}</p>{{/ERROR}}
  {{#REFUSED}}<p class="notice" role="alert" id="refused">{{MESSAGE}}</p>{{/REFUSED}}
  {{#NOT_ACTIVE}}<p class="notice" role="alert" id="refused">本号码当前状态为{{STATUS}}，暂不能办理{{TITLE}}。</p>{{/NOT_ACTIVE}}
  {{#PENDING}}<p class="notice" role="alert" id="refused">{{NAME}}有一笔业务正在处理中，请等待网络确认。<a href="{{HREF}}">查看处理进度</a></p>{{/PENDING}}
  {{#APPLY}}<form method="post" action="{{PATH}}">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <input type="hidden" name="request_id" value="{{REQUEST_ID}}">
    <input type="hidden" name="action" value="apply">
    <p class="hint">确认为号码 {{MSISDN}} 申请开通{{NAME}}？</p>
    <button type="submit" id="confirm">申请开通{{NAME}}</button> <a class="cancel" href="/service/">返回</a>
  </form>{{/APPLY}}
  {{#CANCEL}}<form method="post" action="{{PATH}}">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <input type="hidden" name="request_id" value="{{REQUEST_ID}}">
    <input type="hidden" name="action" value="cancel">
    <p class="hint">确认为号码 {{MSISDN}} 取消{{NAME}}？网络确认后{{NAME}}即停止使用。</p>
    <button type="submit" id="confirm">取消{{NAME}}</button> <a class="cancel" href="/service/">返回</a>
  </form>{{/CANCEL}}
  <p><a href="/service/">返回业务受理</a></p>
</section>
