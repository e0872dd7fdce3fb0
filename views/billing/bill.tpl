{{%AUTOESCAPE context="HTML"}}<nav class="subnav" aria-label="话费查询">{{#SUBNAV}}<a href="{{HREF}}"{{#CURRENT}} aria-current="page"{{/CURRENT}}>{{LABEL}}</a>{{/SUBNAV}}</nav>
<section class="card" aria-labelledby="bill-title">
  <h1 id="bill-title">月话费账单查询</h1>
  {{#EMPTY}}<p class="empty">您还没有已出账的月账单。新入网的号码在第一个出账日之后即可查询。</p>{{/EMPTY}}
  {{#BILL}}
  <form class="filter" method="get" action="/billing/bill">
    <label for="month">账单月份</label>
    <select id="month" name="month">{{#MONTH_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/MONTH_OPTION}}</select>
    <button type="submit">查询</button>
  </form>
  <p class="hint">可查询最近6个已出账月份的账单。</p>
  <h2 id="bill-month" data-month="{{MONTH_CODE}}">{{MONTH}}账单</h2>
  <table class="list bill" aria-labelledby="bill-month">
    <thead><tr><th scope="col">费用项目</th><th scope="col" class="num">金额</th></tr></thead>
    <tbody>
    {{#ITEM}}<tr data-category="{{CODE}}"><td>{{LABEL}}</td><td class="num">{{AMOUNT}}</td></tr>{{/ITEM}}
    </tbody>
    <tfoot>
      <tr class="total"><th scope="row">本月合计</th><td class="num" id="bill-total">{{TOTAL}}</td></tr>
      <tr><th scope="row">已缴金额</th><td class="num" id="bill-paid">{{PAID}}</td></tr>
      {{#UNPAID}}<tr><th scope="row">未缴金额</th><td class="num" id="bill-unpaid">{{AMOUNT}}</td></tr>{{/UNPAID}}
      <tr><th scope="row">出账时账户余额</th><td class="num" id="bill-balance">{{BALANCE}}</td></tr>
      <tr><th scope="row">出账日期</th><td class="num" id="bill-closed">{{CLOSED_ON}}</td></tr>
      <tr><th scope="row">缴费截止日期</th><td class="num" id="bill-due">{{DUE_ON}}</td></tr>
    </tfoot>
  </table>
  {{#MAIL}}<p><a href="/billing/email?month={{MONTH_CODE:url_query_escape}}">把{{MONTH}}账单发送到邮箱</a></p>{{/MAIL}}
  {{/BILL}}
</section>
{{#CHART}}<section class="card" aria-labelledby="chart-heading">
  <h2 id="chart-heading">最近6个月账单金额（元）</h2>
  <figure class="chart">
    <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {{W}} {{H}}" width="{{W}}" height="{{H}}" role="img" aria-labelledby="chart-title chart-desc" aria-label="最近6个月账单金额柱状图" preserveAspectRatio="xMidYMid meet">
      <title id="chart-title">最近6个月账单金额柱状图</title>
      <desc id="chart-desc">{{DESC}}</desc>
      <line x1="6" y1="{{BASE}}" x2="{{BASE_END}}" y2="{{BASE}}" stroke="#4f5b67" stroke-width="1"/>
      {{#BAR}}<g class="bar" data-month="{{MONTH}}">
        <rect x="{{X}}" y="{{Y}}" width="{{W}}" height="{{H}}" fill="{{FILL}}" rx="3"><title>{{VALUE}}元</title></rect>
        <text x="{{CX}}" y="{{VY}}" text-anchor="middle" font-size="14" fill="#1d2733" font-weight="{{WEIGHT}}">{{VALUE}}</text>
        <text x="{{CX}}" y="{{LY}}" text-anchor="middle" font-size="15" fill="#1d2733" font-weight="{{WEIGHT}}">{{LABEL}}</text>
      </g>{{/BAR}}
    </svg>
    <figcaption class="hint">深色柱为当前查看的月份。</figcaption>
  </figure>
</section>{{/CHART}}
