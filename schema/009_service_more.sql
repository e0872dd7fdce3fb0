-- 009_service_more: the rest of business acceptance (SPEC 4.4): custom
-- (proactive) service settings (B-09), plan change (B-10), international
-- roaming (B-11) and direct dial (B-15) with their deposit rules, and
-- cross-region SIM replacement (X-01) with its new network action.

INSERT INTO services (code, spec_id, name, other_brands) VALUES
  ('custom',       'B-09', '定制类服务变更', 1),
  ('plan_change',  'B-10', '套餐计划变更', 1),
  ('intl_roaming', 'B-11', '国际漫游业务', 1),
  ('idd',          'B-15', '国际直拨业务', 1),
  ('sim_replace',  'X-01', '跨区补卡', 1);

-- ---------------------------------------------------------------- B-11, B-15

-- The deposit (保证金) held for international services; taken at the
-- counter or by bank transfer, never by this site.
ALTER TABLE subscribers
  ADD COLUMN intl_deposit_fen BIGINT NOT NULL DEFAULT 0
    COMMENT '国际业务保证金 already held (B-11, B-15)';

-- What a customer must hold (deposit, or balance) before the network
-- feature is opened. province_id 0 is the rule of every province without a
-- row of its own; a brand without any row needs no deposit.
CREATE TABLE intl_deposit_rules (
  province_id SMALLINT    NOT NULL COMMENT '0 = default of the provinces without their own row',
  brand_code  VARCHAR(16) NOT NULL,
  feature     ENUM('intl_roaming','intl_long_distance') NOT NULL
    COMMENT 'the network feature: roaming (B-11) or direct dial (B-15)',
  deposit_fen INT         NOT NULL COMMENT '0 = no deposit',
  PRIMARY KEY (province_id, brand_code, feature),
  CONSTRAINT ck_deposit CHECK (deposit_fen >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='international roaming / direct dial deposit rules per region';

-- Defaults: GoTone (postpaid with credit) needs none; prepaid brands 1000
-- 元 for roaming and 500 元 for direct dial. 北京 and 上海 ask GoTone for
-- 500 元 (roaming) and 200 元 (direct dial) and prepaid brands for more.
INSERT INTO intl_deposit_rules (province_id, brand_code, feature, deposit_fen) VALUES
  (0,  'gotone',  'intl_roaming', 0),       (0,  'gotone',  'intl_long_distance', 0),
  (0,  'easyown', 'intl_roaming', 100000),  (0,  'easyown', 'intl_long_distance', 50000),
  (0,  'mzone',   'intl_roaming', 100000),  (0,  'mzone',   'intl_long_distance', 50000),
  (11, 'gotone',  'intl_roaming', 50000),   (11, 'gotone',  'intl_long_distance', 20000),
  (11, 'easyown', 'intl_roaming', 200000),  (11, 'easyown', 'intl_long_distance', 100000),
  (11, 'mzone',   'intl_roaming', 200000),  (11, 'mzone',   'intl_long_distance', 100000),
  (31, 'gotone',  'intl_roaming', 50000),   (31, 'gotone',  'intl_long_distance', 20000);

-- ---------------------------------------------------------------- B-10

CREATE TABLE plans (
  code            VARCHAR(24) NOT NULL,
  brand_code      VARCHAR(16) NOT NULL,
  name            VARCHAR(64) NOT NULL COMMENT 'as subscribers.plan holds it',
  monthly_fee_fen INT         NOT NULL,
  rules           TEXT        NOT NULL COMMENT 'business rules and tariffs, one item per line',
  sort            TINYINT     NOT NULL DEFAULT 0,
  active          TINYINT(1)  NOT NULL DEFAULT 1 COMMENT '0 = no longer offered',
  PRIMARY KEY (code),
  KEY ix_plans_brand (brand_code, sort),
  CONSTRAINT fk_plans_brand FOREIGN KEY (brand_code) REFERENCES brands (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='voice packages offered per brand (B-10)';

-- A change is applied by billing on effective_on (the 1st of next month).
-- At most one pending change per line: pending_msisdn, the number while the
-- change is pending and NULL after, is unique. (Set by the writers: MariaDB
-- 10.11 refuses a CHAR column in an indexed generated column.)
CREATE TABLE plan_changes (
  id             BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  msisdn         CHAR(11)    NOT NULL,
  from_plan      VARCHAR(64) NULL,
  plan_code      VARCHAR(24) NOT NULL,
  effective_on   DATE        NOT NULL,
  status         ENUM('pending','cancelled','applied') NOT NULL DEFAULT 'pending',
  request_id     CHAR(43)    NULL COMMENT 'form token: a double submission is one change',
  pending_msisdn CHAR(11)    NULL COMMENT 'msisdn while pending, NULL once settled',
  created_at     DATETIME    NOT NULL,
  settled_at     DATETIME    NULL COMMENT 'cancelled or applied',
  PRIMARY KEY (id),
  UNIQUE KEY uq_plan_changes_request (request_id),
  UNIQUE KEY uq_plan_changes_pending (pending_msisdn),
  KEY ix_plan_changes_msisdn (msisdn, id),
  CONSTRAINT fk_plan_changes_plan FOREIGN KEY (plan_code) REFERENCES plans (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='plan changes requested for next month (B-10)';

-- The month-end freeze (业务冻结受理时间): the last freeze_days days of the
-- month, when billing prepares next month's plans, refuse changes. A
-- province without a row uses [service] plan_freeze_days of selfcare.ini.
CREATE TABLE plan_freeze (
  province_id SMALLINT NOT NULL,
  freeze_days TINYINT  NOT NULL COMMENT '0 = no freeze; 31 = always frozen',
  PRIMARY KEY (province_id),
  CONSTRAINT fk_plan_freeze_province FOREIGN KEY (province_id) REFERENCES provinces (id),
  CONSTRAINT ck_freeze_days CHECK (freeze_days BETWEEN 0 AND 31)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='per-province month-end freeze of plan changes (B-10)';

INSERT INTO plans (code, brand_code, name, monthly_fee_fen, rules, sort) VALUES
('gt58',  'gotone', '全球通58元套餐', 5800,
'月费 58 元，含国内主叫 150 分钟、国内数据流量 1GB。
套餐外国内主叫 0.19 元/分钟，国内接听免费。
短信 0.10 元/条。', 1),
('gt88',  'gotone', '全球通88元套餐', 8800,
'月费 88 元，含国内主叫 450 分钟、国内数据流量 3GB。
套餐外国内主叫 0.19 元/分钟，国内接听免费。
含来电显示、语音信箱。', 2),
('gt128', 'gotone', '全球通128元套餐', 12800,
'月费 128 元，含国内主叫 700 分钟、国内数据流量 6GB。
套餐外国内主叫 0.15 元/分钟，国内接听免费。
可享全球通机场贵宾服务（以当年章程为准）。', 3),
('ez_ct', 'easyown', '神州行畅听卡', 1000,
'月功能费 10 元，本地主叫 0.15 元/分钟，本地被叫免费。
国内长途 0.25 元/分钟。', 1),
('ez_qs', 'easyown', '神州行轻松卡', 0,
'无月租，本地主叫 0.25 元/分钟，本地被叫免费。
国内长途 0.25 元/分钟（不另加长途费）。', 2),
('mz_xy28', 'mzone', '动感地带校园套餐28元', 2800,
'月费 28 元，含本地主叫 200 分钟、短信 300 条、校园流量 2GB。
套餐外本地主叫 0.15 元/分钟。', 1),
('mz_yl18', 'mzone', '动感地带音乐套餐18元', 1800,
'月费 18 元，含彩铃、歌曲下载 10 首、短信 200 条。
本地主叫 0.20 元/分钟。', 2);

-- ---------------------------------------------------------------- B-09

CREATE TABLE custom_services (
  msisdn            CHAR(11)     NOT NULL,
  bill_address      VARCHAR(128) NULL COMMENT '详单邮寄地址; NULL = not mailed',
  balance_alert_fen INT          NULL COMMENT '余额提醒 threshold; NULL = no reminder',
  callback          ENUM('none','morning','afternoon','evening','anytime') NOT NULL DEFAULT 'anytime'
    COMMENT '回访要求: none = no follow-up calls, else the time window',
  updated_at        DATETIME     NOT NULL,
  PRIMARY KEY (msisdn)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='proactive service settings (B-09); no row = the defaults';

-- ---------------------------------------------------------------- X-01

-- The line's SIM cards. A replacement is recorded inactive (in transit);
-- the customer activates it on receipt, which sends a sim_swap order; only
-- the network's confirmation makes it active and voids the old card. A
-- line without any row has its original card, not recorded here.
CREATE TABLE sim_cards (
  iccid            CHAR(20)     NOT NULL,
  msisdn           CHAR(11)     NOT NULL,
  status           ENUM('inactive','active','void') NOT NULL,
  city_id          INT          NULL COMMENT 'where it is delivered',
  delivery_address VARCHAR(128) NULL,
  contact_phone    VARCHAR(20)  NULL,
  request_id       CHAR(43)     NULL COMMENT 'form token: a double submission is one card',
  transit_msisdn   CHAR(11)     NULL COMMENT 'msisdn while inactive (in transit), NULL after: one per line',
  created_at       DATETIME     NOT NULL,
  activated_at     DATETIME     NULL,
  voided_at        DATETIME     NULL,
  PRIMARY KEY (iccid),
  UNIQUE KEY uq_sim_cards_request (request_id),
  UNIQUE KEY uq_sim_cards_transit (transit_msisdn),
  KEY ix_sim_cards_msisdn (msisdn, status),
  CONSTRAINT fk_sim_cards_city FOREIGN KEY (city_id) REFERENCES cities (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='SIM cards of a line (X-01); at most one in transit';

ALTER TABLE provision_orders
  MODIFY action ENUM('suspend','resume','loss','feature','sim_swap') NOT NULL;
ALTER TABLE hlr_lines
  ADD COLUMN iccid CHAR(20) NULL COMMENT 'the SIM the simulated network knows';
