{{%AUTOESCAPE context="HTML"}}<section class="card narrow">
  <p class="crumbs"><a href="/points/">积分查询</a> › <a href="/points/exchange">积分兑换</a> › 兑换结果</p>
  <h1>兑换成功</h1>
  <p class="ok" role="status">您已成功兑换「{{NAME}}」，已扣减消费积分 {{POINTS}} 分。</p>
  <table class="result" aria-label="兑换结果">
    <tr><th scope="row">兑换单号</th><td id="exchange-id">{{ID}}</td></tr>
    <tr><th scope="row">兑换时间</th><td>{{AT}}</td></tr>
    <tr><th scope="row">礼品</th><td>{{NAME}} <span class="tag">{{CATEGORY}}</span></td></tr>
    <tr><th scope="row">使用积分</th><td id="points">{{POINTS}} 分</td></tr>
    <tr><th scope="row">剩余消费积分</th><td id="consumption">{{CONSUMPTION}} 分</td></tr>
    <tr><th scope="row">说明</th><td>{{DESCRIPTION}}</td></tr>
  </table>
  <p><a href="/points/exchanges">查看兑换记录</a> · <a href="/points/exchange">继续兑换</a> · <a href="/points/">返回积分查询</a></p>
</section>
