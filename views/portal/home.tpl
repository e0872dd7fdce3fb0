{{%AUTOESCAPE context="HTML"}}<section class="hero">
  <h1>欢迎使用中国移动网上营业厅</h1>
  <p>随时随地查询话费、积分，办理业务，提交投诉与建议。</p>
  <form class="quick" method="get" action="/lookup">
    <label for="prefix">手机归属地查询</label>
    <input id="prefix" name="prefix" inputmode="numeric" maxlength="7" placeholder="号码前7位，如1380013" autocomplete="off">
    <button type="submit">查询</button>
  </form>
</section>
<section aria-labelledby="areas-title">
  <h2 id="areas-title">服务导航</h2>
  <ul class="areas">
  {{#AREA}}<li class="area">
    {{#LINK}}<a href="{{HREF}}"><h3>{{TITLE}}</h3><p>{{SUMMARY}}</p></a>{{/LINK}}
    {{#SOON}}<div class="soon"><h3>{{TITLE}} <span class="tag">即将开通</span></h3><p>{{SUMMARY}}</p></div>{{/SOON}}
  </li>{{/AREA}}
  </ul>
</section>
