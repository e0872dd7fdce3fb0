{{%AUTOESCAPE context="HTML"}}<section class="card">
  <p class="crumbs"><a href="/points/">积分查询</a> › 积分兑换</p>
  <h1>积分兑换</h1>
  <p>兑换使用消费积分。您当前可用的消费积分：<strong id="consumption">{{CONSUMPTION}}</strong> 分。选择礼品后需再次输入服务密码确认，确认后立即扣减积分。</p>
  <ul class="rewards">
    {{#REWARD}}<li class="reward" id="reward-{{ID}}">
      <h2>{{NAME}} <span class="tag">{{CATEGORY}}</span></h2>
      <p class="reward-cost"><strong>{{COST}}</strong> 分 <span class="hint">库存 {{STOCK}}</span></p>
      <p class="hint">{{DESCRIPTION}}</p>
      {{#SOLD_OUT}}<p class="reward-state sold-out">已兑完</p>{{/SOLD_OUT}}
      {{#SHORT}}<p class="reward-state short">积分不足，还差 {{MISSING}} 分</p>{{/SHORT}}
      {{#CHOOSE}}<form method="get" action="/points/exchange/confirm"><input type="hidden" name="reward" value="{{ID}}"><button type="submit">选择兑换</button></form>{{/CHOOSE}}
    </li>
    {{/REWARD}}
  </ul>
  {{#EMPTY}}<p class="empty">目前没有可兑换的礼品，请稍后再来。</p>{{/EMPTY}}
  <p><a href="/points/exchanges">查看兑换记录</a></p>
</section>
