-- 005_service: what the service program (business acceptance, SPEC B-xx)
-- reads and writes beyond the tables it shares: the customer's contact data
-- (B-08), the SIM's PUK (Q-09), top-up cards (B-06) and their lockout.

ALTER TABLE subscribers
  ADD COLUMN contact_address VARCHAR(128) NULL COMMENT '联系地址 (B-08)',
  ADD COLUMN contact_phone   VARCHAR(20)  NULL COMMENT '联系电话 (B-08)',
  ADD COLUMN email           VARCHAR(254) NULL COMMENT '电子邮件 (B-08)',
  ADD COLUMN puk             CHAR(8)      NULL COMMENT 'PUK of the current SIM (Q-09)';

-- Wrong card PINs are counted per card and per customer like passwords.
ALTER TABLE login_failures
  MODIFY kind ENUM('msisdn','staff','ip','card','card_msisdn') NOT NULL;
ALTER TABLE login_locks
  MODIFY kind ENUM('msisdn','staff','ip','card','card_msisdn') NOT NULL;

CREATE TABLE topup_cards (
  card_no    CHAR(17)  NOT NULL COMMENT '充值卡序列号',
  pin_sha256 CHAR(64)  NOT NULL COMMENT 'hex SHA-256 of "card_no:pin"; the PIN itself is never stored',
  value_fen  INT       NOT NULL,
  status     ENUM('unused','used','void') NOT NULL DEFAULT 'unused',
  expires_on DATE      NOT NULL,
  used_at    DATETIME  NULL,
  used_by    CHAR(11)  NULL,
  PRIMARY KEY (card_no),
  CONSTRAINT ck_topup_value CHECK (value_fen > 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='top-up (话费) cards: B-06';

INSERT INTO services (code, spec_id, name, other_brands) VALUES
  ('topup',         'B-06', '话费卡缴费', 1),
  ('data_change',   'B-08', '客户资料变更', 1),
  ('password',      'B-12', '客户密码更改', 1),
  ('history',       'B-13', '受理结果查询', 1),
  ('puk',           'Q-09', 'PUK码查询', 1);
