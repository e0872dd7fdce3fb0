{{%AUTOESCAPE context="HTML"}}<section class="card">
  <h1>投诉统计 <span class="tag">{{UNIT}}</span></h1>
  <form class="filter" method="get" action="/admin/complaints/stats">
    <label for="s-from">开始日期</label><input id="s-from" name="from" value="{{FROM}}" inputmode="numeric" pattern="[0-9]{8}" maxlength="8" size="9" placeholder="YYYYMMDD">
    <label for="s-to">结束日期</label><input id="s-to" name="to" value="{{TO}}" inputmode="numeric" pattern="[0-9]{8}" maxlength="8" size="9" placeholder="YYYYMMDD">
    <label for="s-period">周期</label><select id="s-period" name="period">{{#PERIOD_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/PERIOD_OPTION}}</select>
    <button type="submit">统计</button>
    <a class="button" href="/admin/complaints/stats.csv?{{QUERY}}">导出 CSV</a>
    <a class="button" href="/admin/complaints/stats.xml?{{QUERY}}">导出 XML 报表</a>
  </form>
  <p class="hint">按提交日期统计 {{FROM_ISO}} 至 {{TO_ISO}} 的投诉和建议。</p>
  {{#EMPTY}}<p class="empty">该时间段内没有投诉或建议。</p>{{/EMPTY}}
  <dl class="totals" id="stats-totals">
    <div><dt>总数</dt><dd id="t-total">{{TOTAL}}</dd></div>
    <div><dt>其中建议</dt><dd id="t-suggestions">{{SUGGESTIONS}}</dd></div>
    <div><dt>已办结</dt><dd id="t-closed">{{CLOSED}}</dd></div>
    <div><dt>超时</dt><dd id="t-overdue">{{OVERDUE}}</dd></div>
    <div><dt>升级</dt><dd id="t-escalated">{{ESCALATED}}</dd></div>
    <div><dt>再投诉（件/次）</dt><dd id="t-re">{{RE}} / {{RE_TOTAL}}</dd></div>
    <div><dt>满意度（{{RATED}}人评价）</dt><dd id="t-rating">{{AVG_RATING}}</dd></div>
    <div><dt>平均处理时长（小时）</dt><dd id="t-hours">{{AVG_HOURS}}</dd></div>
  </dl>
</section>
<section class="card wo-charts" aria-label="统计图">
  {{#CHART}}<figure class="chart wo-chart" id="{{CHART_ID}}">
    <figcaption><strong>{{CHART_TITLE}}</strong></figcaption>
    <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {{W}} {{H}}" width="{{W}}" height="{{H}}" role="img" aria-label="{{CHART_TITLE}}">
      <title>{{CHART_TITLE}}</title>
      <desc>{{DESC}}</desc>
      {{#BAR}}<g class="bar"><text x="{{LABEL_X}}" y="{{TY}}" text-anchor="end" font-size="13" fill="#1d2733">{{LABEL}}</text><rect x="{{X}}" y="{{Y}}" width="{{BW}}" height="{{BH}}" fill="#5a8dc4" rx="2"><title>{{LABEL}}：{{VALUE}}</title></rect><text x="{{VX}}" y="{{TY}}" font-size="13" fill="#1d2733">{{VALUE}}</text></g>
      {{/BAR}}
    </svg>
  </figure>{{/CHART}}
  {{#PERIOD_TOO_MANY}}<p class="hint">时间段较多，按时间的分布见下表。</p>{{/PERIOD_TOO_MANY}}
</section>
<section class="card">
  <h2>按分类</h2>
  <table class="list wo-table" id="by-category">
    <thead><tr><th scope="col">分类</th><th scope="col" class="num">数量</th><th scope="col" class="num">超时</th><th scope="col" class="num">升级</th><th scope="col" class="num">再投诉</th><th scope="col" class="num">已办结</th><th scope="col" class="num">满意度</th><th scope="col" class="num">平均处理时长（小时）</th></tr></thead>
    <tbody>{{#CATEGORY_ROW}}<tr><th scope="row">{{LABEL}}</th><td class="num">{{N}}</td><td class="num">{{OVERDUE}}</td><td class="num">{{ESCALATED}}</td><td class="num">{{RE}}</td><td class="num">{{CLOSED}}</td><td class="num">{{AVG_RATING}}</td><td class="num">{{AVG_HOURS}}</td></tr>
    {{/CATEGORY_ROW}}</tbody>
  </table>
  <h2>按状态</h2>
  <table class="list wo-table" id="by-status">
    <thead><tr><th scope="col">状态</th><th scope="col" class="num">数量</th><th scope="col" class="num">超时</th><th scope="col" class="num">升级</th><th scope="col" class="num">再投诉</th></tr></thead>
    <tbody>{{#STATUS_ROW}}<tr><th scope="row">{{LABEL}}</th><td class="num">{{N}}</td><td class="num">{{OVERDUE}}</td><td class="num">{{ESCALATED}}</td><td class="num">{{RE}}</td></tr>
    {{/STATUS_ROW}}</tbody>
  </table>
  <h2>按省份</h2>
  <table class="list wo-table" id="by-province">
    <thead><tr><th scope="col">省份</th><th scope="col" class="num">数量</th><th scope="col" class="num">超时</th><th scope="col" class="num">升级</th><th scope="col" class="num">再投诉</th><th scope="col" class="num">已办结</th><th scope="col" class="num">满意度</th><th scope="col" class="num">平均处理时长（小时）</th></tr></thead>
    <tbody>{{#PROVINCE_ROW}}<tr data-province="{{PROVINCE_ID}}"><th scope="row">{{LABEL}}</th><td class="num">{{N}}</td><td class="num">{{OVERDUE}}</td><td class="num">{{ESCALATED}}</td><td class="num">{{RE}}</td><td class="num">{{CLOSED}}</td><td class="num">{{AVG_RATING}}</td><td class="num">{{AVG_HOURS}}</td></tr>
    {{/PROVINCE_ROW}}</tbody>
  </table>
  <h2>满意度分布</h2>
  <table class="list wo-table" id="by-rating">
    <thead><tr><th scope="col">评分</th><th scope="col" class="num">人数</th></tr></thead>
    <tbody>{{#RATING_ROW}}<tr><th scope="row">{{STARS}}分</th><td class="num">{{COUNT}}</td></tr>
    {{/RATING_ROW}}</tbody>
  </table>
  <h2>按时间</h2>
  <table class="list wo-table" id="by-period">
    <thead><tr><th scope="col">时间</th><th scope="col" class="num">数量</th><th scope="col" class="num">已办结</th><th scope="col" class="num">超时</th><th scope="col" class="num">再投诉</th></tr></thead>
    <tbody>{{#PERIOD_ROW}}<tr><th scope="row">{{KEY}}</th><td class="num">{{N}}</td><td class="num">{{CLOSED}}</td><td class="num">{{OVERDUE}}</td><td class="num">{{RE}}</td></tr>
    {{/PERIOD_ROW}}</tbody>
  </table>
</section>
