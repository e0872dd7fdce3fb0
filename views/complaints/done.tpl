{{%AUTOESCAPE context="HTML"}}<section class="card narrow">
  <p class="crumbs"><a href="/complaints/">投诉与建议</a> › 提交结果</p>
  {{#FIRST}}<h1>您的{{KIND_LABEL}}已受理</h1>
  <p class="ok" role="status">请记下受理编号和查询密码。查询密码只在此显示一次，同时已发送短信到 {{MSISDN_MASKED}}（填写了邮箱的也发送邮件）。</p>
  <dl class="totals track-credentials">
    <div><dt>受理编号</dt><dd id="track-no">{{TRACK_NO}}</dd></div>
    <div><dt>查询密码</dt><dd id="track-pw">{{PASSWORD}}</dd></div>
  </dl>
  <table class="complaint-facts">
    <tr><th scope="row">提交时间</th><td>{{CREATED}}</td></tr>
    <tr><th scope="row">问题类别</th><td>{{CATEGORY}}</td></tr>
    <tr><th scope="row">承诺答复时间</th><td>{{DUE}} 前</td></tr>
  </table>
  <p><a href="/complaints/view?track_no={{TRACK_NO:url_query_escape}}">查看处理进度</a> · <a href="/complaints/">返回投诉与建议</a></p>{{/FIRST}}
  {{#SHOWN_BEFORE}}<h1>提交结果</h1>
  <p class="notice" role="alert">受理编号 {{TRACK_NO}} 的查询密码只在提交后显示一次，已通过短信（及邮件）发送给您。</p>
  <p>请凭短信中的受理编号和查询密码<a href="/complaints/track?track_no={{TRACK_NO:url_query_escape}}">查询处理进度</a>。</p>{{/SHOWN_BEFORE}}
</section>
