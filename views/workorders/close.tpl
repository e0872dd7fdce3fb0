{{%AUTOESCAPE context="HTML"}}<section class="card narrow">
  <p class="crumbs"><a href="/admin/complaints/">投诉工单</a> › <a href="/admin/complaints/view?id={{ID:url_query_escape}}">{{TRACK_NO}}</a> › 办结</p>
  <h1>办结投诉 {{TRACK_NO}}</h1>
  <p>标题：{{TITLE}}　当前状态：{{STATUS}}</p>
  <p class="notice" role="note">办结后投诉状态变为“已办结”，处理结果将通过短信（{{MSISDN}}）和邮件发送给客户，进行中的工单将被撤销。此操作不能撤回；客户不满意时可以再投诉。</p>
  <form method="post" action="/admin/complaints/close">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <input type="hidden" name="id" value="{{ID}}">
    <label for="text">办结结果（客户可见）</label>
    <textarea id="text" name="text" rows="5" maxlength="2000" required></textarea>
    <label><input type="checkbox" name="confirm" value="1" required> 我已核实处理结果，确认办结</label>
    <button type="submit">确认办结</button>
    <a class="cancel" href="/admin/complaints/view?id={{ID:url_query_escape}}">返回</a>
  </form>
</section>
