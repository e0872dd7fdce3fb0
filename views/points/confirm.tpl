{{%AUTOESCAPE context="HTML"}}<section class="card narrow">
  <p class="crumbs"><a href="/points/">积分查询</a> › <a href="/points/exchange">积分兑换</a> › 确认兑换</p>
  <h1>确认兑换</h1>
  {{#ERROR}}<p class="notice" role="alert">{{MESSAGE}}</p>{{/ERROR}}
  <table class="result" aria-label="兑换内容">
    <tr><th scope="row">礼品</th><td id="reward-name">{{NAME}} <span class="tag">{{CATEGORY}}</span></td></tr>
    <tr><th scope="row">说明</th><td>{{DESCRIPTION}}</td></tr>
    <tr><th scope="row">所需积分</th><td id="cost">{{COST}} 分（消费积分）</td></tr>
    <tr><th scope="row">当前消费积分</th><td id="before">{{BEFORE}} 分</td></tr>
    {{#FORM}}<tr><th scope="row">兑换后剩余</th><td id="after">{{AFTER}} 分</td></tr>{{/FORM}}
  </table>
  {{#SOLD_OUT}}<p class="notice">该礼品已兑完，暂不能兑换。<a href="/points/exchange">选择其他礼品</a></p>{{/SOLD_OUT}}
  {{#SHORT}}<p class="notice">您的消费积分不足，还差 {{MISSING}} 分，暂不能兑换此礼品。<a href="/points/exchange">选择其他礼品</a></p>{{/SHORT}}
  {{#FORM}}<form method="post" action="/points/exchange">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <input type="hidden" name="reward" value="{{ID}}">
    <input type="hidden" name="request_id" value="{{REQUEST_ID}}">
    <p class="hint">兑换成功后积分立即扣减，礼品一经兑换不予退换。为保障账户安全，请再次输入号码 {{MSISDN}} 的服务密码。</p>
    <label for="password">服务密码</label>
    <input id="password" name="password" type="password" inputmode="numeric" maxlength="6" pattern="[0-9]{6}" required autocomplete="current-password" autofocus>
    <button type="submit">确认兑换</button> <a class="cancel" href="/points/exchange">取消</a>
  </form>{{/FORM}}
</section>
