-- 001_core: reference tables, customers, sessions, login throttling, staff, audit.
-- Applied once by `scripts/db migrate` (as root over the socket) and recorded
-- in schema_migrations. Column names are the contract between the programs.
-- Money in integer fen, times in DATETIME (server local time).

CREATE TABLE provinces (
  id         SMALLINT     NOT NULL COMMENT 'GB/T 2260 two-digit code, e.g. 11 北京, 44 广东',
  name       VARCHAR(16)  NOT NULL COMMENT '常用名, e.g. 北京, 内蒙古, 广西',
  short_name VARCHAR(8)   NULL     COMMENT '简称, e.g. 京, 粤',
  capital    VARCHAR(16)  NOT NULL COMMENT '省会/首府',
  site_url   VARCHAR(255) NULL     COMMENT 'external province site login URL; NULL = served by this site',
  PRIMARY KEY (id),
  UNIQUE KEY uq_provinces_name (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='31 mainland provinces, autonomous regions and municipalities';

CREATE TABLE cities (
  id          INT         NOT NULL AUTO_INCREMENT,
  province_id SMALLINT    NOT NULL,
  name        VARCHAR(32) NOT NULL,
  is_capital  TINYINT     NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  UNIQUE KEY uq_cities_province_name (province_id, name),
  CONSTRAINT fk_cities_province FOREIGN KEY (province_id) REFERENCES provinces (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='home cities (地市) of number segments';

CREATE TABLE brands (
  code     VARCHAR(16) NOT NULL COMMENT 'gotone | easyown | mzone',
  name     VARCHAR(16) NOT NULL COMMENT '全球通 | 神州行 | 动感地带',
  name_en  VARCHAR(32) NOT NULL,
  slogan   VARCHAR(64) NULL,
  features TEXT        NULL COMMENT 'R-01 品牌特点 (plain text, one item per line)',
  services TEXT        NULL COMMENT 'R-01 基本业务',
  tariffs  TEXT        NULL COMMENT 'R-01 基本资费',
  payment  TEXT        NULL COMMENT 'R-01 缴费方式',
  support  TEXT        NULL COMMENT 'R-01 客户服务信息',
  sort     TINYINT     NOT NULL DEFAULT 0,
  national TINYINT(1)  NOT NULL DEFAULT 1 COMMENT '1 = national brand, shown on the head office site',
  PRIMARY KEY (code),
  UNIQUE KEY uq_brands_name (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE segments (
  prefix     CHAR(7)     NOT NULL COMMENT 'first 7 digits of the mobile number (号段)',
  city_id    INT         NOT NULL,
  brand_code VARCHAR(16) NOT NULL,
  PRIMARY KEY (prefix),
  KEY ix_segments_city (city_id),
  KEY ix_segments_brand (brand_code),
  CONSTRAINT fk_segments_city  FOREIGN KEY (city_id)    REFERENCES cities (id),
  CONSTRAINT fk_segments_brand FOREIGN KEY (brand_code) REFERENCES brands (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='number segments: home city and brand (Q-10, routing)';

CREATE TABLE subscribers (
  msisdn        CHAR(11)     NOT NULL,
  brand_code    VARCHAR(16)  NOT NULL,
  province_id   SMALLINT     NOT NULL,
  city_id       INT          NOT NULL,
  name          VARCHAR(32)  NOT NULL,
  status        ENUM('active','suspended','lost','closed') NOT NULL DEFAULT 'active',
  password_hash VARCHAR(128) NOT NULL COMMENT 'argon2id, libsodium crypto_pwhash_str',
  plan          VARCHAR(64)  NULL,
  balance_fen   BIGINT       NOT NULL DEFAULT 0,
  created_at    DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (msisdn),
  KEY ix_subscribers_brand (brand_code),
  KEY ix_subscribers_province (province_id),
  KEY ix_subscribers_city (city_id),
  CONSTRAINT fk_subscribers_brand    FOREIGN KEY (brand_code)  REFERENCES brands (code),
  CONSTRAINT fk_subscribers_province FOREIGN KEY (province_id) REFERENCES provinces (id),
  CONSTRAINT fk_subscribers_city     FOREIGN KEY (city_id)     REFERENCES cities (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE sessions (
  token_hash BINARY(32) NOT NULL COMMENT 'SHA-256 of the cookie token',
  msisdn     CHAR(11)   NOT NULL,
  created_at DATETIME   NOT NULL,
  seen_at    DATETIME   NOT NULL,
  reauth_at  DATETIME   NULL COMMENT 'last password re-entry for sensitive actions',
  PRIMARY KEY (token_hash),
  KEY ix_sessions_msisdn (msisdn),
  CONSTRAINT fk_sessions_subscriber FOREIGN KEY (msisdn) REFERENCES subscribers (msisdn)
    ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE login_failures (
  id      BIGINT      NOT NULL AUTO_INCREMENT,
  kind    ENUM('msisdn','staff','ip') NOT NULL,
  subject VARCHAR(64) NOT NULL COMMENT 'msisdn, staff username or client address',
  at      DATETIME    NOT NULL,
  PRIMARY KEY (id),
  KEY ix_login_failures_subject (kind, subject, at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE login_locks (
  kind         ENUM('msisdn','staff','ip') NOT NULL,
  subject      VARCHAR(64) NOT NULL,
  locked_until DATETIME    NOT NULL,
  PRIMARY KEY (kind, subject)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE staff (
  id            INT          NOT NULL AUTO_INCREMENT,
  username      VARCHAR(32)  NOT NULL,
  display_name  VARCHAR(32)  NOT NULL,
  password_hash VARCHAR(128) NOT NULL COMMENT 'argon2id, libsodium crypto_pwhash_str',
  role          ENUM('admin','complaint_agent','complaint_supervisor',
                     'content_editor','content_approver','analyst') NOT NULL,
  province_id   SMALLINT     NULL COMMENT 'NULL = head office (集团公司)',
  active        TINYINT(1)   NOT NULL DEFAULT 1,
  created_at    DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (id),
  UNIQUE KEY uq_staff_username (username),
  KEY ix_staff_province (province_id),
  CONSTRAINT fk_staff_province FOREIGN KEY (province_id) REFERENCES provinces (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE staff_sessions (
  token_hash BINARY(32) NOT NULL,
  staff_id   INT        NOT NULL,
  created_at DATETIME   NOT NULL,
  seen_at    DATETIME   NOT NULL,
  PRIMARY KEY (token_hash),
  KEY ix_staff_sessions_staff (staff_id),
  CONSTRAINT fk_staff_sessions_staff FOREIGN KEY (staff_id) REFERENCES staff (id)
    ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE audit_log (
  id        BIGINT       NOT NULL AUTO_INCREMENT,
  at        DATETIME     NOT NULL,
  staff_id  INT          NULL COMMENT 'NULL for failed logins of unknown users',
  username  VARCHAR(32)  NOT NULL,
  action    VARCHAR(32)  NOT NULL,
  target    VARCHAR(128) NULL,
  detail    VARCHAR(512) NULL,
  client_ip VARCHAR(45)  NULL,
  PRIMARY KEY (id),
  KEY ix_audit_log_at (at),
  KEY ix_audit_log_staff_at (staff_id, at),
  CONSTRAINT fk_audit_log_staff FOREIGN KEY (staff_id) REFERENCES staff (id)
    ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
