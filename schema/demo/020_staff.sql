-- Demo back-office staff (local stack only; see schema/demo/LOGINS.txt).
-- province_id NULL = head office (集团公司). Re-loading resets each demo
-- account's password, role, province and active flag to the documented values.
-- Password hashes: argon2id, libsodium crypto_pwhash_str, opslimit 2,
-- memlimit 19 MiB (m=19456,t=2,p=1).

INSERT INTO staff (username, display_name, password_hash, role, province_id, active, created_at) VALUES
  -- Admin#2026
  ('admin',    '系统管理员',     '$argon2id$v=19$m=19456,t=2,p=1$23WV7SvfACjjfRI7B0MrCA$FyL4FAqDB5O2fiwdO5VmpiaLL9J7Lqw9STR8L/Kzais',   'admin',                NULL, 1, '2026-01-05 09:00:00'),
  -- Super#2026
  ('hq_super', '集团投诉管理员', '$argon2id$v=19$m=19456,t=2,p=1$fMtMBhlgTYY1Y+9ObW4GNA$lJaaJ6qaDonf5uqXsKEdNGrRxmr7IWJGFSi1QnhYoSE',   'complaint_supervisor', NULL, 1, '2026-01-05 09:00:00'),
  -- Agent#2026
  ('gd_agent', '广东投诉处理员', '$argon2id$v=19$m=19456,t=2,p=1$OFZLUi+DnhhDHDVvYWwfVw$MxRW6KjwXdOehjgNChFOCfjeW6pe3LUHsNcuO4iM9QA',   'complaint_agent',      44,   1, '2026-01-05 09:00:00'),
  -- Agent#2026
  ('bj_agent', '北京投诉处理员', '$argon2id$v=19$m=19456,t=2,p=1$OFZLUi+DnhhDHDVvYWwfVw$MxRW6KjwXdOehjgNChFOCfjeW6pe3LUHsNcuO4iM9QA',   'complaint_agent',      11,   1, '2026-01-05 09:00:00'),
  -- Editor#2026
  ('editor',   '内容编辑',       '$argon2id$v=19$m=19456,t=2,p=1$Uf2tqJ83iAjbtcNNoEySBw$bzaD4irDnHbhXiebU+JeuQnD8KJtSSq/BBzFbHmWcGM',  'content_editor',       NULL, 1, '2026-01-05 09:00:00'),
  -- Approve#2026
  ('approver', '内容审核',       '$argon2id$v=19$m=19456,t=2,p=1$sGFjgDCmV3extDiBs6G49g$JBUFLiXpUxIjjT3Yz65CoAAjgRHSHz2H1QlMwoUdmGI', 'content_approver',     NULL, 1, '2026-01-05 09:00:00'),
  -- Analyst#2026
  ('analyst',  '统计分析员',     '$argon2id$v=19$m=19456,t=2,p=1$ht0uEfTJSEERHYlJG4CS5A$hADYfbE4VMb0cmoLdUUABYfSavAs02ydLG4Ygw7JEb0', 'analyst',              NULL, 1, '2026-01-05 09:00:00')
ON DUPLICATE KEY UPDATE
  display_name = VALUES(display_name), password_hash = VALUES(password_hash),
  role = VALUES(role), province_id = VALUES(province_id), active = VALUES(active);
