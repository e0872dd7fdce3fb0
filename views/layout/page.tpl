{{%AUTOESCAPE context="HTML"}}<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{TITLE}} - 中国移动网上营业厅</title>
<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/static/site.css">
</head>
<body>
<a class="skip" href="#main">跳到正文</a>
<header class="site">
  <div class="bar">
    <a class="logo" href="/">中国移动<span>网上营业厅</span></a>
    <nav aria-label="账户">
      {{#CUSTOMER}}<a href="/account">{{MSISDN}}</a>
      <form class="inline" method="post" action="/logout"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit" class="link">退出</button></form>{{/CUSTOMER}}
      {{#ANONYMOUS}}<a href="/login">登录</a>{{/ANONYMOUS}}
    </nav>
  </div>
  <nav class="main" aria-label="主菜单">
    <a href="/">首页</a>
    <a href="/brands/">业务推介</a>
    <a href="/billing/">话费查询</a>
    <a href="/points/">积分查询</a>
    <a href="/service/">业务受理</a>
    <a href="/lookup">归属地查询</a>
    <a href="/complaints/">投诉与建议</a>
    <a href="/account">我的账户</a>
  </nav>
</header>
<main id="main">
{{>CONTENT}}
</main>
<footer class="site">
  <p>客服热线 10086 · 中国移动通信集团公司 版权所有</p>
</footer>
</body>
</html>
