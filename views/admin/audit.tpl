{{%AUTOESCAPE context="HTML"}}<section class="card">
  <h1>审计日志</h1>
  <form method="get" action="/admin/audit" class="filter">
    <label for="username">操作人</label>
    <input id="username" name="username" value="{{FILTER_USERNAME}}" maxlength="32">
    <button type="submit">筛选</button>
  </form>
  <table class="list">
    <thead><tr><th scope="col">时间</th><th scope="col">操作人</th><th scope="col">操作</th><th scope="col">对象</th><th scope="col">详情</th><th scope="col">来源地址</th></tr></thead>
    <tbody>
    {{#ENTRY}}<tr><td>{{AT}}</td><td>{{USERNAME}}</td><td>{{ACTION}}</td><td>{{TARGET}}</td><td>{{DETAIL}}</td><td>{{IP}}</td></tr>{{/ENTRY}}
    </tbody>
  </table>
  {{#EMPTY}}<p class="empty">没有符合条件的记录。</p>{{/EMPTY}}
  <nav class="pager" aria-label="翻页">{{#PREV}}<a href="{{HREF}}">上一页</a>{{/PREV}} <span>第 {{PAGE}} 页</span> {{#NEXT}}<a href="{{HREF}}">下一页</a>{{/NEXT}}</nav>
</section>
