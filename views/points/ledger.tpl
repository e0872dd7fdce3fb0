{{%AUTOESCAPE context="HTML"}}<section class="card">
  <p class="crumbs"><a href="/points/">积分查询</a> › 积分明细</p>
  <h1>积分明细{{#FILTERED}}：{{KIND_LABEL}}{{/FILTERED}}</h1>
  <nav class="points-filter" aria-label="按积分类别筛选">
    {{#FILTER}}{{#CURRENT}}<strong aria-current="page">{{LABEL}}</strong>{{/CURRENT}}{{#LINK}}<a href="{{HREF}}">{{LABEL}}</a>{{/LINK}} {{/FILTER}}
  </nav>
  <table class="list" aria-label="积分明细">
    <thead><tr><th scope="col">时间</th><th scope="col">类别</th><th scope="col">说明</th><th scope="col" class="num">积分</th></tr></thead>
    <tbody>
    {{#ENTRY}}<tr data-id="{{ID}}"><td>{{AT}}</td><td class="nowrap">{{KIND}}</td><td>{{DESCRIPTION}}</td><td class="num points-{{SIGN}}">{{POINTS}}</td></tr>
    {{/ENTRY}}
    </tbody>
  </table>
  {{#EMPTY}}<p class="empty">暂无积分记录。</p>{{/EMPTY}}
  {{#END}}<p class="empty">没有更早的记录了。</p>{{/END}}
  {{#PAGER}}<nav class="pager" aria-label="翻页">{{#FIRST}}<a href="{{HREF}}">回到最新</a>{{/FIRST}} {{#NEXT}}<a href="{{HREF}}" rel="next">更早的记录</a>{{/NEXT}}</nav>{{/PAGER}}
</section>
