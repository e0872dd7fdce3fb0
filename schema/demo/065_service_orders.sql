-- Demo data of the orders to the network (suspension, loss report,
-- features): the supplementary features of the demo numbers as the network
-- last confirmed them, and the orders' test number. Re-loading resets all
-- of it, the test number's orders and acceptances included.
--
-- Test number (segment 1380013 of 010_customers.sql):
--   13800138002  全球通 北京  service password 482615  active, no features
--   used by test/e2e/service_orders.sh and test/browser/suspend.mjs, which
--   suspend, resume, report it lost and switch its features.

INSERT INTO subscribers (msisdn, brand_code, province_id, city_id, name, status,
                         password_hash, plan, balance_fen, created_at)
  SELECT '13800138002', 'gotone', 11, c.id, '测试己', 'active',
         '$argon2id$v=19$m=19456,t=2,p=1$79VtnfZg4ypeR/zbG+YqYA$qbxU49RtEn6aaoqvmuP1LDSxE+mvlKRxoPFFKUJbFsU',
         '全球通58元套餐', 5000, '2022-03-01 09:00:00'
  FROM cities c WHERE c.province_id = 11 AND c.name = '北京'
ON DUPLICATE KEY UPDATE
  status = VALUES(status), password_hash = VALUES(password_hash),
  plan = VALUES(plan), balance_fen = VALUES(balance_fen);

DELETE FROM provision_orders WHERE msisdn = '13800138002';
DELETE FROM acceptances WHERE msisdn = '13800138002';
DELETE FROM login_failures WHERE kind = 'msisdn' AND subject = '13800138002';
DELETE FROM login_locks WHERE kind = 'msisdn' AND subject = '13800138002';

-- Features: 13800138000 has the usual ones on (call forwarding to a fixed
-- line), 13800138001 only caller ID; every other number has none (all off).
DELETE FROM line_features
  WHERE msisdn IN ('13800138000', '13800138001', '13800138002');
INSERT INTO line_features (msisdn, feature, enabled, param) VALUES
  ('13800138000', 'caller_id', 1, NULL),
  ('13800138000', 'call_waiting', 1, NULL),
  ('13800138000', 'domestic_roaming', 1, NULL),
  ('13800138000', 'voicemail', 0, NULL),
  ('13800138000', 'call_forwarding', 1, '01065881234'),
  ('13800138001', 'caller_id', 1, NULL);
