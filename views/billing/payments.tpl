{{%AUTOESCAPE context="HTML"}}<nav class="subnav" aria-label="话费查询">{{#SUBNAV}}<a href="{{HREF}}"{{#CURRENT}} aria-current="page"{{/CURRENT}}>{{LABEL}}</a>{{/SUBNAV}}</nav>
<section class="card" aria-labelledby="pay-title">
  <h1 id="pay-title">缴费历史情况查询</h1>
  {{#EMPTY}}<p class="empty">暂无缴费记录。</p>{{/EMPTY}}
  {{#END}}<p class="empty">没有更早的缴费记录了。</p>{{/END}}
  {{#TABLE}}<table class="list payments" aria-labelledby="pay-title">
    <thead><tr><th scope="col">缴费时间</th><th scope="col" class="num">金额</th><th scope="col">缴费方式</th><th scope="col">流水号</th></tr></thead>
    <tbody>
    {{#ROW}}<tr data-id="{{ID}}" data-fen="{{FEN}}"><td data-label="缴费时间">{{AT}}</td><td data-label="金额" class="num">{{AMOUNT}}</td><td data-label="缴费方式">{{CHANNEL}}</td><td data-label="流水号">{{REFERENCE}}</td></tr>
    {{/ROW}}</tbody>
  </table>{{/TABLE}}
  {{#PAGER}}<nav class="pager" aria-label="翻页">{{#FIRST}}<a href="{{HREF}}">第一页</a>{{/FIRST}} {{#NEXT}}<a href="{{HREF}}" rel="next">下一页</a>{{/NEXT}}</nav>{{/PAGER}}
</section>
