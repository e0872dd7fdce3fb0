{{%AUTOESCAPE context="HTML"}}<section class="card narrow">
  <p class="crumbs"><a href="/service/">业务受理</a> › 手机报停</p>
  <h1>手机报停</h1>
  <table class="result" aria-label="号码状态">
    <tr><th scope="row">手机号码</th><td id="msisdn">{{MSISDN}}</td></tr>
    <tr><th scope="row">号码状态</th><td id="line-status" data-status="{{STATUS_CLASS}}">{{STATUS}}</td></tr>
  </table>
  <h2>报停说明</h2>
  <ul class="explain">
    <li>报停后，本号码的<strong>全部通信服务暂停</strong>：不能拨打和接听电话，不能收发短信，不能使用上网流量。</li>
    <li>手机丢失时报停，可以避免他人使用本号码产生费用。若需要防止补卡和冒用，请办理<a href="/service/loss">挂失申请</a>。</li>
    <li>报停期间号码保留，月租等费用按本省资费规定收取。</li>
    <li>恢复使用：登录网上营业厅办理<a href="/service/resume">恢复开机</a>，或到营业厅办理。</li>
    <li>报停请求提交后将发送到网络，网络确认后才生效，一般需要几秒到几分钟。</li>
  </ul>
  {{#ERROR}}<p class="notice" role="alert">{{MESSAGE}}</p>{{/ERROR}}
  {{#REFUSED}}<p class="notice" role="alert" id="refused">{{MESSAGE}}</p>{{/REFUSED}}
  {{#PENDING}}<p class="notice" role="alert" id="refused">本号码有一笔业务正在处理中，请等待网络确认后再办理。<a href="{{HREF}}">查看处理进度</a></p>{{/PENDING}}
  {{#FORM}}<form method="post" action="/service/suspend">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <input type="hidden" name="request_id" value="{{REQUEST_ID}}">
    <p class="hint">确认为号码 {{MSISDN}} 办理报停？报停后全部通信服务暂停，直到您办理恢复开机。</p>
    <button type="submit" id="confirm">确认报停</button> <a class="cancel" href="/service/">取消</a>
  </form>{{/FORM}}
  <p><a href="/service/">返回业务受理</a></p>
</section>
