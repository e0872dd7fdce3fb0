{{%AUTOESCAPE context="HTML"}}<section class="card narrow">
  <p class="crumbs"><a href="/service/">业务受理</a> › 话费卡缴费</p>
  <h1>充值成功</h1>
  <p class="ok" role="status">已为号码 {{MSISDN}} 充值 {{VALUE}}，充值已生效。</p>
  <table class="result" aria-label="充值结果">
    <tr><th scope="row">充值卡卡号</th><td id="card-no">{{CARD_NO}}</td></tr>
    <tr><th scope="row">充值金额</th><td id="value">{{VALUE}}</td></tr>
    <tr><th scope="row">充值时间</th><td>{{AT}}</td></tr>
    <tr><th scope="row">当前余额</th><td id="balance">{{BALANCE}}</td></tr>
  </table>
  <p><a href="/service/topup">继续充值</a> · <a href="/service/history">查看受理记录</a> · <a href="/service/">返回业务受理</a></p>
</section>
