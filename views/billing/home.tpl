{{%AUTOESCAPE context="HTML"}}<section class="card">
  <h1>话费查询</h1>
  <p>服务建设中。</p>
</section>
