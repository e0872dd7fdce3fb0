-- 003_billing_points: what billing (Q-01..Q-05) and points (Q-06..Q-08,
-- exchange) read and write, the per-province service availability, the
-- acceptance records (业务异动) and the mail outbox.
-- Money in fen, months as YYYYMM integers, times in DATETIME (local).

CREATE TABLE services (
  code          VARCHAR(24) NOT NULL COMMENT 'e.g. cdr, monthly_bill',
  spec_id       VARCHAR(8)  NOT NULL COMMENT 'SPEC id, e.g. Q-01',
  name          VARCHAR(32) NOT NULL COMMENT 'menu label (zh-CN)',
  other_brands  TINYINT(1)  NOT NULL DEFAULT 1
    COMMENT 'default for brands other than GoTone where a province sets nothing',
  PRIMARY KEY (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='routed services whose audience a province decides';

CREATE TABLE service_availability (
  province_id  SMALLINT    NOT NULL,
  brand_code   VARCHAR(16) NOT NULL,
  service_code VARCHAR(24) NOT NULL,
  enabled      TINYINT(1)  NOT NULL,
  PRIMARY KEY (province_id, brand_code, service_code),
  CONSTRAINT fk_avail_province FOREIGN KEY (province_id) REFERENCES provinces (id),
  CONSTRAINT fk_avail_brand FOREIGN KEY (brand_code) REFERENCES brands (code),
  CONSTRAINT fk_avail_service FOREIGN KEY (service_code) REFERENCES services (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='province x brand x service; GoTone always has every service';

INSERT INTO services (code, spec_id, name, other_brands) VALUES
  ('cdr',             'Q-01', '话费详单查询', 1),
  ('monthly_bill',    'Q-02', '月话费账单查询', 1),
  ('realtime',        'Q-03', '实时话费查询', 1),
  ('payments',        'Q-04', '缴费历史情况查询', 1),
  ('email_bill',      'Q-05', '邮寄账单通知服务', 1),
  ('points',          'Q-06', '积分查询', 1),
  ('points_exchange', 'X-02', '积分兑换', 1);

ALTER TABLE subscribers
  ADD COLUMN bill_email VARCHAR(254) NULL COMMENT 'registered bill address (Q-05)',
  ADD COLUMN bill_day TINYINT NOT NULL DEFAULT 1 COMMENT 'bill-closing day of month (出账日)',
  ADD COLUMN plan_fee_fen INT NOT NULL DEFAULT 0 COMMENT 'monthly fee of the plan';

-- Call detail records, one partition per month, read by (msisdn, start_time).
CREATE TABLE cdrs (
  msisdn      CHAR(11)     NOT NULL,
  start_time  DATETIME     NOT NULL,
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  kind        ENUM('voice','sms','data','vas') NOT NULL COMMENT '语音, 短信/彩信, 上网, 增值业务',
  direction   ENUM('out','in') NOT NULL DEFAULT 'out',
  peer        VARCHAR(24)  NOT NULL DEFAULT '' COMMENT 'other party, or service name',
  location    VARCHAR(32)  NOT NULL DEFAULT '' COMMENT 'where it happened (city)',
  roaming     ENUM('local','domestic','international') NOT NULL DEFAULT 'local',
  duration_s  INT UNSIGNED NOT NULL DEFAULT 0,
  volume_kb   INT UNSIGNED NOT NULL DEFAULT 0,
  fee_fen     INT          NOT NULL DEFAULT 0,
  PRIMARY KEY (msisdn, start_time, id),
  KEY ix_cdrs_id (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='call detail records (通话清单)'
  PARTITION BY RANGE COLUMNS (start_time) (
  PARTITION p202501 VALUES LESS THAN ('2025-02-01'),
  PARTITION p202502 VALUES LESS THAN ('2025-03-01'),
  PARTITION p202503 VALUES LESS THAN ('2025-04-01'),
  PARTITION p202504 VALUES LESS THAN ('2025-05-01'),
  PARTITION p202505 VALUES LESS THAN ('2025-06-01'),
  PARTITION p202506 VALUES LESS THAN ('2025-07-01'),
  PARTITION p202507 VALUES LESS THAN ('2025-08-01'),
  PARTITION p202508 VALUES LESS THAN ('2025-09-01'),
  PARTITION p202509 VALUES LESS THAN ('2025-10-01'),
  PARTITION p202510 VALUES LESS THAN ('2025-11-01'),
  PARTITION p202511 VALUES LESS THAN ('2025-12-01'),
  PARTITION p202512 VALUES LESS THAN ('2026-01-01'),
  PARTITION p202601 VALUES LESS THAN ('2026-02-01'),
  PARTITION p202602 VALUES LESS THAN ('2026-03-01'),
  PARTITION p202603 VALUES LESS THAN ('2026-04-01'),
  PARTITION p202604 VALUES LESS THAN ('2026-05-01'),
  PARTITION p202605 VALUES LESS THAN ('2026-06-01'),
  PARTITION p202606 VALUES LESS THAN ('2026-07-01'),
  PARTITION p202607 VALUES LESS THAN ('2026-08-01'),
  PARTITION p202608 VALUES LESS THAN ('2026-09-01'),
  PARTITION p202609 VALUES LESS THAN ('2026-10-01'),
  PARTITION p202610 VALUES LESS THAN ('2026-11-01'),
  PARTITION p202611 VALUES LESS THAN ('2026-12-01'),
  PARTITION p202612 VALUES LESS THAN ('2027-01-01'),
  PARTITION p202701 VALUES LESS THAN ('2027-02-01'),
  PARTITION p202702 VALUES LESS THAN ('2027-03-01'),
  PARTITION p202703 VALUES LESS THAN ('2027-04-01'),
  PARTITION p202704 VALUES LESS THAN ('2027-05-01'),
  PARTITION p202705 VALUES LESS THAN ('2027-06-01'),
  PARTITION p202706 VALUES LESS THAN ('2027-07-01'),
  PARTITION p202707 VALUES LESS THAN ('2027-08-01'),
  PARTITION p202708 VALUES LESS THAN ('2027-09-01'),
  PARTITION p202709 VALUES LESS THAN ('2027-10-01'),
  PARTITION p202710 VALUES LESS THAN ('2027-11-01'),
  PARTITION p202711 VALUES LESS THAN ('2027-12-01'),
  PARTITION p202712 VALUES LESS THAN ('2028-01-01'),
  PARTITION p202801 VALUES LESS THAN ('2028-02-01'),
  PARTITION p202802 VALUES LESS THAN ('2028-03-01'),
  PARTITION p202803 VALUES LESS THAN ('2028-04-01'),
  PARTITION p202804 VALUES LESS THAN ('2028-05-01'),
  PARTITION p202805 VALUES LESS THAN ('2028-06-01'),
  PARTITION p202806 VALUES LESS THAN ('2028-07-01'),
  PARTITION p202807 VALUES LESS THAN ('2028-08-01'),
  PARTITION p202808 VALUES LESS THAN ('2028-09-01'),
  PARTITION p202809 VALUES LESS THAN ('2028-10-01'),
  PARTITION p202810 VALUES LESS THAN ('2028-11-01'),
  PARTITION p202811 VALUES LESS THAN ('2028-12-01'),
  PARTITION p202812 VALUES LESS THAN ('2029-01-01'),
  PARTITION pmax VALUES LESS THAN (MAXVALUE));

CREATE TABLE bills (
  msisdn      CHAR(11) NOT NULL,
  month       INT      NOT NULL COMMENT 'YYYYMM',
  total_fen   BIGINT   NOT NULL COMMENT 'sum of the items',
  paid_fen    BIGINT   NOT NULL DEFAULT 0,
  balance_fen BIGINT   NOT NULL COMMENT 'account balance when the bill closed',
  closed_on   DATE     NOT NULL COMMENT '出账日期',
  due_on      DATE     NOT NULL,
  PRIMARY KEY (msisdn, month)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='closed monthly bills (月账单)';

CREATE TABLE bill_items (
  msisdn     CHAR(11) NOT NULL,
  month      INT      NOT NULL,
  category   ENUM('monthly_fee','local','long_distance','roaming','sms','data','vas','discount') NOT NULL,
  amount_fen BIGINT   NOT NULL COMMENT 'negative for discounts and adjustments',
  PRIMARY KEY (msisdn, month, category),
  CONSTRAINT fk_bill_items_bill FOREIGN KEY (msisdn, month) REFERENCES bills (msisdn, month)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE payments (
  id         BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  msisdn     CHAR(11)    NOT NULL,
  paid_at    DATETIME    NOT NULL,
  amount_fen BIGINT      NOT NULL,
  channel    ENUM('counter','bank','card','online') NOT NULL COMMENT '营业厅, 银行, 充值卡, 网上',
  reference  VARCHAR(40) NOT NULL DEFAULT '',
  PRIMARY KEY (id),
  KEY ix_payments_msisdn (msisdn, paid_at, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='payments into the account (缴费历史)';

CREATE TABLE points_balances (
  msisdn      CHAR(11) NOT NULL,
  tenure      INT      NOT NULL DEFAULT 0 COMMENT '在网积分',
  consumption INT      NOT NULL DEFAULT 0 COMMENT '消费积分, the points spent on exchanges',
  credit      INT      NOT NULL DEFAULT 0 COMMENT '信用积分',
  other       INT      NOT NULL DEFAULT 0 COMMENT '其他 (promotions)',
  PRIMARY KEY (msisdn),
  CONSTRAINT ck_points_nonnegative CHECK (tenure >= 0 AND consumption >= 0 AND credit >= 0 AND other >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='unredeemed points by kind (Q-06, Q-07)';

CREATE TABLE points_ledger (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  msisdn      CHAR(11)    NOT NULL,
  at          DATETIME    NOT NULL,
  kind        ENUM('tenure','consumption','credit','other') NOT NULL,
  points      INT         NOT NULL COMMENT 'earned (+) or spent/expired (-)',
  description VARCHAR(64) NOT NULL,
  PRIMARY KEY (id),
  KEY ix_points_ledger_msisdn (msisdn, at, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='every change of points (Q-07)';

CREATE TABLE rewards (
  id          INT          NOT NULL AUTO_INCREMENT,
  name        VARCHAR(64)  NOT NULL,
  category    VARCHAR(16)  NOT NULL COMMENT '话费, 流量, 实物, 服务',
  points_cost INT          NOT NULL,
  stock       INT          NOT NULL,
  description VARCHAR(255) NOT NULL DEFAULT '',
  active      TINYINT(1)   NOT NULL DEFAULT 1,
  PRIMARY KEY (id),
  CONSTRAINT ck_rewards_stock CHECK (stock >= 0 AND points_cost > 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='points exchange catalogue';

CREATE TABLE exchanges (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  msisdn      CHAR(11)    NOT NULL,
  reward_id   INT         NOT NULL,
  points      INT         NOT NULL,
  at          DATETIME    NOT NULL,
  request_id  CHAR(43)    NOT NULL COMMENT 'form token: a double submission is one exchange',
  PRIMARY KEY (id),
  UNIQUE KEY uq_exchanges_request (request_id),
  KEY ix_exchanges_msisdn (msisdn, at, id),
  CONSTRAINT fk_exchanges_reward FOREIGN KEY (reward_id) REFERENCES rewards (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='points exchanges (Q-08)';

CREATE TABLE acceptances (
  id        BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  msisdn    CHAR(11)    NOT NULL,
  at        DATETIME    NOT NULL,
  business  VARCHAR(32) NOT NULL COMMENT 'e.g. 积分兑换, 邮寄账单',
  channel   ENUM('web','counter','call_centre','sms') NOT NULL DEFAULT 'web',
  result    ENUM('done','pending','failed') NOT NULL DEFAULT 'done',
  detail    VARCHAR(255) NOT NULL DEFAULT '',
  PRIMARY KEY (id),
  KEY ix_acceptances_msisdn (msisdn, at, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='acceptance records (业务异动), written with every change';

CREATE TABLE outbox (
  id              BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  channel         ENUM('email','sms') NOT NULL,
  recipient       VARCHAR(254) NOT NULL,
  subject         VARCHAR(200) NOT NULL DEFAULT '',
  body            MEDIUMTEXT   NOT NULL,
  status          ENUM('pending','sent','failed') NOT NULL DEFAULT 'pending',
  attempts        INT          NOT NULL DEFAULT 0,
  next_attempt_at DATETIME     NOT NULL,
  last_error      VARCHAR(255) NOT NULL DEFAULT '',
  created_at      DATETIME     NOT NULL,
  sent_at         DATETIME     NULL,
  PRIMARY KEY (id),
  KEY ix_outbox_due (status, next_attempt_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='messages to customers, written in the same transaction as the change; sent by notify';
