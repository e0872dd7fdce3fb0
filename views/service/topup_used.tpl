{{%AUTOESCAPE context="HTML"}}<section class="card narrow">
  <p class="crumbs"><a href="/service/">业务受理</a> › 话费卡缴费</p>
  <h1>充值卡已使用</h1>
  <p class="notice" role="alert">充值卡 {{CARD_NO}} 已为本号码充值成功，请勿重复提交；本次没有再次充值。</p>
  <p><a href="/service/topup/done?card={{CARD_NO:url_query_escape}}">查看充值结果</a> · <a href="/service/topup">充值其他卡</a></p>
</section>
