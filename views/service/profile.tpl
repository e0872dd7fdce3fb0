{{%AUTOESCAPE context="HTML"}}<section class="card narrow">
  <p class="crumbs"><a href="/service/">业务受理</a> › 客户资料变更</p>
  <h1>客户资料变更</h1>
  {{#ERROR}}<p class="notice" role="alert">{{MESSAGE}}</p>{{/ERROR}}
  <form method="post" action="/service/profile">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <p class="hint">可修改号码 {{MSISDN}} 的联系资料；套餐和付费方式不能在此修改，请到营业厅办理。留空表示不登记该项。</p>
    <label for="contact_address">联系地址</label>
    <input id="contact_address" name="contact_address" type="text" maxlength="128" value="{{ADDRESS}}" autocomplete="street-address">
    <label for="contact_phone">联系电话</label>
    <input id="contact_phone" name="contact_phone" type="text" inputmode="numeric" maxlength="20" pattern="[0-9]{7,20}" value="{{PHONE}}" autocomplete="tel">
    <p class="hint">7 到 20 位数字，固定电话请连同区号一起填写。</p>
    <label for="email">电子邮件</label>
    <input id="email" name="email" type="email" maxlength="254" value="{{EMAIL}}" autocomplete="email">
    <button type="submit">保存修改</button> <a class="cancel" href="/service/">取消</a>
  </form>
</section>
