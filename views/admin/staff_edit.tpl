{{%AUTOESCAPE context="HTML"}}<section class="card narrow">
  <p class="crumbs"><a href="/admin/staff">员工管理</a> › 编辑员工</p>
  <h1>编辑员工 {{USERNAME}}</h1>
  {{#SAVED}}<p class="ok" role="status">已保存。</p>{{/SAVED}}
  {{#ERROR}}<p class="notice" role="alert">{{MESSAGE}}</p>{{/ERROR}}
  <form method="post" action="/admin/staff/edit">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <input type="hidden" name="id" value="{{ID}}">
    <label for="display_name">姓名</label>
    <input id="display_name" name="display_name" value="{{DISPLAY_NAME}}" required maxlength="32">
    <label for="role">角色</label>
    <select id="role" name="role">{{#ROLE_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/ROLE_OPTION}}</select>
    <label for="province">所属单位</label>
    <select id="province" name="province">{{#PROVINCE_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/PROVINCE_OPTION}}</select>
    <label for="city">地市分公司</label>
    <select id="city" name="city"><option value="">全省（不属于地市分公司）</option>{{#CITY_GROUP}}<optgroup label="{{PROVINCE}}">{{#CITY_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/CITY_OPTION}}</optgroup>{{/CITY_GROUP}}</select>
    <p class="hint">地市分公司的投诉处理员只处理派到本地市的工单；集团公司员工不选。</p>
    <label for="active">账号状态</label>
    <select id="active" name="active"><option value="1"{{#ACTIVE}} selected{{/ACTIVE}}>启用</option><option value="0"{{#INACTIVE}} selected{{/INACTIVE}}>停用（立即退出其所有会话）</option></select>
    <label for="password">重置密码</label>
    <input id="password" name="password" type="password" minlength="8" autocomplete="new-password">
    <p class="hint">留空则不修改密码。</p>
    <button type="submit">保存</button>
  </form>
</section>
