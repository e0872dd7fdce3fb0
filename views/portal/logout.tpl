{{%AUTOESCAPE context="HTML"}}<section class="card narrow">
  <h1>退出登录</h1>
  <p>确定要退出登录吗？</p>
  <form method="post" action="/logout">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <button type="submit">确认退出</button>
    <a href="/account">取消</a>
  </form>
</section>
