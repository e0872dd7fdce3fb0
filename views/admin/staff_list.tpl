{{%AUTOESCAPE context="HTML"}}<section class="card">
  <h1>员工管理</h1>
  <p><a class="button" href="/admin/staff/new">新增员工</a></p>
  <table class="list">
    <thead><tr><th scope="col">编号</th><th scope="col">用户名</th><th scope="col">姓名</th><th scope="col">角色</th><th scope="col">所属单位</th><th scope="col">状态</th><th scope="col">创建日期</th><th scope="col">操作</th></tr></thead>
    <tbody>
    {{#STAFF_ROW}}<tr><td>{{ID}}</td><td>{{USERNAME}}</td><td>{{NAME}}</td><td>{{ROLE}}</td><td>{{PROVINCE}}</td><td>{{ACTIVE}}</td><td>{{CREATED}}</td><td><a href="/admin/staff/edit?id={{ID:url_query_escape}}">编辑</a></td></tr>{{/STAFF_ROW}}
    </tbody>
  </table>
  {{#EMPTY}}<p class="empty">没有员工记录。</p>{{/EMPTY}}
  <nav class="pager" aria-label="翻页">{{#PREV}}<a href="{{HREF}}">上一页</a>{{/PREV}} <span>第 {{PAGE}} 页</span> {{#NEXT}}<a href="{{HREF}}">下一页</a>{{/NEXT}}</nav>
</section>
