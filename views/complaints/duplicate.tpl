{{%AUTOESCAPE context="HTML"}}<section class="card narrow">
  <p class="crumbs"><a href="/complaints/">投诉与建议</a> › 提交结果</p>
  <h1>已有相同的{{KIND_LABEL}}</h1>
  <p class="notice" role="alert">您的号码在 {{HOURS}} 小时内已提交过内容相同的{{KIND_LABEL}}，受理编号为 <strong id="track-no">{{TRACK_NO}}</strong>，正在处理中，本次未重复受理。</p>
  <p>请凭该受理编号和当时收到的查询密码<a href="/complaints/track?track_no={{TRACK_NO:url_query_escape}}">查询处理进度</a>。如有新的情况，请在答复后再投诉，或提交内容不同的{{KIND_LABEL}}。</p>
</section>
