{{%AUTOESCAPE context="HTML"}}<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>{{TITLE}} - 网上客服管理后台</title>
<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/static/site.css">
</head>
<body class="admin">
<a class="skip" href="#main">跳到正文</a>
<header class="site">
  <div class="bar">
    <a class="logo" href="/admin/">网上客服<span>管理后台</span></a>
    <nav aria-label="账户">
      {{#STAFF}}<span>{{DISPLAY_NAME}}（{{PROVINCE}}）</span>
      <form class="inline" method="post" action="/admin/logout"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit" class="link">退出</button></form>{{/STAFF}}
    </nav>
  </div>
  {{#STAFF}}<nav class="main" aria-label="后台菜单">
    <a href="/admin/">工作台</a>
    {{#CAN_COMPLAINTS}}<a href="/admin/complaints/">投诉工单</a>
    <a href="/admin/complaints/stats">投诉统计</a>{{/CAN_COMPLAINTS}}
    {{#IS_ADMIN}}<a href="/admin/staff">员工管理</a>
    <a href="/admin/audit">审计日志</a>{{/IS_ADMIN}}
  </nav>{{/STAFF}}
</header>
<main id="main">
{{>CONTENT}}
</main>
</body>
</html>
