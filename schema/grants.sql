-- Per-program database users and their grants (contract: CONTRACT "Grants").
-- Applied by scripts/db as root after every migration run; idempotent.
-- @PORTAL_PASSWORD@ and @ADMIN_PASSWORD@ are replaced by scripts/db with the
-- passwords from $VAR/selfcare.ini. Programs connect over the unix socket,
-- hence 'localhost'. Table-level grants only: the customer program
-- (sc_portal) has no privilege at all on staff, staff_sessions or audit_log.

CREATE USER IF NOT EXISTS 'sc_portal'@'localhost' IDENTIFIED BY '@PORTAL_PASSWORD@';
ALTER USER 'sc_portal'@'localhost' IDENTIFIED BY '@PORTAL_PASSWORD@';
CREATE USER IF NOT EXISTS 'sc_admin'@'localhost' IDENTIFIED BY '@ADMIN_PASSWORD@';
ALTER USER 'sc_admin'@'localhost' IDENTIFIED BY '@ADMIN_PASSWORD@';

-- customer portal
GRANT SELECT ON selfcare.provinces   TO 'sc_portal'@'localhost';
GRANT SELECT ON selfcare.cities      TO 'sc_portal'@'localhost';
GRANT SELECT ON selfcare.brands      TO 'sc_portal'@'localhost';
GRANT SELECT ON selfcare.segments    TO 'sc_portal'@'localhost';
GRANT SELECT ON selfcare.services    TO 'sc_portal'@'localhost';
GRANT SELECT ON selfcare.service_availability TO 'sc_portal'@'localhost';
GRANT SELECT ON selfcare.subscribers TO 'sc_portal'@'localhost';
GRANT SELECT, INSERT, UPDATE, DELETE ON selfcare.sessions       TO 'sc_portal'@'localhost';
GRANT SELECT, INSERT, UPDATE, DELETE ON selfcare.login_failures TO 'sc_portal'@'localhost';
GRANT SELECT, INSERT, UPDATE, DELETE ON selfcare.login_locks    TO 'sc_portal'@'localhost';

-- back office
GRANT SELECT ON selfcare.provinces TO 'sc_admin'@'localhost';
GRANT SELECT ON selfcare.cities    TO 'sc_admin'@'localhost';
GRANT SELECT ON selfcare.brands    TO 'sc_admin'@'localhost';
GRANT SELECT ON selfcare.services  TO 'sc_admin'@'localhost';
GRANT SELECT ON selfcare.service_availability TO 'sc_admin'@'localhost';
GRANT SELECT, INSERT, UPDATE ON selfcare.staff TO 'sc_admin'@'localhost';
GRANT SELECT, INSERT, UPDATE, DELETE ON selfcare.staff_sessions TO 'sc_admin'@'localhost';
GRANT SELECT, INSERT, UPDATE, DELETE ON selfcare.login_failures TO 'sc_admin'@'localhost';
GRANT SELECT, INSERT, UPDATE, DELETE ON selfcare.login_locks    TO 'sc_admin'@'localhost';
GRANT SELECT, INSERT ON selfcare.audit_log TO 'sc_admin'@'localhost';
