{{%AUTOESCAPE context="HTML"}}<nav class="subnav" aria-label="话费查询">{{#SUBNAV}}<a href="{{HREF}}"{{#CURRENT}} aria-current="page"{{/CURRENT}}>{{LABEL}}</a>{{/SUBNAV}}</nav>
<section class="card" aria-labelledby="cdr-title">
  <h1 id="cdr-title">话费详单查询</h1>
  <form class="filter" method="get" action="/billing/cdr">
    <label for="from">起始日期</label>
    <input id="from" name="from" value="{{FROM}}" inputmode="numeric" maxlength="8" pattern="[0-9]{8}" placeholder="如20260601" size="10" required>
    <label for="to">结束日期</label>
    <input id="to" name="to" value="{{TO}}" inputmode="numeric" maxlength="8" pattern="[0-9]{8}" placeholder="如20260630" size="10" required>
    <label for="kind">类型</label>
    <select id="kind" name="kind">{{#KIND_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/KIND_OPTION}}</select>
    <button type="submit">查询</button>
  </form>
  <p class="hint">日期格式为“年月日”8位数字；可查询最近6个月（含本月）的详单。</p>
  {{#ERROR}}<p class="notice" role="alert">{{MESSAGE}}</p>{{/ERROR}}
</section>
{{#RESULT}}<section class="card" aria-labelledby="cdr-range">
  <h2 id="cdr-range">{{RANGE}}</h2>
  <dl class="totals" aria-label="合计">
    <div><dt>记录数</dt><dd id="total-count" data-value="{{COUNT}}">{{COUNT}}条</dd></div>
    <div><dt>通话时长</dt><dd id="total-duration" data-value="{{DURATION_S}}">{{DURATION}}</dd></div>
    <div><dt>上网流量</dt><dd id="total-volume" data-value="{{VOLUME_KB}}">{{VOLUME}}</dd></div>
    <div><dt>费用合计</dt><dd id="total-fee" data-value="{{FEE_FEN}}">{{FEE}}</dd></div>
  </dl>
  <p><a href="{{CSV_HREF}}" download>下载全部详单（CSV）</a></p>
  {{#EMPTY}}<p class="empty">该时间段内没有符合条件的详单记录。</p>{{/EMPTY}}
  {{#TABLE}}<table class="list cdr" aria-labelledby="cdr-range">
    <thead><tr><th scope="col">时间</th><th scope="col">类型</th><th scope="col">对方号码/业务</th><th scope="col">通话地/漫游</th><th scope="col">时长或流量</th><th scope="col" class="num">费用</th></tr></thead>
    <tbody>
    {{#ROW}}<tr data-id="{{ID}}" data-kind="{{KIND}}"><td>{{TIME}}</td><td>{{KIND_LABEL}}</td><td>{{PEER}}</td><td>{{PLACE}}</td><td>{{AMOUNT}}</td><td class="num">{{FEE}}</td></tr>
    {{/ROW}}</tbody>
  </table>{{/TABLE}}
  {{#PAGER}}<nav class="pager" aria-label="翻页">{{#FIRST}}<a href="{{HREF}}">第一页</a>{{/FIRST}} {{#NEXT}}<a href="{{HREF}}" rel="next">下一页</a>{{/NEXT}}</nav>{{/PAGER}}
</section>{{/RESULT}}
