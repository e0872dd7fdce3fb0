-- Demo data of the service program (business acceptance): contact data and
-- PUKs of the demo numbers, top-up cards, the service's test numbers, and a
-- history of acceptances. Re-loading resets all of it; dates are relative
-- to CURDATE() so the pages always have content.
--
-- Test numbers (segments of 010_customers.sql):
--   13800138001  全球通 北京   service password 357913  service_pages.sh, service_topup.sh
--   15828001235  动感地带 成都 service password 802461  service_password.sh (changes it, resets it)
--   15828001236  动感地带 成都 service password 468024  service_profile.sh
-- 13601629999 (神州行 上海, 035_availability.sql) is refused top-up cards:
-- 上海 does not offer them to 神州行 here, to show the explanation page.
--
-- Top-up cards: card n (1..23) is 100000000000000nn (17 digits, nn = n with
-- a leading zero), PIN 2026 followed by n*7 as 14 digits, e.g.
--   10000000000000001  PIN 202600000000000007   50 元, unused
--   10000000000000002  PIN 202600000000000014   50 元, unused
--   ... up to card 20, all unused, valid for a year (cards 1..10 are the
--   tests'; 11..20 are for trying by hand; cards 1..5 are 50 元, 6..20 100 元)
--   10000000000000021  PIN 202600000000000147   used (by 13800138001, yesterday)
--   10000000000000022  PIN 202600000000000154   expired yesterday
--   10000000000000023  PIN 202600000000000161   void (作废)
-- Only SHA-256 of "card_no:pin" is stored, as production would.

INSERT INTO service_availability (province_id, brand_code, service_code, enabled) VALUES
  (31, 'easyown', 'topup', 0)
ON DUPLICATE KEY UPDATE enabled = VALUES(enabled);

INSERT INTO subscribers (msisdn, brand_code, province_id, city_id, name, status,
                         password_hash, plan, balance_fen, created_at)
  SELECT v.msisdn, v.brand_code, v.province_id, c.id, v.name, 'active',
         v.password_hash, v.plan, v.balance_fen, '2021-05-10 10:00:00'
  FROM (SELECT '13800138001' AS msisdn, 'gotone' AS brand_code, 11 AS province_id,
               '北京' AS city, '测试丙' AS name, '全球通58元套餐' AS plan,
               2000 AS balance_fen,
               '$argon2id$v=19$m=19456,t=2,p=1$CEKymKtrRDd6IW2izYWWAg$rWoQUpQ2s3yD4HzAUZNEJhf233QClXjgITP5e7Vl9Lg' AS password_hash
        UNION ALL SELECT '15828001235', 'mzone', 51, '成都', '测试丁',
               '动感地带校园套餐28元', 1000,
               '$argon2id$v=19$m=19456,t=2,p=1$bsrDzEAoXNXqBWyY+mTjvg$frnHYf18q+0rQWLQ4GWnxgWZVwM3/hHQRciCT1Zve5o'
        UNION ALL SELECT '15828001236', 'mzone', 51, '成都', '测试戊',
               '动感地带校园套餐28元', 1000,
               '$argon2id$v=19$m=19456,t=2,p=1$jxv2ZJhTFYnHQxjT7l1R3Q$6d3krqlRiGcFrpE7ntMXN0Q4FvW3/hrV9LrdXGvJt00') v
  JOIN cities c ON c.province_id = v.province_id AND c.name = v.city
  ORDER BY v.msisdn
ON DUPLICATE KEY UPDATE
  status = VALUES(status), password_hash = VALUES(password_hash),
  plan = VALUES(plan), balance_fen = VALUES(balance_fen);

-- Contact data and PUKs (8 digits). 13601629999 has neither: its pages show
-- the empty states.
UPDATE subscribers s JOIN (
    SELECT '13800138000' AS msisdn, '北京市朝阳区建国路88号1号楼1001室' AS addr,
           '01065881234' AS phone, 'zhangwei@example.com' AS email, '12345678' AS puk
    UNION ALL SELECT '13601625678', '上海市浦东新区世纪大道100号', '02150501234', NULL, '23456789'
    UNION ALL SELECT '15828001234', '成都市武侯区人民南路四段1号', '15828001234', 'sc@example.com', '34567890'
    UNION ALL SELECT '13905712345', '杭州市西湖区文三路90号', '057188001234', NULL, '45678901'
    UNION ALL SELECT '13802501234', '广州市天河区天河路385号', '02038881234', NULL, '56789012'
    UNION ALL SELECT '13800138001', '北京市海淀区中关村大街1号', '01062501234', NULL, '67890123'
    UNION ALL SELECT '15828001235', NULL, NULL, NULL, '78901234'
    UNION ALL SELECT '15828001236', '成都市锦江区春熙路1号', '02886661234', 'old@example.com', '89012345'
    UNION ALL SELECT '15828009990', NULL, NULL, NULL, '90123456'
    UNION ALL SELECT '15828009999', NULL, NULL, NULL, '01234567') v
  ON v.msisdn = s.msisdn
SET s.contact_address = v.addr, s.contact_phone = v.phone, s.email = v.email,
    s.puk = v.puk;
UPDATE subscribers SET contact_address = NULL, contact_phone = NULL,
  email = NULL, puk = NULL WHERE msisdn = '13601629999';

-- ---------------------------------------------------------------- cards

INSERT INTO topup_cards (card_no, pin_sha256, value_fen, status, expires_on,
                         used_at, used_by)
  WITH RECURSIVE seq (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < 23),
  cards AS (SELECT n, CONCAT('100000000000000', LPAD(n, 2, '0')) AS card_no,
                   CONCAT('2026', LPAD(n * 7, 14, '0')) AS pin FROM seq)
  SELECT card_no, SHA2(CONCAT(card_no, ':', pin), 256),
         IF(n <= 5, 5000, 10000),
         CASE n WHEN 21 THEN 'used' WHEN 23 THEN 'void' ELSE 'unused' END,
         IF(n = 22, CURDATE() - INTERVAL 1 DAY, CURDATE() + INTERVAL 1 YEAR),
         IF(n = 21, CURDATE() - INTERVAL 1 DAY + INTERVAL 10 HOUR, NULL),
         IF(n = 21, '13800138001', NULL)
  FROM cards
ON DUPLICATE KEY UPDATE pin_sha256 = VALUES(pin_sha256),
  value_fen = VALUES(value_fen), status = VALUES(status),
  expires_on = VALUES(expires_on), used_at = VALUES(used_at),
  used_by = VALUES(used_by);

DELETE FROM login_failures WHERE kind IN ('card', 'card_msisdn');
DELETE FROM login_locks WHERE kind IN ('card', 'card_msisdn');

-- ---------------------------------------------------------------- history

-- The acceptances this program writes, for the demo numbers: deleted and
-- written again. 13800138000 gets 24 within 3 months (two pages of the
-- history) and one older, which the history must not show. 13800138001's
-- top-up matches card 21 above and its payment (its own number, so no other
-- program's payment pages change).
DELETE FROM acceptances
  WHERE business IN ('客户资料变更', '话费卡缴费', '密码修改', 'PUK码查询')
    AND msisdn IN ('13800138000', '13601625678', '15828001234', '13905712345',
                   '13802501234', '13601629999', '13800138001', '15828001235',
                   '15828001236');
DELETE FROM payments WHERE channel = 'card' AND msisdn = '13800138001'
  AND reference = '10000000000000021';

INSERT INTO acceptances (msisdn, at, business, channel, result, detail)
  WITH RECURSIVE seq (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < 24)
  SELECT '13800138000', CURDATE() - INTERVAL (n * 3 + 1) DAY + INTERVAL (9 + n % 8) HOUR,
         ELT(1 + n % 3, '客户资料变更', 'PUK码查询', '密码修改'),
         ELT(1 + n % 4, 'web', 'counter', 'call_centre', 'web'),
         IF(n % 11 = 5, 'failed', 'done'),
         ELT(1 + n % 3, '修改了：联系电话', '查看 SIM 卡 PUK 码', '修改服务密码')
  FROM seq;
INSERT INTO acceptances (msisdn, at, business, channel, result, detail) VALUES
  ('13800138001', CURDATE() - INTERVAL 1 DAY + INTERVAL 10 HOUR, '话费卡缴费',
   'web', 'done', '充值卡 10000000000000021 充值 100.00 元'),
  ('13800138000', CURDATE() - INTERVAL 4 MONTH, '客户资料变更', 'counter',
   'done', '修改了：联系地址'),
  ('15828001234', CURDATE() - INTERVAL 12 DAY + INTERVAL 15 HOUR, '客户资料变更',
   'web', 'done', '修改了：电子邮件');
INSERT INTO payments (msisdn, paid_at, amount_fen, channel, reference) VALUES
  ('13800138001', CURDATE() - INTERVAL 1 DAY + INTERVAL 10 HOUR, 10000, 'card',
   '10000000000000021');
