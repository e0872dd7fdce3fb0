{{%AUTOESCAPE context="HTML"}}<section class="card narrow">
  <p class="crumbs"><a href="/service/">业务受理</a> › PUK码查询</p>
  <h1>PUK码查询</h1>
  {{#PUK}}<table class="result" aria-label="PUK码">
    <tr><th scope="row">手机号码</th><td>{{MSISDN}}</td></tr>
    <tr><th scope="row">PUK码</th><td id="puk"><strong>{{PUK}}</strong></td></tr>
  </table>
  <p class="hint">PIN 码连续输错 3 次后 SIM 卡会被锁定，需输入 PUK 码解锁并设置新的 PIN 码。PUK 码连续输错 10 次 SIM 卡将永久失效，请谨慎输入，不要告诉他人。本次查询已记录在受理记录中。</p>{{/PUK}}
  {{#NO_PUK}}<p class="notice" role="alert">系统中没有登记您当前 SIM 卡的 PUK 码，请持身份证件到营业厅查询。</p>{{/NO_PUK}}
  <p><a href="/service/">返回业务受理</a></p>
</section>
