-- Demo billing data (Q-01..Q-05) for every demo customer, relative to
-- CURDATE() so every billing page has content whenever it is loaded, and
-- otherwise deterministic: every value is arithmetic on (number, day, row).
-- Re-loading resets the demo numbers' call records, bills, bill items and
-- payments (DELETE, then INSERT), their plan fee, bill day and bill address;
-- no other number is touched.
--
-- What it makes, per number:
--   * call records (cdrs) from the 1st of the month 6 months back up to now
--     (today's records all lie before the time of loading): 3-8 a day, and
--     for 13800138000 6-13 a day, and at least 130 in the current month so
--     call details need several pages whatever day of the month it is;
--     a mix of voice (in/out, local, long distance to fixed lines with an
--     area code, domestic and international roaming), SMS, data sessions
--     and value-added services, with fees that follow from the kind;
--   * a closed bill for each of the 6 previous months whose items are the
--     sums of that month's call-record fees by category (see the mapping
--     below), the plan's monthly fee and a discount, so items add up to the
--     total and agree with the call details;
--   * payments: the bill payment after each closing date, and top-ups.
--
-- Category mapping (billing's realtime page relies on the same rules):
--   local          voice, roaming 'local', peer not starting with '0'
--   long_distance  voice, roaming 'local', peer starting with '0' (a fixed
--                  line in another city, dialled with its area code)
--   roaming        voice, roaming 'domestic' or 'international'
--   sms / data / vas   by kind
-- A bill for month M covers call records with start_time in M (bill day 1:
-- it closes on the 1st of M+1, due on the 20th).

SET @demo_numbers = '13800138000,13601625678,15828001234,13905712345,13802501234,13601629999';

DELETE FROM bill_items WHERE FIND_IN_SET(msisdn, @demo_numbers);
DELETE FROM bills      WHERE FIND_IN_SET(msisdn, @demo_numbers);
DELETE FROM payments   WHERE FIND_IN_SET(msisdn, @demo_numbers);
DELETE FROM cdrs
  WHERE msisdn IN ('13800138000','13601625678','15828001234','13905712345','13802501234','13601629999');

-- Plans: monthly fee in fen, bill day 1; 13800138000 has a registered bill
-- address, the others are asked for one.
UPDATE subscribers SET bill_day = 1,
  plan_fee_fen = CASE msisdn
    WHEN '13800138000' THEN 8800  WHEN '13601625678' THEN 1000
    WHEN '15828001234' THEN 2800  WHEN '13905712345' THEN 5800
    WHEN '13802501234' THEN 12800 WHEN '13601629999' THEN 500 END,
  bill_email = CASE msisdn WHEN '13800138000' THEN 'zhangwei@example.com' END
WHERE FIND_IN_SET(msisdn, @demo_numbers);

-- The demo numbers: k (0..5) varies the patterns, home is the city name in
-- the records, and each has its own peer prefixes, so no peer of one number
-- is ever a peer of another (the isolation tests look for them).
CREATE TEMPORARY TABLE demo_num (
  k TINYINT PRIMARY KEY, msisdn CHAR(11), home VARCHAR(16),
  mob CHAR(4), fixed CHAR(4), dense TINYINT);
INSERT INTO demo_num VALUES
  (0, '13800138000', '北京', '1391', '0215', 1),
  (1, '13601625678', '上海', '1358', '0105', 0),
  (2, '15828001234', '成都', '1377', '0206', 0),
  (3, '13905712345', '杭州', '1502', '0257', 0),
  (4, '13802501234', '广州', '1368', '0278', 0),
  (5, '13601629999', '上海', '1870', '0298', 0);

-- Days from the 1st of the month 6 months back to today; d = 0 is the first.
SET @first_day = DATE_SUB(DATE_FORMAT(CURDATE(), '%Y-%m-01'), INTERVAL 6 MONTH);
CREATE TEMPORARY TABLE demo_day (d SMALLINT PRIMARY KEY, day DATE);
INSERT INTO demo_day
  SELECT n, DATE_ADD(@first_day, INTERVAL n DAY) FROM (
    WITH RECURSIVE s (n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM s WHERE n < 220)
    SELECT n FROM s) q
  WHERE DATE_ADD(@first_day, INTERVAL n DAY) <= CURDATE();

CREATE TEMPORARY TABLE demo_row (r SMALLINT PRIMARY KEY);
INSERT INTO demo_row
  SELECT n FROM (WITH RECURSIVE s (n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM s WHERE n < 139)
                 SELECT n FROM s) q;

-- One candidate row per (number, day, r) with its hashes h1..h4 (0..9999).
-- Rows per day: 3 + (d*7 + k*3) % 6 (3..8), for the dense number 6..13, and
-- in the current month at least CEIL(130 / days so far).
INSERT INTO cdrs (msisdn, start_time, kind, direction, peer, location, roaming,
                  duration_s, volume_kb, fee_fen)
SELECT msisdn, start_time, kind, direction, peer, location, roaming,
       duration_s, volume_kb,
       CASE kind
         WHEN 'voice' THEN CEIL(duration_s / 60) *
           CASE WHEN roaming = 'international' THEN IF(direction = 'out', 299, 199)
                WHEN roaming = 'domestic' THEN IF(direction = 'out', 60, 40)
                WHEN direction = 'in' THEN 0
                WHEN peer LIKE '0%' THEN 30
                ELSE 19 END
         WHEN 'sms' THEN IF(direction = 'out', 10, 0)
         WHEN 'data' THEN CEIL(volume_kb / 1024)
         ELSE ELT(1 + h4 % 4, 100, 200, 300, 500) END
FROM (
  SELECT c.*,
    -- seconds into the day: 07:00..22:59 on past days; today's records are
    -- squeezed into the part of the day already gone (from 07:00 once it
    -- is past 08:00), so none lies in the future.
    TIMESTAMP(c.day) + INTERVAL IF(c.day = CURDATE(),
        IF(TIME_TO_SEC(CURTIME()) > 8 * 3600,
           7 * 3600 + FLOOR((h1 * 8.64 + h2 / 10000) * (TIME_TO_SEC(CURTIME()) - 7 * 3600) / 86400),
           FLOOR((h1 * 8.64 + h2 / 10000) * TIME_TO_SEC(CURTIME()) / 86400)),
        7 * 3600 + (h1 * 577 + h2) % (16 * 3600)) SECOND AS start_time,
    CASE WHEN h3 % 100 < 45 THEN 'voice' WHEN h3 % 100 < 65 THEN 'sms'
         WHEN h3 % 100 < 95 THEN 'data' ELSE 'vas' END AS kind,
    IF(h3 % 100 < 65 AND h2 % 3 = 0, 'in', 'out') AS direction,
    CASE WHEN h3 % 100 >= 95 THEN ELT(1 + h4 % 5, '手机报', '彩铃', '139邮箱', '飞信会员', '无线音乐')
         WHEN h3 % 100 >= 65 THEN IF(h4 % 4 = 0, 'CMWAP', 'CMNET')
         WHEN h3 % 100 < 45 AND h4 % 9 = 0 AND h2 % 3 <> 0 THEN CONCAT(fixed, LPAD((h1 * 37 + k) % 10000000, 7, '0'))
         ELSE CONCAT(mob, LPAD(1000000 + (h4 % 12) * 734567 % 9000000, 7, '0')) END AS peer,
    CASE WHEN h3 % 100 < 45 AND h4 % 50 = 7 THEN ELT(1 + h1 % 3, '香港', '东京', '新加坡')
         WHEN h3 % 100 < 45 AND h4 % 13 = 5 THEN ELT(1 + h1 % 5, '深圳', '西安', '南京', '厦门', '青岛')
         ELSE home END AS location,
    CASE WHEN h3 % 100 < 45 AND h4 % 50 = 7 THEN 'international'
         WHEN h3 % 100 < 45 AND h4 % 13 = 5 THEN 'domestic'
         ELSE 'local' END AS roaming,
    IF(h3 % 100 < 45, 8 + (h1 * h2) % 420 + IF(h4 % 10 = 0, h1 % 1800, 0), 0) AS duration_s,
    IF(h3 % 100 BETWEEN 65 AND 94, 20 + (h1 % 1000) * (h2 % 200), 0) AS volume_kb
  FROM (
    SELECT n.k, n.msisdn, n.home, n.mob, n.fixed, dd.day,
           (dd.d * 7919 + w.r * 104729 + w.r * w.r * 331 + n.k * 1299709) % 10000 AS h1,
           (dd.d * 6983 + w.r * 7727 + w.r * w.r * 97 + n.k * 3571 + 17) % 10000 AS h2,
           (dd.d * 37 + w.r * 59 + n.k * 11) % 10000 AS h3,
           (dd.d * 131 + w.r * 71 + n.k * 29 + 3) % 10000 AS h4
    FROM demo_num n
    CROSS JOIN demo_day dd
    JOIN demo_row w ON w.r < GREATEST(
        IF(n.dense, 6 + (dd.d * 5 + 1) % 8, 3 + (dd.d * 7 + n.k * 3) % 6),
        IF(n.dense AND dd.day >= DATE_FORMAT(CURDATE(), '%Y-%m-01'),
           CEIL(130 / DAY(CURDATE())), 0))
  ) c
) x;

-- Closed bills of the 6 previous months: items from the call records.
CREATE TEMPORARY TABLE demo_usage AS
SELECT c.msisdn, CAST(DATE_FORMAT(c.start_time, '%Y%m') AS INT) AS month,
  SUM(IF(kind = 'voice' AND roaming = 'local' AND peer NOT LIKE '0%', fee_fen, 0)) AS local_fen,
  SUM(IF(kind = 'voice' AND roaming = 'local' AND peer LIKE '0%', fee_fen, 0)) AS ld_fen,
  SUM(IF(kind = 'voice' AND roaming <> 'local', fee_fen, 0)) AS roaming_fen,
  SUM(IF(kind = 'sms', fee_fen, 0)) AS sms_fen,
  SUM(IF(kind = 'data', fee_fen, 0)) AS data_fen,
  SUM(IF(kind = 'vas', fee_fen, 0)) AS vas_fen
FROM cdrs c JOIN demo_num n ON n.msisdn = c.msisdn
WHERE c.start_time >= @first_day AND c.start_time < DATE_FORMAT(CURDATE(), '%Y-%m-01')
GROUP BY c.msisdn, month;

-- The discount: 5% of the usage charges (a loyalty reduction), at least 1 元.
CREATE TEMPORARY TABLE demo_bill AS
SELECT u.*, s.plan_fee_fen AS fee_fen,
  -GREATEST(100, ROUND((local_fen + ld_fen + roaming_fen + sms_fen + data_fen + vas_fen) * 0.05)) AS discount_fen,
  STR_TO_DATE(CONCAT(u.month, '01'), '%Y%m%d') AS month_start,
  PERIOD_DIFF(DATE_FORMAT(CURDATE(), '%Y%m'), u.month) AS months_ago
FROM demo_usage u JOIN subscribers s ON s.msisdn = u.msisdn;

INSERT INTO bills (msisdn, month, total_fen, paid_fen, balance_fen, closed_on, due_on)
  SELECT b.msisdn, b.month, t.total,
    -- Everything is paid except the latest bill of 13601625678 (part paid)
    -- and of 13905712345 (suspended, unpaid).
    CASE WHEN b.months_ago = 1 AND b.msisdn = '13601625678' THEN t.total DIV 2
         WHEN b.months_ago = 1 AND b.msisdn = '13905712345' THEN 0
         ELSE t.total END,
    s.balance_fen + (b.months_ago * 731 + n.k * 97) % 4000 - 1500,
    DATE_ADD(b.month_start, INTERVAL 1 MONTH),
    DATE_ADD(DATE_ADD(b.month_start, INTERVAL 1 MONTH), INTERVAL 19 DAY)
  FROM demo_bill b
  JOIN demo_num n ON n.msisdn = b.msisdn
  JOIN subscribers s ON s.msisdn = b.msisdn
  JOIN (SELECT msisdn, month, fee_fen + local_fen + ld_fen + roaming_fen + sms_fen
               + data_fen + vas_fen + discount_fen AS total FROM demo_bill) t
    ON t.msisdn = b.msisdn AND t.month = b.month;

INSERT INTO bill_items (msisdn, month, category, amount_fen)
  SELECT msisdn, month, 'monthly_fee', fee_fen FROM demo_bill
  UNION ALL SELECT msisdn, month, 'local', local_fen FROM demo_bill
  UNION ALL SELECT msisdn, month, 'long_distance', ld_fen FROM demo_bill
  UNION ALL SELECT msisdn, month, 'roaming', roaming_fen FROM demo_bill
  UNION ALL SELECT msisdn, month, 'sms', sms_fen FROM demo_bill
  UNION ALL SELECT msisdn, month, 'data', data_fen FROM demo_bill
  UNION ALL SELECT msisdn, month, 'vas', vas_fen FROM demo_bill
  UNION ALL SELECT msisdn, month, 'discount', discount_fen FROM demo_bill;

-- Payments: each bill's paid amount, a few days after it closed (channel by
-- month), and top-ups on the 8th, 18th and 28th of every month including
-- this one, when that day has come (mixed channels), so 13800138000 has
-- more than one page of payments.
INSERT INTO payments (msisdn, paid_at, amount_fen, channel, reference)
  SELECT b.msisdn,
    -- Never in the future: early in the month the latest bill was paid
    -- "just now" (the 1st at 00:00 is an edge case the demo accepts).
    LEAST(TIMESTAMP(b.closed_on) + INTERVAL (2 + (n.k + b.month) % 9) DAY
            + INTERVAL (9 * 3600 + n.k * 1811 + b.month % 97 * 113) SECOND,
          NOW() - INTERVAL (10 + n.k) MINUTE),
    b.paid_fen,
    ELT(1 + (n.k + b.month) % 4, 'counter', 'bank', 'card', 'online'),
    CONCAT(ELT(1 + (n.k + b.month) % 4, 'YYT', 'BANK', 'CARD', 'WEB'), b.month, RIGHT(b.msisdn, 4), n.k)
  FROM bills b JOIN demo_num n ON n.msisdn = b.msisdn
  WHERE b.paid_fen > 0;

INSERT INTO payments (msisdn, paid_at, amount_fen, channel, reference)
  SELECT n.msisdn,
    TIMESTAMP(dd.day) + INTERVAL (10 * 3600 + n.k * 2399 + dd.d * 61) SECOND,
    ELT(1 + (dd.d + n.k) % 3, 3000, 5000, 10000),
    ELT(1 + (dd.d + n.k) % 4, 'card', 'online', 'counter', 'bank'),
    CONCAT(ELT(1 + (dd.d + n.k) % 4, 'CARD', 'WEB', 'YYT', 'BANK'), DATE_FORMAT(dd.day, '%Y%m%d'), RIGHT(n.msisdn, 4), 'T')
  FROM demo_num n JOIN demo_day dd ON DAY(dd.day) IN (8, 18, 28)
  WHERE TIMESTAMP(dd.day) + INTERVAL (10 * 3600 + n.k * 2399 + dd.d * 61) SECOND <= NOW();

DROP TEMPORARY TABLE demo_bill;
DROP TEMPORARY TABLE demo_usage;
DROP TEMPORARY TABLE demo_row;
DROP TEMPORARY TABLE demo_day;
DROP TEMPORARY TABLE demo_num;
