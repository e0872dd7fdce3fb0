{{%AUTOESCAPE context="HTML"}}<section class="card">
  <h1>工作台</h1>
  <p>您好，{{DISPLAY_NAME}}。您的角色：<strong id="role">{{ROLE}}</strong>，所属单位：{{PROVINCE}}。</p>
  {{#IS_ADMIN}}<ul class="areas">
    <li class="area"><a href="/admin/staff"><h3>员工管理</h3><p>新增员工、分配角色与所属单位、停用账号、重置密码</p></a></li>
    <li class="area"><a href="/admin/audit"><h3>审计日志</h3><p>查看所有员工操作记录</p></a></li>
  </ul>{{/IS_ADMIN}}
  <p class="hint">投诉工单、内容发布审批与统计报表将在后续版本中开通。</p>
</section>
