-- Demo data of orders to the network (provisioning): the HLR simulator
-- answers normally, and the provision tests' own number starts active with
-- no orders, no features and no simulator state. Re-loading resets all of
-- it.
--
-- Test number (segment 1582800 of 010_customers.sql):
--   15828001237  动感地带 成都 测试己 (password 468024, as 15828001236)  provision_orders.sh
-- The tests put orders in provision_orders with SQL, the way sc_order_add
-- does, and never log in with it.

UPDATE hlr_control SET mode = 'ok', delay_ms = 0 WHERE id = 1;

INSERT INTO subscribers (msisdn, brand_code, province_id, city_id, name, status,
                         password_hash, plan, balance_fen, created_at)
  SELECT '15828001237', 'mzone', 51, c.id, '测试己', 'active',
         '$argon2id$v=19$m=19456,t=2,p=1$jxv2ZJhTFYnHQxjT7l1R3Q$6d3krqlRiGcFrpE7ntMXN0Q4FvW3/hrV9LrdXGvJt00',
         '动感地带校园套餐28元', 1000, '2022-03-01 10:00:00'
  FROM cities c WHERE c.province_id = 51 AND c.name = '成都'
ON DUPLICATE KEY UPDATE status = VALUES(status),
  password_hash = VALUES(password_hash), plan = VALUES(plan),
  balance_fen = VALUES(balance_fen);

DELETE FROM provision_orders WHERE msisdn = '15828001237';
DELETE FROM line_features WHERE msisdn = '15828001237';
DELETE FROM acceptances WHERE msisdn = '15828001237';
DELETE FROM hlr_lines WHERE msisdn = '15828001237';
