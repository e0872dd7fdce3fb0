{{%AUTOESCAPE context="HTML"}}<section class="card">
  <h1>积分查询</h1>
  <p class="hint">号码 {{MSISDN}} 当前未兑换的积分（各类积分之和）</p>
  <p class="points-total"><span id="points-total">{{TOTAL}}</span> 分</p>
  <table class="result points-kinds" aria-label="积分构成">
    {{#KIND}}<tr id="kind-{{KIND}}"><th scope="row">{{LABEL}}</th><td class="num">{{POINTS}} 分</td><td class="hint">{{HINT}}</td></tr>{{/KIND}}
  </table>
  <p class="notice">积分兑换使用的是<strong>消费积分</strong>（当前 {{CONSUMPTION}} 分）；在网积分、信用积分和其他积分计入积分总量，但不能直接兑换礼品。</p>
  <ul class="points-links">
    <li><a href="/points/ledger">积分明细</a>：每一笔积分的获得与使用</li>
    <li><a href="/points/exchanges">兑换记录</a>：已兑换的礼品和使用的积分</li>
    {{#CAN_EXCHANGE}}<li><a href="/points/exchange">积分兑换</a>：用消费积分兑换话费、流量和礼品</li>{{/CAN_EXCHANGE}}
    {{#NO_EXCHANGE}}<li>积分兑换：您的号码所属品牌暂不能在网上兑换积分，请拨打 10086 或前往营业厅办理。</li>{{/NO_EXCHANGE}}
  </ul>
</section>
