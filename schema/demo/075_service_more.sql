-- Demo data of the rest of business acceptance (009_service_more.sql):
-- custom services (B-09), plan change (B-10), international roaming and
-- direct dial (B-11, B-15), SIM replacement (X-01). Re-loading resets all
-- of it for the test numbers below.
--
-- Test numbers (segment 1380013 of 010_customers.sql, 全球通 北京), all
-- with service password 482615 (the hash of 13800138002):
--   13800138003  service_roaming.sh  balance 20.00 元, deposit held 300.00 元
--                (北京 全球通: roaming needs 500 元, direct dial 200 元)
--   13800138004  service_plan.sh     全球通58元套餐, no pending change
--   13800138005  service_custom.sh   no custom settings
--   13800138006  service_sim.sh      one active SIM card, none in transit
-- 13601629999 (神州行 上海, 035_availability.sql) is refused these five
-- services: 上海 does not offer them to 神州行 here (explanation page).

INSERT INTO service_availability (province_id, brand_code, service_code, enabled) VALUES
  (31, 'easyown', 'custom', 0),
  (31, 'easyown', 'plan_change', 0),
  (31, 'easyown', 'intl_roaming', 0),
  (31, 'easyown', 'idd', 0),
  (31, 'easyown', 'sim_replace', 0)
ON DUPLICATE KEY UPDATE enabled = VALUES(enabled);

INSERT INTO subscribers (msisdn, brand_code, province_id, city_id, name, status,
                         password_hash, plan, plan_fee_fen, balance_fen,
                         intl_deposit_fen, created_at)
  SELECT v.msisdn, 'gotone', 11, c.id, v.name, 'active',
         '$argon2id$v=19$m=19456,t=2,p=1$79VtnfZg4ypeR/zbG+YqYA$qbxU49RtEn6aaoqvmuP1LDSxE+mvlKRxoPFFKUJbFsU',
         '全球通58元套餐', 5800, v.balance_fen, v.deposit_fen, '2022-06-01 09:00:00'
  FROM (SELECT '13800138003' AS msisdn, '测试庚' AS name, 2000 AS balance_fen,
               30000 AS deposit_fen
        UNION ALL SELECT '13800138004', '测试辛', 5000, 0
        UNION ALL SELECT '13800138005', '测试壬', 5000, 0
        UNION ALL SELECT '13800138006', '测试癸', 5000, 0) v
  JOIN cities c ON c.province_id = 11 AND c.name = '北京'
  ORDER BY v.msisdn
ON DUPLICATE KEY UPDATE
  status = VALUES(status), password_hash = VALUES(password_hash),
  plan = VALUES(plan), plan_fee_fen = VALUES(plan_fee_fen),
  balance_fen = VALUES(balance_fen), intl_deposit_fen = VALUES(intl_deposit_fen);

DELETE FROM provision_orders
  WHERE msisdn IN ('13800138003', '13800138004', '13800138005', '13800138006');
DELETE FROM acceptances
  WHERE msisdn IN ('13800138003', '13800138004', '13800138005', '13800138006');
DELETE FROM line_features
  WHERE msisdn IN ('13800138003', '13800138004', '13800138005', '13800138006');
DELETE FROM hlr_lines
  WHERE msisdn IN ('13800138003', '13800138004', '13800138005', '13800138006');
DELETE FROM login_failures WHERE kind = 'msisdn'
  AND subject IN ('13800138003', '13800138004', '13800138005', '13800138006');
DELETE FROM login_locks WHERE kind = 'msisdn'
  AND subject IN ('13800138003', '13800138004', '13800138005', '13800138006');
DELETE FROM plan_changes WHERE msisdn IN ('13800138004', '13800138000');
DELETE FROM custom_services WHERE msisdn IN ('13800138005', '13800138000');
DELETE FROM sim_cards WHERE msisdn IN ('13800138006', '13800138000');
-- 北京 follows [service] plan_freeze_days (service_plan.sh sets and removes
-- its own row while it runs).
DELETE FROM plan_freeze WHERE province_id = 11;

-- The cards in use of 13800138006 and of the main demo number.
INSERT INTO sim_cards (iccid, msisdn, status, city_id, created_at, activated_at)
  SELECT v.iccid, v.msisdn, 'active', c.id, v.at, v.at
  FROM (SELECT '89860011202100000061' AS iccid, '13800138006' AS msisdn,
               TIMESTAMP('2022-06-01 09:00:00') AS at
        UNION ALL SELECT '89860011201600000151', '13800138000',
               TIMESTAMP('2016-03-15 10:20:00')) v
  JOIN cities c ON c.province_id = 11 AND c.name = '北京';

-- The main demo number's proactive-service settings.
INSERT INTO custom_services (msisdn, bill_address, balance_alert_fen, callback, updated_at)
VALUES ('13800138000', '北京市朝阳区建国路88号1号楼1001室', 2000, 'evening',
        CURDATE() - INTERVAL 20 DAY + INTERVAL 11 HOUR);
