{{%AUTOESCAPE context="HTML"}}<section class="card">
  <h1>业务受理</h1>
</section>
