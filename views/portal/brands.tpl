{{%AUTOESCAPE context="HTML"}}<section>
  <h1>品牌与业务推介</h1>
  <p>中国移动面向全国客户提供三大品牌，选择适合您的一款：</p>
  <ul class="brands">
  {{#BRAND}}<li class="brand brand-{{CODE}}"><a href="/brands/{{CODE:url_query_escape}}">
    <h2>{{NAME}} <span class="en">{{NAME_EN}}</span></h2>
    <p>{{SLOGAN}}</p></a></li>{{/BRAND}}
  </ul>
</section>
