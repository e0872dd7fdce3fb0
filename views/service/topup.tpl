{{%AUTOESCAPE context="HTML"}}<section class="card narrow">
  <p class="crumbs"><a href="/service/">业务受理</a> › 话费卡缴费</p>
  <h1>话费卡缴费</h1>
  {{#ERROR}}<p class="notice" role="alert">{{MESSAGE}}</p>{{/ERROR}}
  <form method="post" action="/service/topup">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <p class="hint">为号码 {{MSISDN}} 充值。请刮开充值卡背面的涂层，输入 17 位卡号和 18 位密码。充值成功后金额立即计入账户余额，充值卡随即失效。</p>
    <label for="card_no">充值卡卡号</label>
    <input id="card_no" name="card_no" type="text" inputmode="numeric" maxlength="17" pattern="[0-9]{17}" value="{{CARD_NO}}" required autocomplete="off" autofocus>
    <label for="card_pin">充值卡密码</label>
    <input id="card_pin" name="card_pin" type="password" inputmode="numeric" maxlength="18" pattern="[0-9]{18}" required autocomplete="off">
    <button type="submit">确认充值</button> <a class="cancel" href="/service/">取消</a>
  </form>
</section>
