{{%AUTOESCAPE context="HTML"}}<section class="card">
  <h1>投诉与建议</h1>
  <p>对我们的网络质量、服务质量、话费计费或业务有意见，或有改进建议，都可以在这里提交。无需登录，请留下您的中国移动手机号码；提交后您会得到受理编号和查询密码（同时以短信和邮件发送），凭它们随时查询处理进度。</p>
  <ul class="areas complaints-entry">
    <li class="area"><a href="/complaints/new?kind=complaint"><h3>我要投诉</h3><p>网络信号、服务态度、话费扣费、业务办理等问题</p></a></li>
    <li class="area"><a href="/complaints/new?kind=suggestion"><h3>我要提建议</h3><p>对产品、资费和服务的意见与建议</p></a></li>
    <li class="area"><a href="/complaints/track"><h3>查询处理进度</h3><p>凭受理编号和查询密码查询、再投诉、评价</p></a></li>
    {{#CUSTOMER}}<li class="area"><a href="/complaints/mine"><h3>我的投诉与建议</h3><p>号码 {{MSISDN}} 提交过的全部记录</p></a></li>{{/CUSTOMER}}
  </ul>
</section>
