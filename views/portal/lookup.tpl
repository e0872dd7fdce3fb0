{{%AUTOESCAPE context="HTML"}}<section class="card">
  <h1>手机归属地查询</h1>
  <form method="get" action="/lookup">
    <label for="prefix">号码前7位</label>
    <input id="prefix" name="prefix" value="{{PREFIX}}" inputmode="numeric" maxlength="7" pattern="1[3-9][0-9]{5}" required autocomplete="off">
    <p class="hint">例如：1380013。只需输入手机号码的前7位。</p>
    <button type="submit">查询</button>
  </form>
  {{#RESULT}}<table class="result" aria-label="查询结果">
    <tr><th scope="row">号段</th><td>{{PREFIX}}</td></tr>
    <tr><th scope="row">归属省份</th><td>{{PROVINCE}}</td></tr>
    <tr><th scope="row">归属城市</th><td>{{CITY}}</td></tr>
    <tr><th scope="row">品牌</th><td><a href="/brands/{{BRAND_CODE:url_query_escape}}">{{BRAND}}</a></td></tr>
  </table>{{/RESULT}}
  {{#NOT_FOUND}}<p class="notice" role="alert">未找到号段 {{PREFIX}} 的归属信息。请确认是中国移动的手机号码。</p>{{/NOT_FOUND}}
</section>
