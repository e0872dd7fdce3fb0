{{%AUTOESCAPE context="HTML"}}<nav class="subnav" aria-label="话费查询">{{#SUBNAV}}<a href="{{HREF}}"{{#CURRENT}} aria-current="page"{{/CURRENT}}>{{LABEL}}</a>{{/SUBNAV}}</nav>
<section class="card" aria-labelledby="rt-title">
  <h1 id="rt-title">实时话费查询</h1>
  {{#ARREARS}}<p class="notice" role="alert">您的账户已欠费，请及时缴费以免影响使用。</p>{{/ARREARS}}
  <table class="result" aria-label="计费周期">
    <tr><th scope="row">计费周期</th><td id="period">{{PERIOD_START}} 至 {{NOW}}</td></tr>
    {{#LAST_BILL}}<tr><th scope="row">上次出账日期</th><td id="last-closed">{{CLOSED_ON}}（{{MONTH}}账单）</td></tr>{{/LAST_BILL}}
    {{#NO_BILL}}<tr><th scope="row">上次出账日期</th><td id="last-closed">尚未出账</td></tr>{{/NO_BILL}}
    <tr><th scope="row">下次出账日期</th><td id="next-close">{{NEXT_CLOSE}}</td></tr>
    <tr><th scope="row">当前套餐</th><td>{{PLAN}}</td></tr>
    <tr><th scope="row">当前余额</th><td id="balance">{{BALANCE}}</td></tr>
  </table>
  <h2 id="rt-items">本期已产生费用</h2>
  <table class="list bill" aria-labelledby="rt-items">
    <thead><tr><th scope="col">费用项目</th><th scope="col">使用量</th><th scope="col" class="num">金额</th></tr></thead>
    <tbody>
    {{#ITEM}}<tr data-category="{{CODE}}" data-fen="{{FEN}}"><td>{{LABEL}}</td><td>{{DETAIL}}</td><td class="num">{{AMOUNT}}</td></tr>{{/ITEM}}
    </tbody>
    <tfoot><tr class="total"><th scope="row" colspan="2">合计</th><td class="num" id="rt-total" data-fen="{{TOTAL_FEN}}">{{TOTAL}}</td></tr></tfoot>
  </table>
  <p class="hint">以上为截至目前尚未出账的费用，月租费按整月计收；优惠及调整在出账时计算，实际金额以月账单为准。</p>
</section>
