-- 008_complaints: complaints and suggestions (S-01..S-06) and the
-- back-office work orders that handle them.
--
-- A complaint belongs to the home province of its number (SPEC 3): province
-- staff see and work only their own; head office sees all and keeps the
-- ones it must handle itself (head_office = 1). Every change a customer may
-- see is a visible event; internal notes are events with visible = 0, and
-- the customer pages select visible = 1 only.

CREATE TABLE complaint_departments (
  code VARCHAR(16) NOT NULL,
  name VARCHAR(32) NOT NULL COMMENT '集团公司 department, e.g. 网络部',
  sort TINYINT     NOT NULL DEFAULT 0,
  PRIMARY KEY (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='head-office departments a complaint can be dispatched to';

CREATE TABLE complaint_sla (
  category       ENUM('network','service','billing','product') NOT NULL,
  reply_hours    INT NOT NULL COMMENT 'promised answer to the customer, from submission',
  workorder_hours INT NOT NULL COMMENT 'due time of a work order, from dispatch',
  PRIMARY KEY (category)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='service-level rules per category';

CREATE TABLE complaints (
  id                BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  track_no          VARCHAR(20)  NULL COMMENT '受理编号, set right after the insert from the id',
  track_pw_hash     VARCHAR(128) NOT NULL COMMENT 'argon2id of the tracking password shown once',
  kind              ENUM('complaint','suggestion') NOT NULL,
  msisdn            CHAR(11)     NOT NULL,
  email             VARCHAR(254) NULL,
  contact_phone     VARCHAR(20)  NULL,
  title             VARCHAR(100) NOT NULL,
  content           TEXT         NOT NULL,
  customer_category ENUM('network','service','billing','product') NULL
                    COMMENT 'what the customer picked; NULL = let the system decide',
  auto_category     ENUM('network','service','billing','product') NOT NULL
                    COMMENT 'what the classifier said',
  category          ENUM('network','service','billing','product') NOT NULL
                    COMMENT 'current category (staff may correct it)',
  province_id       SMALLINT     NOT NULL COMMENT 'home province of the number',
  city_id           INT          NULL,
  head_office       TINYINT(1)   NOT NULL DEFAULT 0 COMMENT '1 = handled by 集团公司',
  status            ENUM('submitted','reviewing','dispatched','replied','closed')
                    NOT NULL DEFAULT 'submitted',
  recomplaint_count INT          NOT NULL DEFAULT 0 COMMENT '再投诉 count; > 0 is the flag',
  due_at            DATETIME     NOT NULL COMMENT 'promised answer time (SLA)',
  overdue           TINYINT(1)   NOT NULL DEFAULT 0,
  escalated_at      DATETIME     NULL COMMENT 'overdue and passed to the supervisor',
  result            TEXT         NULL COMMENT 'closing result shown to the customer',
  rating            TINYINT      NULL COMMENT '1-5, the customer''s satisfaction',
  rating_comment    VARCHAR(200) NULL,
  confirmed_at      DATETIME     NULL COMMENT 'the customer confirmed the result',
  request_id        CHAR(43)     NULL COMMENT 'form token: a double submission is one complaint',
  created_at        DATETIME     NOT NULL,
  updated_at        DATETIME     NOT NULL,
  closed_at         DATETIME     NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uq_complaints_track (track_no),
  UNIQUE KEY uq_complaints_request (request_id),
  KEY ix_complaints_msisdn (msisdn, created_at),
  KEY ix_complaints_queue (province_id, status, created_at),
  KEY ix_complaints_due (status, due_at),
  KEY ix_complaints_created (created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='complaints and suggestions (S-01..S-05)';

CREATE TABLE complaint_events (
  id           BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  complaint_id BIGINT UNSIGNED NOT NULL,
  at           DATETIME     NOT NULL,
  kind         ENUM('submitted','reviewed','reply','note','dispatched',
                    'workorder_done','overdue','escalated','recomplaint',
                    'reclassified','closed','confirmed','rated') NOT NULL,
  visible      TINYINT(1)   NOT NULL COMMENT '1 = the customer sees it; notes are 0',
  staff_id     INT          NULL,
  status_after ENUM('submitted','reviewing','dispatched','replied','closed') NULL,
  text         TEXT         NULL,
  PRIMARY KEY (id),
  KEY ix_events_complaint (complaint_id, id),
  CONSTRAINT fk_events_complaint FOREIGN KEY (complaint_id) REFERENCES complaints (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='status history, replies and internal notes of a complaint';

CREATE TABLE work_orders (
  id               BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  complaint_id     BIGINT UNSIGNED NOT NULL,
  target           ENUM('department','province','city') NOT NULL,
  department_code  VARCHAR(16) NULL,
  province_id      SMALLINT    NULL,
  city_id          INT         NULL,
  status           ENUM('open','done','cancelled') NOT NULL DEFAULT 'open',
  instructions     TEXT        NULL,
  answer           TEXT        NULL,
  dispatched_by    INT         NOT NULL COMMENT 'staff id',
  due_at           DATETIME    NOT NULL,
  overdue          TINYINT(1)  NOT NULL DEFAULT 0,
  escalated_at     DATETIME    NULL,
  created_at       DATETIME    NOT NULL,
  done_at          DATETIME    NULL,
  PRIMARY KEY (id),
  KEY ix_work_orders_complaint (complaint_id, id),
  KEY ix_work_orders_due (status, due_at),
  KEY ix_work_orders_province (province_id, status),
  CONSTRAINT fk_work_orders_complaint FOREIGN KEY (complaint_id) REFERENCES complaints (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='工单: a complaint dispatched to a department, a province or a city branch';

CREATE TABLE complaint_labels (
  complaint_id BIGINT UNSIGNED NOT NULL,
  category     ENUM('network','service','billing','product') NOT NULL,
  staff_id     INT      NOT NULL,
  at           DATETIME NOT NULL,
  PRIMARY KEY (complaint_id),
  CONSTRAINT fk_labels_complaint FOREIGN KEY (complaint_id) REFERENCES complaints (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
  COMMENT='staff corrections of the classifier: extra training examples';

-- A city branch works the orders dispatched to it: staff.city_id NULL means
-- the whole province (or head office when province_id is NULL too).
ALTER TABLE staff
  ADD COLUMN city_id INT NULL COMMENT 'city branch; NULL = whole province' AFTER province_id;

-- Tracking by number + password is rate-limited like a login.
ALTER TABLE login_failures
  MODIFY kind ENUM('msisdn','staff','ip','card','card_msisdn','track','track_ip') NOT NULL;
ALTER TABLE login_locks
  MODIFY kind ENUM('msisdn','staff','ip','card','card_msisdn','track','track_ip') NOT NULL;

INSERT INTO complaint_departments (code, name, sort) VALUES
  ('network',  '网络部', 1),
  ('service',  '客户服务部', 2),
  ('billing',  '计费结算中心', 3),
  ('product',  '市场经营部', 4);

INSERT INTO complaint_sla (category, reply_hours, workorder_hours) VALUES
  ('network', 72, 48),
  ('service', 48, 24),
  ('billing', 48, 24),
  ('product', 72, 48);
