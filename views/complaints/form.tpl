{{%AUTOESCAPE context="HTML"}}<section class="card complaints-form">
  <p class="crumbs"><a href="/complaints/">投诉与建议</a> › {{#COMPLAINT}}我要投诉{{/COMPLAINT}}{{#SUGGESTION}}我要提建议{{/SUGGESTION}}</p>
  <h1>{{#COMPLAINT}}我要投诉{{/COMPLAINT}}{{#SUGGESTION}}我要提建议{{/SUGGESTION}}</h1>
  {{#ERROR}}<p class="notice" role="alert">{{MESSAGE}}</p>{{/ERROR}}
  <form method="post" action="/complaints/new">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <input type="hidden" name="kind" value="{{KIND}}">
    <input type="hidden" name="request_id" value="{{REQUEST_ID}}">
    <label for="msisdn">手机号码（必填）</label>
    {{#MSISDN_FIXED}}<input id="msisdn" type="text" value="{{MSISDN}}" readonly aria-describedby="msisdn-hint">
    <p class="hint" id="msisdn-hint">已登录，{{KIND_LABEL}}将记录在您的号码下。</p>{{/MSISDN_FIXED}}
    {{#MSISDN_FREE}}<input id="msisdn" name="msisdn" type="text" inputmode="numeric" maxlength="11" pattern="1[0-9]{10}" value="{{MSISDN}}" required autocomplete="tel" aria-describedby="msisdn-hint">
    <p class="hint" id="msisdn-hint">11 位中国移动手机号码，受理编号和查询密码将以短信发送到此号码。</p>{{/MSISDN_FREE}}
    <label for="email">电子邮件（选填）</label>
    <input id="email" name="email" type="email" maxlength="254" value="{{EMAIL}}" autocomplete="email">
    <label for="contact_phone">其他联系电话（选填）</label>
    <input id="contact_phone" name="contact_phone" type="text" inputmode="tel" maxlength="20" value="{{CONTACT_PHONE}}">
    <label for="category">问题类别</label>
    <select id="category" name="category">
      <option value="">自动识别</option>
      {{#CATEGORY}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/CATEGORY}}
    </select>
    <p class="hint">不确定时选“自动识别”，系统会根据内容分类。</p>
    <label for="title">标题（必填）</label>
    <input id="title" name="title" type="text" maxlength="50" value="{{TITLE_VALUE}}" required>
    <label for="content">内容（必填）</label>
    <textarea id="content" name="content" rows="8" maxlength="2000" required>{{CONTENT}}</textarea>
    <p class="hint">请说明时间、地点和具体情况，至多 2000 字。</p>
    <button type="submit">提交{{KIND_LABEL}}</button> <a class="cancel" href="/complaints/">取消</a>
  </form>
</section>
