{{%AUTOESCAPE context="HTML"}}<section class="card narrow">
  <p class="crumbs"><a href="/complaints/">投诉与建议</a> › 查询处理进度</p>
  <h1>查询处理进度</h1>
  {{#ERROR}}<p class="notice" role="alert">{{MESSAGE}}</p>{{/ERROR}}
  <form method="post" action="/complaints/track">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <label for="track_no">受理编号</label>
    <input id="track_no" name="track_no" type="text" maxlength="20" value="{{TRACK_NO}}" required autocomplete="off" placeholder="如 T202611250000001">
    <label for="track_pw">查询密码</label>
    <input id="track_pw" name="track_pw" type="password" maxlength="20" required autocomplete="off">
    <p class="hint">受理编号和 8 位查询密码在提交时显示，并以短信发送到您填写的手机号码。</p>
    <button type="submit">查询</button>
  </form>
  {{#CUSTOMER}}<p><a href="/complaints/mine">查看我的投诉与建议</a></p>{{/CUSTOMER}}
</section>
