{{%AUTOESCAPE context="HTML"}}<section class="card">
  <p class="crumbs"><a href="/service/">业务受理</a> › 受理结果查询</p>
  <h1>受理结果查询</h1>
  <p class="hint">号码 {{MSISDN}} 近 3 个月的业务受理记录，最新的在前。</p>
  <table class="list" aria-label="受理记录">
    <thead><tr><th scope="col">受理时间</th><th scope="col">业务</th><th scope="col">受理渠道</th><th scope="col">结果</th><th scope="col">说明</th></tr></thead>
    <tbody>
    {{#ENTRY}}<tr><td>{{AT}}</td><td>{{BUSINESS}}</td><td>{{CHANNEL}}</td><td class="result-{{RESULT_CLASS}}">{{RESULT}}</td><td>{{DETAIL}}</td></tr>
    {{/ENTRY}}
    </tbody>
  </table>
  {{#EMPTY}}<p class="empty">近 3 个月没有业务受理记录。</p>{{/EMPTY}}
  {{#END}}<p class="empty">没有更早的记录了。</p>{{/END}}
  {{#PAGER}}<nav class="pager" aria-label="翻页">{{#FIRST}}<a href="{{HREF}}">回到最新</a>{{/FIRST}} {{#NEXT}}<a href="{{HREF}}" rel="next">更早的记录</a>{{/NEXT}}</nav>{{/PAGER}}
</section>
