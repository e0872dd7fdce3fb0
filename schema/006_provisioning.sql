-- 006_provisioning: orders to the network (HLR/BOSS). A change to the line
-- or its features creates an order in the same transaction as its
-- acceptance record; the provision worker sends the order's XML (schema
-- schema/provision.xsd), and only the network's confirmation changes the
-- subscriber's state. Until then the customer sees the order as pending.

CREATE TABLE provision_orders (
  id              BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  msisdn          CHAR(11)     NOT NULL,
  action          ENUM('suspend','resume','loss','feature') NOT NULL,
  feature         VARCHAR(32)  NULL COMMENT 'for action feature: call_waiting, ...',
  enabled         TINYINT(1)   NULL COMMENT 'for action feature',
  param           VARCHAR(32)  NULL COMMENT 'e.g. the forward-to number',
  request_xml     TEXT         NOT NULL,
  status          ENUM('pending','done','failed') NOT NULL DEFAULT 'pending',
  attempts        INT          NOT NULL DEFAULT 0,
  next_attempt_at DATETIME     NOT NULL,
  last_error      VARCHAR(255) NOT NULL DEFAULT '',
  response_xml    TEXT         NULL,
  acceptance_id   BIGINT UNSIGNED NULL COMMENT 'the acceptance record this order settles',
  request_id      CHAR(43)     NULL COMMENT 'form token: a double submission is one order',
  created_at      DATETIME     NOT NULL,
  done_at         DATETIME     NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uq_orders_request (request_id),
  KEY ix_orders_due (status, next_attempt_at),
  KEY ix_orders_msisdn (msisdn, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='orders to HLR/BOSS and their outcome';

CREATE TABLE line_features (
  msisdn  CHAR(11)    NOT NULL,
  feature VARCHAR(32) NOT NULL,
  enabled TINYINT(1)  NOT NULL,
  param   VARCHAR(32) NULL,
  PRIMARY KEY (msisdn, feature)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='supplementary features as the network last confirmed them (B-05)';

INSERT INTO services (code, spec_id, name, other_brands) VALUES
  ('suspend',  'B-04', '手机报停', 1),
  ('features', 'B-05', '业务申请和取消', 1),
  ('loss',     'B-14', '挂失申请', 1);
