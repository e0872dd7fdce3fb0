-- Demo: one province with its own external site. The portal sends numbers of
-- 广东 (44) there, appending ?msisdn=<number>, instead of asking for the
-- password here. Example: 13802501234 (see LOGINS.txt).
UPDATE provinces SET site_url = 'https://gd.10086.example/selfcare/login' WHERE id = 44;
