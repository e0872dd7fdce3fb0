-- Demo customers (local stack only; see schema/demo/LOGINS.txt).
-- Re-loading resets each demo customer's password, status, plan and balance to
-- the documented values, so LOGINS.txt stays true; other rows are untouched.
-- Password hashes: argon2id, libsodium crypto_pwhash_str, opslimit 2,
-- memlimit 19 MiB (m=19456,t=2,p=1), the parameters lib/ verifies.
--
-- Each number's 7-digit segment is one that scripts/segments-load creates from
-- the real data with the same city and brand; the rows are inserted here too
-- (only if missing) so the demo works whichever is loaded first.
--   1380013 北京 北京 gotone    1360162 上海 上海 easyown
--   1582800 四川 成都 mzone     1390571 浙江 杭州 gotone
--   1380250 广东 广州 gotone (广东 is routed to its external site, 030)

INSERT INTO segments (prefix, city_id, brand_code)
  SELECT v.prefix, c.id, v.brand_code
  FROM (SELECT '1380013' AS prefix, 11 AS province_id, '北京' AS city, 'gotone' AS brand_code
        UNION ALL SELECT '1360162', 31, '上海', 'easyown'
        UNION ALL SELECT '1582800', 51, '成都', 'mzone'
        UNION ALL SELECT '1390571', 33, '杭州', 'gotone'
        UNION ALL SELECT '1380250', 44, '广州', 'gotone') v
  JOIN cities c ON c.province_id = v.province_id AND c.name = v.city
  ORDER BY v.prefix
ON DUPLICATE KEY UPDATE prefix = segments.prefix;

INSERT INTO subscribers (msisdn, brand_code, province_id, city_id, name, status,
                         password_hash, plan, balance_fen, created_at)
  SELECT v.msisdn, v.brand_code, v.province_id, c.id, v.name, v.status,
         v.password_hash, v.plan, v.balance_fen, v.created_at
  FROM (
    -- 全球通, 北京, service password 258369
    SELECT '13800138000' AS msisdn, 'gotone' AS brand_code, 11 AS province_id,
           '北京' AS city, '张伟' AS name, 'active' AS status,
           '$argon2id$v=19$m=19456,t=2,p=1$vkXG5YTOIDh6nkIOYHwJhg$dg8z7z4Hmx51WD1FqLlnQexBaCCiafkHtDq2vVkhy5o' AS password_hash,
           '全球通88元套餐' AS plan, 12850 AS balance_fen,
           '2016-03-15 10:20:00' AS created_at
    -- 神州行, 上海, service password 135790
    UNION ALL SELECT '13601625678', 'easyown', 31, '上海', '王芳', 'active',
           '$argon2id$v=19$m=19456,t=2,p=1$lhWhUBwOOjtpU+iRC8Idkg$+VgR2+6v3rfv6HBMqvnVi9yG5ihmQ4rLk1f6BzSagt8',
           '神州行畅听卡', 3620, '2019-07-02 16:45:00'
    -- 动感地带, 四川 成都, service password 246810
    UNION ALL SELECT '15828001234', 'mzone', 51, '成都', '李明', 'active',
           '$argon2id$v=19$m=19456,t=2,p=1$DdLgcfe2q/tJP2pF7m1I4w$TOylyp29KbH6PKdSmj+PNSlzAdd+yFi7F5oIRmuTWJQ',
           '动感地带校园套餐28元', 5800, '2021-09-01 09:30:00'
    -- 全球通, 浙江 杭州, suspended (报停), service password 369258
    UNION ALL SELECT '13905712345', 'gotone', 33, '杭州', '赵强', 'suspended',
           '$argon2id$v=19$m=19456,t=2,p=1$hcBW6t0/GAOR9xJF8n08Og$NZMxmp2McTNJciqUrV8B0V12FiVykLJm22hAGXyZwt4',
           '全球通58元套餐', 2300, '2012-11-20 14:05:00'
    -- 全球通, 广东 广州: 广东 has its own site (030), so the portal sends this
    -- number there instead of asking for the password; service password 147258
    UNION ALL SELECT '13802501234', 'gotone', 44, '广州', '陈静', 'active',
           '$argon2id$v=19$m=19456,t=2,p=1$uG00H+JC4flmJprELHnuVA$BXEROBSVHMlcAjmswOq0IWnPSrP2ai5d5tWtTHhRsfM',
           '全球通128元套餐', 20000, '2014-05-08 11:00:00'
  ) v
  JOIN cities c ON c.province_id = v.province_id AND c.name = v.city
  ORDER BY v.msisdn
ON DUPLICATE KEY UPDATE
  status = VALUES(status), password_hash = VALUES(password_hash),
  plan = VALUES(plan), balance_fen = VALUES(balance_fen);
