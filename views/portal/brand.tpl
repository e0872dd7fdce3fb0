{{%AUTOESCAPE context="HTML"}}<article class="card">
  <p class="crumbs"><a href="/brands/">业务推介</a> › {{NAME}}</p>
  <h1>{{NAME}} <span class="en">{{NAME_EN}}</span></h1>
  <p class="slogan">{{SLOGAN}}</p>
  {{#PART}}<section>
    <h2>{{HEADING}}</h2>
    <ul>{{#LINE}}<li>{{TEXT}}</li>{{/LINE}}</ul>
  </section>{{/PART}}
</article>
