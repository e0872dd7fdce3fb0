{{%AUTOESCAPE context="HTML"}}<section class="card narrow">
  <p class="crumbs"><a href="/service/">业务受理</a> › 客户密码更改</p>
  <h1>密码修改成功</h1>
  <p class="ok" role="status">号码 {{MSISDN}} 的服务密码已修改，下次登录请使用新密码。本号码在其他设备上的登录已全部退出。</p>
  <p><a href="/service/history">查看受理记录</a> · <a href="/service/">返回业务受理</a></p>
</section>
