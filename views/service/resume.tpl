{{%AUTOESCAPE context="HTML"}}<section class="card narrow">
  <p class="crumbs"><a href="/service/">业务受理</a> › 恢复开机</p>
  <h1>恢复开机</h1>
  <table class="result" aria-label="号码状态">
    <tr><th scope="row">手机号码</th><td id="msisdn">{{MSISDN}}</td></tr>
    <tr><th scope="row">号码状态</th><td id="line-status" data-status="{{STATUS_CLASS}}">{{STATUS}}</td></tr>
  </table>
  <h2>恢复开机说明</h2>
  <ul class="explain">
    <li>已报停的号码可以在网上恢复开机，恢复后本号码的通信服务恢复正常。</li>
    <li>已挂失的号码不能在网上恢复，请机主本人持有效身份证件到营业厅办理解挂和重新开通。</li>
    <li>恢复请求提交后将发送到网络，网络确认后才生效，一般需要几秒到几分钟。</li>
  </ul>
  {{#ERROR}}<p class="notice" role="alert">{{MESSAGE}}</p>{{/ERROR}}
  {{#REFUSED}}<p class="notice" role="alert" id="refused">{{MESSAGE}}</p>{{/REFUSED}}
  {{#PENDING}}<p class="notice" role="alert" id="refused">本号码有一笔业务正在处理中，请等待网络确认后再办理。<a href="{{HREF}}">查看处理进度</a></p>{{/PENDING}}
  {{#FORM}}<form method="post" action="/service/resume">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <input type="hidden" name="request_id" value="{{REQUEST_ID}}">
    <p class="hint">确认为号码 {{MSISDN}} 恢复开机？</p>
    <button type="submit" id="confirm">确认恢复开机</button> <a class="cancel" href="/service/">取消</a>
  </form>{{/FORM}}
  <p><a href="/service/">返回业务受理</a></p>
</section>
