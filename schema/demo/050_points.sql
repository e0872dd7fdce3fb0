-- Demo points (Q-06..Q-08) and the rewards catalogue (exchange, X-02 rules).
--
-- Re-loading resets everything below to the same picture, relative to
-- CURDATE(): the demo numbers' ledger, exchanges, exchange acceptances and
-- balances are deleted and written again, and the catalogue is upserted by
-- fixed ids with its stock reset. The balances are computed FROM the ledger
-- rows just written, so for every number and kind balance = SUM(ledger).
--
-- Each number gets 12 or 13 monthly postings of 在网积分 (tenure, on the 1st) and
-- 消费积分 (consumption, on the 3rd, from the previous month's spend), one
-- 信用积分 (credit) award, one promotion (其他), and past exchanges with
-- their exchanges rows and negative consumption ledger rows; GoTone numbers
-- also get a monthly club bonus (其他), so their ledger runs to two pages.
--
-- Two numbers exist only for the points tests (segment 1582800, 四川 成都
-- 动感地带, which offers points exchange); the tests reset their points:
--   15828009990  service password 802468  test/e2e/points_exchange.sh
--   15828009999  service password 975310  test/e2e/points_concurrency.sh
-- Rewards 98 and 99 are the tests' own items: inactive (not in the
-- catalogue) except while a test runs.

-- ---------------------------------------------------------------- catalogue

INSERT INTO rewards (id, name, category, points_cost, stock, description, active) VALUES
  (1, '10元话费', '话费', 1000, 5000, '兑换后 24 小时内充入本机号码账户，可用于抵扣话费。', 1),
  (2, '30元话费', '话费', 2800, 3000, '兑换后 24 小时内充入本机号码账户，可用于抵扣话费。', 1),
  (3, '1GB国内流量包', '流量', 800, 8000, '当月有效，国内通用流量，兑换后立即生效。', 1),
  (4, '5GB国内流量包', '流量', 3000, 2000, '当月有效，国内通用流量，兑换后立即生效。', 1),
  (5, '视频会员月卡', '服务', 1500, 1200, '主流视频平台会员 30 天，兑换后以短信下发激活码。', 1),
  (6, '来电提醒包年', '服务', 600, 9999, '12 个月来电提醒功能，关机或不在服务区时的来电以短信告知。', 1),
  (7, '移动电源 10000mAh', '实物', 5000, 12, '全国包邮，兑换后 7 个工作日内发货，请保持手机畅通。', 1),
  (8, '定制保温杯', '实物', 3500, 0, '中国移动定制款 450ml 不锈钢保温杯。本期已兑完，补货后开放。', 1),
  (9, '蓝牙耳机', '实物', 12000, 30, '入耳式无线蓝牙耳机，兑换后 7 个工作日内发货。', 1),
  (98, '测试专用兑换券（功能）', '服务', 500, 0, '仅供 points_exchange 测试使用。', 0),
  (99, '测试专用兑换券（并发）', '服务', 100, 0, '仅供 points_concurrency 测试使用。', 0)
ON DUPLICATE KEY UPDATE
  name = VALUES(name), category = VALUES(category),
  points_cost = VALUES(points_cost), stock = VALUES(stock),
  description = VALUES(description), active = VALUES(active);

-- ---------------------------------------------------------------- test numbers

INSERT INTO subscribers (msisdn, brand_code, province_id, city_id, name, status,
                         password_hash, plan, balance_fen, created_at)
  SELECT v.msisdn, 'mzone', 51, c.id, v.name, 'active', v.password_hash,
         '动感地带校园套餐28元', 5000, '2022-09-01 10:00:00'
  FROM (SELECT '15828009990' AS msisdn, '测试甲' AS name,
               '$argon2id$v=19$m=19456,t=2,p=1$MYycDt8sbfdooVmM83femQ$9aOZdZVmUx3ExIKz4TmMMuEXV+jXZsjA0ZG/zUHDr98' AS password_hash
        UNION ALL SELECT '15828009999', '测试乙',
               '$argon2id$v=19$m=19456,t=2,p=1$B7umsSMVUqGBHoDpw21IzQ$bRO6RPc4JtaJNxChcTUCoSp7RVCAqCuT2ePhZnbzlPo') v
  JOIN cities c ON c.province_id = 51 AND c.name = '成都'
  ORDER BY v.msisdn
ON DUPLICATE KEY UPDATE
  status = VALUES(status), password_hash = VALUES(password_hash),
  plan = VALUES(plan), balance_fen = VALUES(balance_fen);

-- ---------------------------------------------------------------- reset

DELETE FROM points_ledger WHERE msisdn IN ('13800138000', '13601625678',
  '15828001234', '13905712345', '13802501234', '13601629999', '15828009990',
  '15828009999');
DELETE FROM exchanges WHERE msisdn IN ('13800138000', '13601625678',
  '15828001234', '13905712345', '13802501234', '13601629999', '15828009990',
  '15828009999');
DELETE FROM acceptances WHERE business = '积分兑换' AND msisdn IN ('13800138000',
  '13601625678', '15828001234', '13905712345', '13802501234', '13601629999',
  '15828009990', '15828009999');
DELETE FROM points_balances WHERE msisdn IN ('13800138000', '13601625678',
  '15828001234', '13905712345', '13802501234', '13601629999', '15828009990',
  '15828009999');

-- ---------------------------------------------------------------- accruals

-- Per number: tenure points a month, the consumption points a month are
-- base + a deterministic wobble, the credit award, and the promotion.
CREATE TEMPORARY TABLE demo_points_people (
  k INT NOT NULL, msisdn CHAR(11) NOT NULL, gotone TINYINT NOT NULL,
  tenure INT NOT NULL, cons_base INT NOT NULL, credit INT NOT NULL,
  credit_desc VARCHAR(64) NOT NULL, promo INT NOT NULL,
  promo_desc VARCHAR(64) NOT NULL, PRIMARY KEY (k));
INSERT INTO demo_points_people VALUES
  (1, '13800138000', 1, 120, 700, 1000, '年度信用积分（全球通银卡客户）', 300, '全球通客户回馈活动赠送'),
  (2, '13601625678', 0, 50, 200, 300, '年度信用积分（按时缴费）', 100, '上海移动夏日活动赠送'),
  (3, '15828001234', 0, 30, 280, 200, '年度信用积分（按时缴费）', 500, '动感地带校园活动赠送'),
  (4, '13905712345', 1, 150, 580, 800, '年度信用积分（全球通银卡客户）', 200, '全球通客户回馈活动赠送'),
  (5, '13802501234', 1, 130, 1280, 1200, '年度信用积分（全球通金卡客户）', 300, '全球通客户回馈活动赠送'),
  (6, '13601629999', 0, 40, 188, 100, '年度信用积分（按时缴费）', 0, ''),
  (7, '15828009990', 0, 30, 250, 0, '', 0, ''),
  (8, '15828009999', 0, 30, 250, 0, '', 0, '');

-- Months 0..12 back: m's postings are on the 1st and 3rd of the month m
-- months ago, for the spend of the month before it. This month's (m = 0)
-- exist from the 4th on, so no row is ever dated after today.
CREATE TEMPORARY TABLE demo_points_months (m INT NOT NULL PRIMARY KEY);
INSERT INTO demo_points_months
  SELECT v.m FROM (SELECT 0 AS m UNION ALL SELECT 1 UNION ALL SELECT 2
    UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5 UNION ALL SELECT 6
    UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9 UNION ALL SELECT 10
    UNION ALL SELECT 11 UNION ALL SELECT 12) v
  WHERE v.m > 0 OR DAY(CURDATE()) > 3;

INSERT INTO points_ledger (msisdn, at, kind, points, description)
  SELECT msisdn, at, kind, points, description FROM (
    SELECT p.msisdn,
           DATE_FORMAT(CURDATE() - INTERVAL mo.m MONTH, '%Y-%m-01 01:00:00') AS at,
           'tenure' AS kind, p.tenure AS points,
           CONCAT(DATE_FORMAT(CURDATE() - INTERVAL (mo.m + 1) MONTH, '%Y年%c月'), '在网积分') AS description
    FROM demo_points_people p CROSS JOIN demo_points_months mo
    UNION ALL
    SELECT p.msisdn,
           DATE_FORMAT(CURDATE() - INTERVAL mo.m MONTH, '%Y-%m-03 02:00:00'),
           'consumption', p.cons_base + ((mo.m * 37 + p.k * 11) % 60) * 5,
           CONCAT(DATE_FORMAT(CURDATE() - INTERVAL (mo.m + 1) MONTH, '%Y年%c月'), '消费积分')
    FROM demo_points_people p CROSS JOIN demo_points_months mo
    UNION ALL
    -- The GoTone club adds 10% of the consumption points as a bonus.
    SELECT p.msisdn,
           DATE_FORMAT(CURDATE() - INTERVAL mo.m MONTH, '%Y-%m-03 02:30:00'),
           'other', (p.cons_base + ((mo.m * 37 + p.k * 11) % 60) * 5) DIV 10,
           CONCAT(DATE_FORMAT(CURDATE() - INTERVAL (mo.m + 1) MONTH, '%Y年%c月'), '全球通俱乐部加赠')
    FROM demo_points_people p CROSS JOIN demo_points_months mo
    WHERE p.gotone = 1
    UNION ALL
    SELECT p.msisdn,
           DATE_FORMAT(CURDATE() - INTERVAL 6 MONTH, '%Y-%m-05 09:00:00'),
           'credit', p.credit, p.credit_desc
    FROM demo_points_people p WHERE p.credit > 0
    UNION ALL
    SELECT p.msisdn,
           DATE_FORMAT(CURDATE() - INTERVAL 4 MONTH, '%Y-%m-12 15:20:00'),
           'other', p.promo, p.promo_desc
    FROM demo_points_people p WHERE p.promo > 0
  ) t
  ORDER BY at, msisdn, kind;

-- ---------------------------------------------------------------- exchanges

-- Past exchanges: days ago, reward. Each becomes an exchanges row, a
-- negative consumption ledger row and an acceptance record, as the program
-- writes them. Every number has earned far more than it spent by then.
CREATE TEMPORARY TABLE demo_points_exchanges (
  n INT NOT NULL PRIMARY KEY, msisdn CHAR(11) NOT NULL, days_ago INT NOT NULL,
  reward_id INT NOT NULL);
INSERT INTO demo_points_exchanges VALUES
  (1, '13800138000', 12, 3),
  (2, '13800138000', 45, 1),
  (3, '13800138000', 110, 5),
  (4, '13800138000', 200, 3),
  (5, '13601625678', 60, 3),
  (6, '15828001234', 30, 3),
  (7, '15828001234', 150, 1),
  (8, '13905712345', 90, 2),
  (9, '13802501234', 20, 5),
  (10, '13802501234', 70, 7),
  (11, '13601629999', 200, 6);

INSERT INTO exchanges (msisdn, reward_id, points, at, request_id)
  SELECT x.msisdn, x.reward_id, r.points_cost,
         (CURDATE() - INTERVAL x.days_ago DAY) + INTERVAL (10 * 3600 + x.n * 731) SECOND,
         RPAD(CONCAT('demo', x.msisdn, LPAD(x.n, 4, '0')), 43, '0')
  FROM demo_points_exchanges x JOIN rewards r ON r.id = x.reward_id
  ORDER BY x.days_ago DESC, x.n;

INSERT INTO points_ledger (msisdn, at, kind, points, description)
  SELECT e.msisdn, e.at, 'consumption', -e.points, CONCAT('兑换：', r.name)
  FROM exchanges e JOIN rewards r ON r.id = e.reward_id
  JOIN demo_points_people p ON p.msisdn = e.msisdn
  ORDER BY e.at, e.id;

INSERT INTO acceptances (msisdn, at, business, channel, result, detail)
  SELECT e.msisdn, e.at, '积分兑换', 'web', 'done',
         CONCAT('兑换「', r.name, '」，扣减消费积分 ', e.points, ' 分，兑换单号 ', e.id)
  FROM exchanges e JOIN rewards r ON r.id = e.reward_id
  JOIN demo_points_people p ON p.msisdn = e.msisdn
  ORDER BY e.at, e.id;

-- ---------------------------------------------------------------- balances

INSERT INTO points_balances (msisdn, tenure, consumption, credit, other)
  SELECT l.msisdn,
         SUM(IF(l.kind = 'tenure', l.points, 0)),
         SUM(IF(l.kind = 'consumption', l.points, 0)),
         SUM(IF(l.kind = 'credit', l.points, 0)),
         SUM(IF(l.kind = 'other', l.points, 0))
  FROM points_ledger l JOIN demo_points_people p ON p.msisdn = l.msisdn
  GROUP BY l.msisdn;

DROP TEMPORARY TABLE demo_points_people, demo_points_months,
  demo_points_exchanges;
