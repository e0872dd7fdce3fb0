{{%AUTOESCAPE context="HTML"}}<section class="card error" aria-labelledby="err-title">
  <h1 id="err-title">{{TITLE}}</h1>
  <p class="status">错误代码 {{STATUS}}</p>
  <p role="alert">{{MESSAGE}}</p>
  <p><a class="button" href="/">返回首页</a></p>
</section>
