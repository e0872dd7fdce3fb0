{{%AUTOESCAPE context="HTML"}}<section class="card narrow">
  <p class="crumbs"><a href="/service/">业务受理</a> › 客户资料变更</p>
  <h1>客户资料已变更</h1>
  <p class="ok" role="status">号码 {{MSISDN}} 的联系资料已修改，现在登记的资料如下。</p>
  <table class="result" aria-label="联系资料">
    <tr><th scope="row">联系地址</th><td id="contact-address">{{ADDRESS}}</td></tr>
    <tr><th scope="row">联系电话</th><td id="contact-phone">{{PHONE}}</td></tr>
    <tr><th scope="row">电子邮件</th><td id="contact-email">{{EMAIL}}</td></tr>
  </table>
  <p><a href="/service/profile">继续修改</a> · <a href="/service/">返回业务受理</a></p>
</section>
