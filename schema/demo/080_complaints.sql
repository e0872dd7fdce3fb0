-- Demo complaints for the back office (local stack only; LOGINS.txt).
-- 40 complaints and suggestions over the 28 days before today, across 北京 (11),
-- 广东 (44), 上海 (31), 四川 (51) and 浙江 (33), in every category and
-- status: some overdue and escalated, some re-complained, some closed and
-- rated, a few kept by head office, the dispatched ones with a work order.
-- Deterministic (formulas of n = 1..40) and relative to CURDATE(); the
-- rows are recognised by track_no 'D' + 6 digits, deleted and inserted
-- again on every load. Tracking password of every demo complaint:
-- Track#2026 (argon2id below, from selfcare-passwd).

-- A province supervisor and a city-branch agent (广东 广州). Passwords as
-- the other demo staff: Super#2026, Agent#2026.
INSERT INTO staff (username, display_name, password_hash, role, province_id, city_id, active, created_at) VALUES
  ('gd_super', '广东投诉管理员', '$argon2id$v=19$m=19456,t=2,p=1$fMtMBhlgTYY1Y+9ObW4GNA$lJaaJ6qaDonf5uqXsKEdNGrRxmr7IWJGFSi1QnhYoSE', 'complaint_supervisor', 44, NULL, 1, '2026-01-05 09:00:00'),
  ('gz_agent', '广州分公司投诉处理员', '$argon2id$v=19$m=19456,t=2,p=1$OFZLUi+DnhhDHDVvYWwfVw$MxRW6KjwXdOehjgNChFOCfjeW6pe3LUHsNcuO4iM9QA', 'complaint_agent', 44,
   (SELECT id FROM cities WHERE province_id = 44 AND is_capital = 1), 1, '2026-01-05 09:00:00')
ON DUPLICATE KEY UPDATE
  display_name = VALUES(display_name), password_hash = VALUES(password_hash),
  role = VALUES(role), province_id = VALUES(province_id),
  city_id = VALUES(city_id), active = VALUES(active);

DELETE e FROM complaint_events e JOIN complaints c ON c.id = e.complaint_id
  WHERE c.track_no REGEXP '^D[0-9]{6}$';
DELETE w FROM work_orders w JOIN complaints c ON c.id = w.complaint_id
  WHERE c.track_no REGEXP '^D[0-9]{6}$';
DELETE l FROM complaint_labels l JOIN complaints c ON c.id = l.complaint_id
  WHERE c.track_no REGEXP '^D[0-9]{6}$';
DELETE FROM complaints WHERE track_no REGEXP '^D[0-9]{6}$';

INSERT INTO complaints (track_no, track_pw_hash, kind, msisdn, email,
  contact_phone, title, content, customer_category, auto_category, category,
  province_id, city_id, head_office, status, recomplaint_count, due_at,
  overdue, escalated_at, result, rating, rating_comment, confirmed_at,
  created_at, updated_at, closed_at)
SELECT
  CONCAT('D', LPAD(n, 6, '0')),
  '$argon2id$v=19$m=19456,t=2,p=1$aNlKYerGfPoNMQV9AEjUxg$VffJckvMh50lh0uS51XrNeuzAMfOFQRWSYPUG6nCsPE',
  IF(n % 7 = 0, 'suggestion', 'complaint'),
  CONCAT('1390', LPAD(prov, 2, '0'), LPAD(n, 5, '0')),
  IF(n % 2 = 0, CONCAT('demo', n, '@example.com'), NULL),
  NULL,
  ELT(cat_i, '室内信号差经常掉线', '营业厅服务态度差', '话费扣费有疑问', '流量套餐无法办理'),
  ELT(cat_i, '家里和办公室室内信号很差，通话经常中断，上网也很慢，请尽快处理。',
             '在营业厅办理业务时等候一个多小时，工作人员态度冷淡，希望改进。',
             '本月话费比平时多了三十多元，账单中有一项不认识的增值业务费用。',
             '想办理新的流量套餐，网上营业厅一直提示无法办理，请帮忙查看。'),
  IF(n % 3 = 0, NULL, ELT(cat_i, 'network', 'service', 'billing', 'product')),
  IF(n % 10 = 0, 'service', ELT(cat_i, 'network', 'service', 'billing', 'product')),
  ELT(cat_i, 'network', 'service', 'billing', 'product'),
  prov,
  (SELECT id FROM cities WHERE province_id = prov AND is_capital = 1),
  IF(n % 8 = 0, 1, 0),
  st,
  IF(n % 9 = 0, n DIV 9, 0),
  due,
  IF(st IN ('submitted', 'reviewing', 'dispatched') AND due < NOW()
     OR st = 'closed' AND n % 5 = 4, 1, 0),
  IF(st IN ('submitted', 'reviewing', 'dispatched') AND due < NOW() - INTERVAL 1 DAY
     AND n % 4 = 0, due + INTERVAL 1 DAY, NULL),
  IF(st = 'closed', '经核实已处理完毕，并已电话联系客户说明情况。', NULL),
  IF(st = 'closed' AND n % 4 <> 1, 1 + (n * 3) % 5, NULL),
  IF(st = 'closed' AND n % 4 <> 1, ELT(1 + (n * 3) % 5, '不满意', '一般', '还可以', '满意', '非常满意'), NULL),
  IF(st = 'closed' AND n % 4 <> 1, created + INTERVAL (30 + n % 40) HOUR, NULL),
  created, created,
  IF(st = 'closed', created + INTERVAL (6 + n % 40) HOUR, NULL)
FROM (
  SELECT seq AS n,
    ELT(1 + seq % 5, 11, 44, 31, 51, 33) AS prov,
    1 + seq % 4 AS cat_i,
    ELT(1 + seq % 6, 'submitted', 'reviewing', 'dispatched', 'replied', 'closed', 'closed') AS st,
    CURDATE() - INTERVAL (1 + seq % 28) DAY + INTERVAL (8 + seq % 10) HOUR AS created,
    IF(seq % 3 = 0, CURDATE() + INTERVAL 3 DAY,
       CURDATE() - INTERVAL (1 + seq % 28) DAY + INTERVAL (8 + seq % 10 + 48) HOUR) AS due
  FROM seq_1_to_40
) g;

-- History: what each complaint went through to reach its status.
INSERT INTO complaint_events (complaint_id, at, kind, visible, staff_id, status_after, text)
SELECT id, created_at, 'submitted', 1, NULL, 'submitted', '客户提交'
  FROM complaints WHERE track_no REGEXP '^D[0-9]{6}$';
INSERT INTO complaint_events (complaint_id, at, kind, visible, staff_id, status_after, text)
SELECT c.id, c.created_at + INTERVAL 1 HOUR, 'reviewed', 1, s.id, 'reviewing', '工作人员正在复核您的诉求。'
  FROM complaints c JOIN staff s ON s.username = 'hq_super'
  WHERE c.track_no REGEXP '^D[0-9]{6}$' AND c.status <> 'submitted';
INSERT INTO complaint_events (complaint_id, at, kind, visible, staff_id, status_after, text)
SELECT c.id, c.created_at + INTERVAL 2 HOUR, 'note', 0, s.id, NULL, '内部备注：已联系网络部核查基站。'
  FROM complaints c JOIN staff s ON s.username = 'hq_super'
  WHERE c.track_no REGEXP '^D[0-9]{6}$' AND c.status <> 'submitted' AND c.category = 'network';
INSERT INTO complaint_events (complaint_id, at, kind, visible, staff_id, status_after, text)
SELECT c.id, c.created_at + INTERVAL 3 HOUR, 'dispatched', 1, s.id, 'dispatched',
       IF(c.head_office = 1, '已转交集团公司客户服务部处理。',
          IF(c.province_id = 44, '已转交广州分公司处理。', '已转交省公司处理。'))
  FROM complaints c JOIN staff s ON s.username = 'hq_super'
  WHERE c.track_no REGEXP '^D[0-9]{6}$' AND c.status = 'dispatched';
INSERT INTO complaint_events (complaint_id, at, kind, visible, staff_id, status_after, text)
SELECT c.id, c.created_at + INTERVAL 5 HOUR, 'reply', 1, s.id, 'replied', '您好，您反映的问题已转相关部门核实处理，请保持电话畅通。'
  FROM complaints c JOIN staff s ON s.username = 'hq_super'
  WHERE c.track_no REGEXP '^D[0-9]{6}$' AND c.status IN ('replied', 'closed');
INSERT INTO complaint_events (complaint_id, at, kind, visible, staff_id, status_after, text)
SELECT c.id, c.closed_at, 'closed', 1, s.id, 'closed', c.result
  FROM complaints c JOIN staff s ON s.username = 'hq_super'
  WHERE c.track_no REGEXP '^D[0-9]{6}$' AND c.status = 'closed';
INSERT INTO complaint_events (complaint_id, at, kind, visible, staff_id, status_after, text)
SELECT id, confirmed_at, 'rated', 1, NULL, NULL, CONCAT(rating, '分：', rating_comment)
  FROM complaints WHERE track_no REGEXP '^D[0-9]{6}$' AND rating IS NOT NULL;
INSERT INTO complaint_events (complaint_id, at, kind, visible, staff_id, status_after, text)
SELECT id, created_at + INTERVAL 6 HOUR, 'recomplaint', 1, NULL, 'submitted', '客户对处理结果不满意，再次投诉。'
  FROM complaints WHERE track_no REGEXP '^D[0-9]{6}$' AND recomplaint_count > 0;
INSERT INTO complaint_events (complaint_id, at, kind, visible, staff_id, status_after, text)
SELECT id, due_at, 'overdue', 0, NULL, NULL, '已超过答复期限。'
  FROM complaints WHERE track_no REGEXP '^D[0-9]{6}$' AND overdue = 1;
INSERT INTO complaint_events (complaint_id, at, kind, visible, staff_id, status_after, text)
SELECT id, escalated_at, 'escalated', 0, NULL, NULL, '超过答复期限仍未答复，已升级至投诉管理员。'
  FROM complaints WHERE track_no REGEXP '^D[0-9]{6}$' AND escalated_at IS NOT NULL;

-- Work orders of the dispatched ones: head office's to its customer
-- service department, 广东's to the 广州 branch, the others' to the
-- province.
INSERT INTO work_orders (complaint_id, target, department_code, province_id,
  city_id, status, instructions, dispatched_by, due_at, overdue, created_at)
SELECT c.id,
  IF(c.head_office = 1, 'department', IF(c.province_id = 44, 'city', 'province')),
  IF(c.head_office = 1, 'service', NULL),
  IF(c.head_office = 0 AND c.province_id <> 44, c.province_id, NULL),
  IF(c.head_office = 0 AND c.province_id = 44, c.city_id, NULL),
  'open', '请核实后三日内反馈处理结果。', s.id,
  c.created_at + INTERVAL (3 + sl.workorder_hours) HOUR,
  IF(c.created_at + INTERVAL (3 + sl.workorder_hours) HOUR < NOW(), 1, 0),
  c.created_at + INTERVAL 3 HOUR
FROM complaints c JOIN staff s ON s.username = 'hq_super'
  JOIN complaint_sla sl ON sl.category = c.category
WHERE c.track_no REGEXP '^D[0-9]{6}$' AND c.status = 'dispatched';
