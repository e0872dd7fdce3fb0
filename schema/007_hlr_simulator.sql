-- 007_hlr_simulator: the local stack's stand-in for the network (HLR/BOSS).
-- The simulator keeps its own view of each line, apart from selfcare's, and
-- a control row that tests use to make it reject, answer garbage or stall.

CREATE TABLE hlr_lines (
  msisdn   CHAR(11)    NOT NULL,
  state    ENUM('active','suspended','lost') NOT NULL DEFAULT 'active',
  features VARCHAR(512) NOT NULL DEFAULT '' COMMENT 'name=on|off[:param];...',
  updated_at DATETIME  NOT NULL,
  PRIMARY KEY (msisdn)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='HLR simulator: line state as the network holds it';

CREATE TABLE hlr_control (
  id       TINYINT NOT NULL,
  mode     ENUM('ok','reject','malformed','error') NOT NULL DEFAULT 'ok',
  delay_ms INT     NOT NULL DEFAULT 0,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='HLR simulator behaviour, set by tests';

INSERT INTO hlr_control (id, mode, delay_ms) VALUES (1, 'ok', 0);

CREATE TABLE hlr_requests (
  id       BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  at       DATETIME NOT NULL,
  order_id BIGINT UNSIGNED NULL,
  valid    TINYINT(1) NOT NULL,
  body     TEXT NOT NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='HLR simulator: every request received, for tests';
