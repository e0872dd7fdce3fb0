-- Demo: which routed services the provinces offer their non-GoTone brands
-- (GoTone always has every service). 上海 keeps email bills and points
-- exchange to GoTone; everything else follows the services' defaults.
-- 13601629999 (神州行, 上海, service password 135791) exists to show the
-- "not offered" page; no other test touches it.

INSERT INTO service_availability (province_id, brand_code, service_code, enabled) VALUES
  (31, 'easyown', 'email_bill', 0),
  (31, 'easyown', 'points_exchange', 0),
  (31, 'mzone', 'points_exchange', 0)
ON DUPLICATE KEY UPDATE enabled = VALUES(enabled);

INSERT INTO subscribers (msisdn, brand_code, province_id, city_id, name, status,
                         password_hash, plan, balance_fen, created_at)
  SELECT '13601629999', 'easyown', 31, c.id, '孙丽', 'active',
         '$argon2id$v=19$m=19456,t=2,p=1$q7ZEaAklnJkhF3MK05LLQA$0xxdSeA6zlXwnbWYfPsvhy/rBM5to9Vl72f47TV2j+g',
         '神州行轻松卡', 1880, '2020-02-14 09:00:00'
  FROM cities c WHERE c.province_id = 31 AND c.name = '上海'
ON DUPLICATE KEY UPDATE
  status = VALUES(status), password_hash = VALUES(password_hash),
  plan = VALUES(plan), balance_fen = VALUES(balance_fen);
