{{%AUTOESCAPE context="HTML"}}<section class="card">
  <p class="crumbs"><a href="/complaints/">投诉与建议</a> › 我的投诉与建议</p>
  <h1>我的投诉与建议</h1>
  <p class="hint">号码 {{MSISDN}} 提交的投诉和建议，最新的在前。<a href="/complaints/new?kind=complaint">我要投诉</a> · <a href="/complaints/new?kind=suggestion">我要提建议</a></p>
  {{#EMPTY}}<p class="empty">您还没有提交过投诉或建议。</p>{{/EMPTY}}
  {{#PAST_END}}<p class="empty">没有更多记录了。<a href="/complaints/mine">回到第一页</a></p>{{/PAST_END}}
  {{#LIST}}<table>
    <thead><tr><th scope="col">受理编号</th><th scope="col">类型</th><th scope="col">标题</th><th scope="col">状态</th><th scope="col">提交时间</th><th scope="col">承诺答复</th></tr></thead>
    <tbody>
    {{#ROW}}<tr><td><a href="/complaints/view?track_no={{TRACK_NO:url_query_escape}}">{{TRACK_NO}}</a></td><td>{{KIND_LABEL}}</td><td>{{TITLE_VALUE}}</td><td><span class="status status-{{STATUS}}">{{STATUS_LABEL}}</span>{{#RECOMPLAINED}} <span class="tag">再投诉</span>{{/RECOMPLAINED}}</td><td class="nowrap">{{CREATED}}</td><td class="nowrap">{{DUE}}</td></tr>{{/ROW}}
    </tbody>
  </table>{{/LIST}}
  {{#PAGER}}<nav class="pager" aria-label="翻页">{{#PREV}}<a href="/complaints/mine?page={{NUM}}">上一页</a>{{/PREV}} <span>第 {{PAGE}} 页</span> {{#NEXT}}<a href="/complaints/mine?page={{NUM}}" rel="next">下一页</a>{{/NEXT}}</nav>{{/PAGER}}
</section>
