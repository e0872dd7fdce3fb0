{{%AUTOESCAPE context="HTML"}}<section class="card">
  <h1>投诉工单 <span class="tag">{{UNIT}}</span></h1>
  <dl class="totals" id="queue-counts">
    <div><dt>未办结</dt><dd id="count-open">{{COUNT_OPEN}}</dd></div>
    <div><dt><a href="/admin/complaints/?overdue=1">超时未办结</a></dt><dd id="count-overdue">{{COUNT_OVERDUE}}</dd></div>
    <div class="{{#HAS_ESCALATED}}wo-alert{{/HAS_ESCALATED}}"><dt><a href="/admin/complaints/?escalated=1">升级</a></dt><dd id="count-escalated">{{COUNT_ESCALATED}}</dd></div>
    <div><dt>符合筛选条件</dt><dd id="count-match">{{COUNT_MATCH}}</dd></div>
  </dl>
  <form class="filter wo-filter" method="get" action="/admin/complaints/">
    {{#PROVINCE_FILTER}}<label for="f-province">省份</label>
    <select id="f-province" name="province"><option value="">全部</option>{{#PROVINCE_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/PROVINCE_OPTION}}</select>{{/PROVINCE_FILTER}}
    <label for="f-status">状态</label>
    <select id="f-status" name="status"><option value="">全部</option>{{#STATUS_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/STATUS_OPTION}}</select>
    <label for="f-category">分类</label>
    <select id="f-category" name="category"><option value="">全部</option>{{#CATEGORY_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/CATEGORY_OPTION}}</select>
    <label for="f-kind">类型</label>
    <select id="f-kind" name="kind"><option value="">全部</option>{{#KIND_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/KIND_OPTION}}</select>
    <label><input type="checkbox" name="overdue" value="1"{{#OVERDUE_CHECKED}} checked{{/OVERDUE_CHECKED}}> 超时</label>
    <label><input type="checkbox" name="escalated" value="1"{{#ESCALATED_CHECKED}} checked{{/ESCALATED_CHECKED}}> 升级</label>
    <label><input type="checkbox" name="re" value="1"{{#RE_CHECKED}} checked{{/RE_CHECKED}}> 再投诉</label>
    <label for="f-q">受理编号</label>
    <input id="f-q" name="q" value="{{Q}}" maxlength="20" size="12">
    <button type="submit">筛选</button>
    <a href="/admin/complaints/">清除</a>
  </form>
  <table class="list wo-queue">
    <thead><tr><th scope="col">受理编号</th><th scope="col">类型</th><th scope="col">分类</th><th scope="col">省份</th><th scope="col">标题</th><th scope="col">状态</th><th scope="col">提交时间</th><th scope="col">答复期限</th></tr></thead>
    <tbody>
    {{#ROW}}<tr data-id="{{ID}}"><td><a href="/admin/complaints/view?id={{ID:url_query_escape}}">{{TRACK_NO}}</a></td><td>{{KIND}}</td><td>{{CATEGORY}}</td><td>{{PROVINCE}}{{#HEAD_OFFICE}} <span class="tag">集团</span>{{/HEAD_OFFICE}}</td><td>{{TITLE}}</td><td><span class="wo-status wo-{{STATUS_CODE}}">{{STATUS}}</span>{{#OVERDUE}} <span class="tag wo-overdue">超时</span>{{/OVERDUE}}{{#ESCALATED}} <span class="tag wo-escalated">升级</span>{{/ESCALATED}}{{#RECOMPLAINT}} <span class="tag wo-re">再投诉×{{COUNT}}</span>{{/RECOMPLAINT}}</td><td class="nowrap">{{CREATED}}</td><td class="nowrap">{{DUE}}</td></tr>
    {{/ROW}}
    </tbody>
  </table>
  {{#EMPTY}}<p class="empty">没有符合条件的投诉。</p>{{/EMPTY}}
  <nav class="pager" aria-label="翻页">{{#PREV}}<a href="{{HREF}}">上一页</a>{{/PREV}} <span>第 {{PAGE}} 页</span> {{#NEXT}}<a href="{{HREF}}">下一页</a>{{/NEXT}}</nav>
</section>
