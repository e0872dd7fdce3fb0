{{%AUTOESCAPE context="HTML"}}<section class="card">
  <h1>积分查询</h1>
  <p>服务建设中。</p>
</section>
