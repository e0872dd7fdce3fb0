{{%AUTOESCAPE context="HTML"}}<section class="card narrow">
  <p class="crumbs"><a href="/admin/staff">员工管理</a> › 新增员工</p>
  <h1>新增员工</h1>
  {{#ERROR}}<p class="notice" role="alert">{{MESSAGE}}</p>{{/ERROR}}
  <form method="post" action="/admin/staff/new">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <label for="username">用户名</label>
    <input id="username" name="username" value="{{USERNAME}}" required maxlength="32" pattern="[a-z0-9_.\-]{3,32}">
    <p class="hint">3至32位小写字母、数字或“_ . -”，创建后不能修改。</p>
    <label for="display_name">姓名</label>
    <input id="display_name" name="display_name" value="{{DISPLAY_NAME}}" required maxlength="32">
    <label for="role">角色</label>
    <select id="role" name="role">{{#ROLE_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/ROLE_OPTION}}</select>
    <label for="province">所属单位</label>
    <select id="province" name="province">{{#PROVINCE_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/PROVINCE_OPTION}}</select>
    <label for="city">地市分公司</label>
    <select id="city" name="city"><option value="">全省（不属于地市分公司）</option>{{#CITY_GROUP}}<optgroup label="{{PROVINCE}}">{{#CITY_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/CITY_OPTION}}</optgroup>{{/CITY_GROUP}}</select>
    <p class="hint">地市分公司的投诉处理员只处理派到本地市的工单；集团公司员工不选。</p>
    <label for="password">初始密码</label>
    <input id="password" name="password" type="password" required minlength="8" autocomplete="new-password">
    <button type="submit">创建</button>
  </form>
</section>
