{{%AUTOESCAPE context="HTML"}}<section class="card">
  <p class="crumbs"><a href="/points/">积分查询</a> › 兑换记录</p>
  <h1>积分兑换记录</h1>
  {{#TOTALS}}<p id="exchange-totals">累计兑换 {{COUNT}} 次，共使用消费积分 {{POINTS}} 分。</p>{{/TOTALS}}
  <table class="list" aria-label="兑换记录">
    <thead><tr><th scope="col">兑换时间</th><th scope="col">兑换单号</th><th scope="col">礼品</th><th scope="col" class="num">使用积分</th><th scope="col">状态</th></tr></thead>
    <tbody>
    {{#ENTRY}}<tr data-id="{{ID}}"><td>{{AT}}</td><td>{{ID}}</td><td>{{NAME}} <span class="tag">{{CATEGORY}}</span></td><td class="num">{{POINTS}}</td><td>兑换成功</td></tr>
    {{/ENTRY}}
    </tbody>
  </table>
  {{#EMPTY}}<p class="empty">您还没有兑换过礼品。{{#CAN_EXCHANGE}}<a href="/points/exchange">去兑换</a>{{/CAN_EXCHANGE}}</p>{{/EMPTY}}
  {{#END}}<p class="empty">没有更早的记录了。</p>{{/END}}
  {{#PAGER}}<nav class="pager" aria-label="翻页">{{#FIRST}}<a href="{{HREF}}">回到最新</a>{{/FIRST}} {{#NEXT}}<a href="{{HREF}}" rel="next">更早的记录</a>{{/NEXT}}</nav>{{/PAGER}}
</section>
