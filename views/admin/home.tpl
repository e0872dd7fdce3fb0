{{%AUTOESCAPE context="HTML"}}<section class="card">
  <h1>工作台</h1>
  <p>您好，{{DISPLAY_NAME}}。您的角色：<strong id="role">{{ROLE}}</strong>，所属单位：{{PROVINCE}}。</p>
  {{#IS_ADMIN}}<ul class="areas">
    <li class="area"><a href="/admin/staff"><h3>员工管理</h3><p>新增员工、分配角色与所属单位、停用账号、重置密码</p></a></li>
    <li class="area"><a href="/admin/audit"><h3>审计日志</h3><p>查看所有员工操作记录</p></a></li>
  </ul>{{/IS_ADMIN}}
  {{#COMPLAINTS}}<ul class="areas">
    {{#WORKS_COMPLAINTS}}<li class="area"><a href="/admin/complaints/"><h3>投诉工单</h3><p>复核、答复客户、派发工单、超时升级与办结</p></a></li>{{/WORKS_COMPLAINTS}}
    <li class="area"><a href="/admin/complaints/stats"><h3>投诉统计</h3><p>按分类、省份、状态和时间统计，导出 CSV 与 XML 报表</p></a></li>
  </ul>{{/COMPLAINTS}}
  <p class="hint">内容发布审批将在后续版本中开通。</p>
</section>
