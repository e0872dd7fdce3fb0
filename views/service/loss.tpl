{{%AUTOESCAPE context="HTML"}}<section class="card narrow">
  <p class="crumbs"><a href="/service/">业务受理</a> › 挂失申请</p>
  <h1>挂失申请</h1>
  <table class="result" aria-label="号码状态">
    <tr><th scope="row">手机号码</th><td id="msisdn">{{MSISDN}}</td></tr>
    <tr><th scope="row">号码状态</th><td id="line-status" data-status="{{STATUS_CLASS}}">{{STATUS}}</td></tr>
  </table>
  <h2>挂失的后果</h2>
  <ul class="explain">
    <li>挂失后本号码<strong>停机</strong>：不能拨打和接听电话，不能收发短信，不能使用上网流量，以防他人冒用。</li>
    <li>挂失<strong>不能在网上撤销</strong>，也不能在网上恢复开机。</li>
    <li>挂失期间号码保留，月租等费用按本省资费规定收取。</li>
  </ul>
  <h2>重新开通的手续</h2>
  <ul class="explain">
    <li>机主本人持有效身份证件（居民身份证等）到任一营业厅办理解挂；</li>
    <li>如手机或 SIM 卡已丢失，可同时办理补卡，新卡开通后原卡作废；</li>
    <li>解挂或补卡完成后，号码恢复正常使用。</li>
  </ul>
  {{#ERROR}}<p class="notice" role="alert">{{MESSAGE}}</p>{{/ERROR}}
  {{#REFUSED}}<p class="notice" role="alert" id="refused">{{MESSAGE}}</p>{{/REFUSED}}
  {{#PENDING}}<p class="notice" role="alert" id="refused">本号码有一笔业务正在处理中，请等待网络确认后再办理。<a href="{{HREF}}">查看处理进度</a></p>{{/PENDING}}
  {{#FORM}}<form method="post" action="/service/loss">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <input type="hidden" name="request_id" value="{{REQUEST_ID}}">
    <p class="hint">我已了解挂失的后果和重新开通的手续。请再次输入号码 {{MSISDN}} 的服务密码，确认挂失。</p>
    <label for="password">服务密码</label>
    <input id="password" name="password" type="password" inputmode="numeric" maxlength="6" pattern="[0-9]{6}" required autocomplete="current-password">
    <button type="submit" id="confirm">确认挂失</button> <a class="cancel" href="/service/">取消</a>
  </form>{{/FORM}}
  <p><a href="/service/">返回业务受理</a></p>
</section>
