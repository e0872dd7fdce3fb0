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

-- Every customer program reads its session and the subscriber's brand and
-- province with it, and the reference tables each worker keeps a copy of.
CREATE USER IF NOT EXISTS 'sc_billing'@'localhost' IDENTIFIED BY '@BILLING_PASSWORD@';
ALTER USER 'sc_billing'@'localhost' IDENTIFIED BY '@BILLING_PASSWORD@';
CREATE USER IF NOT EXISTS 'sc_points'@'localhost' IDENTIFIED BY '@POINTS_PASSWORD@';
ALTER USER 'sc_points'@'localhost' IDENTIFIED BY '@POINTS_PASSWORD@';
CREATE USER IF NOT EXISTS 'sc_notify'@'localhost' IDENTIFIED BY '@NOTIFY_PASSWORD@';
ALTER USER 'sc_notify'@'localhost' IDENTIFIED BY '@NOTIFY_PASSWORD@';

-- billing (Q-01..Q-05): reads the account's records, registers the bill
-- address, queues the bill mail and the acceptance record.
GRANT SELECT ON selfcare.provinces            TO 'sc_billing'@'localhost';
GRANT SELECT ON selfcare.cities               TO 'sc_billing'@'localhost';
GRANT SELECT ON selfcare.brands               TO 'sc_billing'@'localhost';
GRANT SELECT ON selfcare.services             TO 'sc_billing'@'localhost';
GRANT SELECT ON selfcare.service_availability TO 'sc_billing'@'localhost';
GRANT SELECT, UPDATE ON selfcare.sessions     TO 'sc_billing'@'localhost';
GRANT SELECT ON selfcare.subscribers          TO 'sc_billing'@'localhost';
GRANT UPDATE (bill_email) ON selfcare.subscribers TO 'sc_billing'@'localhost';
GRANT SELECT ON selfcare.cdrs                 TO 'sc_billing'@'localhost';
GRANT SELECT ON selfcare.bills                TO 'sc_billing'@'localhost';
GRANT SELECT ON selfcare.bill_items           TO 'sc_billing'@'localhost';
GRANT SELECT ON selfcare.payments             TO 'sc_billing'@'localhost';
GRANT SELECT, INSERT ON selfcare.outbox       TO 'sc_billing'@'localhost';
GRANT SELECT, INSERT ON selfcare.acceptances  TO 'sc_billing'@'localhost';

-- points (Q-06..Q-08 and exchange): the service password is entered again
-- to exchange, so it reads the hash and keeps the lockout counters.
GRANT SELECT ON selfcare.provinces            TO 'sc_points'@'localhost';
GRANT SELECT ON selfcare.cities               TO 'sc_points'@'localhost';
GRANT SELECT ON selfcare.brands               TO 'sc_points'@'localhost';
GRANT SELECT ON selfcare.services             TO 'sc_points'@'localhost';
GRANT SELECT ON selfcare.service_availability TO 'sc_points'@'localhost';
GRANT SELECT, UPDATE ON selfcare.sessions     TO 'sc_points'@'localhost';
GRANT SELECT ON selfcare.subscribers          TO 'sc_points'@'localhost';
GRANT SELECT, INSERT, UPDATE, DELETE ON selfcare.login_failures TO 'sc_points'@'localhost';
GRANT SELECT, INSERT, UPDATE, DELETE ON selfcare.login_locks    TO 'sc_points'@'localhost';
GRANT SELECT, UPDATE ON selfcare.points_balances TO 'sc_points'@'localhost';
GRANT SELECT, INSERT ON selfcare.points_ledger   TO 'sc_points'@'localhost';
GRANT SELECT, UPDATE ON selfcare.rewards         TO 'sc_points'@'localhost';
GRANT SELECT, INSERT ON selfcare.exchanges       TO 'sc_points'@'localhost';
GRANT SELECT, INSERT ON selfcare.acceptances     TO 'sc_points'@'localhost';

-- notify: sends the outbox, nothing else.
GRANT SELECT, UPDATE ON selfcare.outbox TO 'sc_notify'@'localhost';

-- service (business acceptance): passwords (B-12, with the lockout), the
-- customer's contact data (B-08), top-up cards (B-06) crediting the
-- balance with a payment, acceptance history (B-13), the PUK (Q-09).
CREATE USER IF NOT EXISTS 'sc_service'@'localhost' IDENTIFIED BY '@SERVICE_PASSWORD@';
ALTER USER 'sc_service'@'localhost' IDENTIFIED BY '@SERVICE_PASSWORD@';
GRANT SELECT ON selfcare.provinces            TO 'sc_service'@'localhost';
GRANT SELECT ON selfcare.cities               TO 'sc_service'@'localhost';
GRANT SELECT ON selfcare.brands               TO 'sc_service'@'localhost';
GRANT SELECT ON selfcare.services             TO 'sc_service'@'localhost';
GRANT SELECT ON selfcare.service_availability TO 'sc_service'@'localhost';
GRANT SELECT, UPDATE, DELETE ON selfcare.sessions TO 'sc_service'@'localhost';
GRANT SELECT ON selfcare.subscribers          TO 'sc_service'@'localhost';
GRANT UPDATE (password_hash, contact_address, contact_phone, email, balance_fen)
  ON selfcare.subscribers TO 'sc_service'@'localhost';
GRANT SELECT, INSERT, UPDATE, DELETE ON selfcare.login_failures TO 'sc_service'@'localhost';
GRANT SELECT, INSERT, UPDATE, DELETE ON selfcare.login_locks    TO 'sc_service'@'localhost';
GRANT SELECT, UPDATE ON selfcare.topup_cards  TO 'sc_service'@'localhost';
GRANT SELECT, INSERT ON selfcare.payments     TO 'sc_service'@'localhost';
GRANT SELECT, INSERT ON selfcare.acceptances  TO 'sc_service'@'localhost';
-- B-09 settings, B-10 plan changes, B-11/B-15 deposit rules, X-01 cards.
GRANT SELECT, INSERT, UPDATE ON selfcare.custom_services TO 'sc_service'@'localhost';
GRANT SELECT ON selfcare.plans                TO 'sc_service'@'localhost';
GRANT SELECT ON selfcare.plan_freeze          TO 'sc_service'@'localhost';
GRANT SELECT, INSERT, UPDATE ON selfcare.plan_changes TO 'sc_service'@'localhost';
GRANT SELECT ON selfcare.intl_deposit_rules   TO 'sc_service'@'localhost';
GRANT SELECT, INSERT ON selfcare.sim_cards    TO 'sc_service'@'localhost';

-- provision: sends orders and applies what the network confirmed.
CREATE USER IF NOT EXISTS 'sc_provision'@'localhost' IDENTIFIED BY '@PROVISION_PASSWORD@';
ALTER USER 'sc_provision'@'localhost' IDENTIFIED BY '@PROVISION_PASSWORD@';
GRANT SELECT, UPDATE ON selfcare.provision_orders TO 'sc_provision'@'localhost';
GRANT SELECT ON selfcare.subscribers TO 'sc_provision'@'localhost';
GRANT UPDATE (status) ON selfcare.subscribers TO 'sc_provision'@'localhost';
GRANT SELECT, INSERT, UPDATE ON selfcare.line_features TO 'sc_provision'@'localhost';
GRANT SELECT ON selfcare.acceptances TO 'sc_provision'@'localhost';
GRANT UPDATE (result, detail) ON selfcare.acceptances TO 'sc_provision'@'localhost';
-- a confirmed sim_swap activates the new card and voids the old one (X-01)
GRANT SELECT ON selfcare.sim_cards TO 'sc_provision'@'localhost';
GRANT UPDATE (status, transit_msisdn, activated_at, voided_at) ON selfcare.sim_cards TO 'sc_provision'@'localhost';
-- Plan changes (B-10) take effect on their date: the worker sets the plan.
GRANT SELECT ON selfcare.plans TO 'sc_provision'@'localhost';
GRANT SELECT ON selfcare.plan_changes TO 'sc_provision'@'localhost';
GRANT UPDATE (status, pending_msisdn, settled_at) ON selfcare.plan_changes TO 'sc_provision'@'localhost';
GRANT UPDATE (plan, plan_fee_fen) ON selfcare.subscribers TO 'sc_provision'@'localhost';
-- A confirmed SIM replacement gives the line the new card's PUK.
GRANT UPDATE (puk) ON selfcare.subscribers TO 'sc_provision'@'localhost';

-- hlrsim (local stack only): its own tables, nothing of selfcare's.
CREATE USER IF NOT EXISTS 'sc_hlrsim'@'localhost' IDENTIFIED BY '@HLRSIM_PASSWORD@';
ALTER USER 'sc_hlrsim'@'localhost' IDENTIFIED BY '@HLRSIM_PASSWORD@';
GRANT SELECT, INSERT, UPDATE ON selfcare.hlr_lines TO 'sc_hlrsim'@'localhost';
GRANT SELECT, UPDATE ON selfcare.hlr_control TO 'sc_hlrsim'@'localhost';
GRANT SELECT, INSERT ON selfcare.hlr_requests TO 'sc_hlrsim'@'localhost';

-- service: creates orders with their pending acceptance records.
GRANT SELECT, INSERT, UPDATE ON selfcare.provision_orders TO 'sc_service'@'localhost';
GRANT SELECT ON selfcare.line_features TO 'sc_service'@'localhost';

-- workorders (complaint back office, /admin/complaints/): works the
-- complaints and their work orders, tells the customer through the outbox,
-- audits every action. Reads staff sessions like the admin program.
CREATE USER IF NOT EXISTS 'sc_workorders'@'localhost' IDENTIFIED BY '@WORKORDERS_PASSWORD@';
ALTER USER 'sc_workorders'@'localhost' IDENTIFIED BY '@WORKORDERS_PASSWORD@';
GRANT SELECT ON selfcare.provinces TO 'sc_workorders'@'localhost';
GRANT SELECT ON selfcare.cities    TO 'sc_workorders'@'localhost';
GRANT SELECT ON selfcare.brands    TO 'sc_workorders'@'localhost';
GRANT SELECT ON selfcare.services  TO 'sc_workorders'@'localhost';
GRANT SELECT ON selfcare.service_availability TO 'sc_workorders'@'localhost';
GRANT SELECT ON selfcare.staff     TO 'sc_workorders'@'localhost';
GRANT SELECT, UPDATE ON selfcare.staff_sessions TO 'sc_workorders'@'localhost';
GRANT SELECT, INSERT ON selfcare.audit_log TO 'sc_workorders'@'localhost';
GRANT SELECT, UPDATE ON selfcare.complaints TO 'sc_workorders'@'localhost';
GRANT SELECT, INSERT ON selfcare.complaint_events TO 'sc_workorders'@'localhost';
GRANT SELECT, INSERT, UPDATE ON selfcare.work_orders TO 'sc_workorders'@'localhost';
GRANT SELECT, INSERT, UPDATE ON selfcare.complaint_labels TO 'sc_workorders'@'localhost';
GRANT SELECT ON selfcare.complaint_sla TO 'sc_workorders'@'localhost';
GRANT SELECT ON selfcare.complaint_departments TO 'sc_workorders'@'localhost';
GRANT INSERT ON selfcare.outbox TO 'sc_workorders'@'localhost';

-- sla: marks overdue and escalates; history only.
CREATE USER IF NOT EXISTS 'sc_sla'@'localhost' IDENTIFIED BY '@SLA_PASSWORD@';
ALTER USER 'sc_sla'@'localhost' IDENTIFIED BY '@SLA_PASSWORD@';
GRANT SELECT, UPDATE (overdue, escalated_at, updated_at) ON selfcare.complaints TO 'sc_sla'@'localhost';
GRANT SELECT, UPDATE (overdue, escalated_at) ON selfcare.work_orders TO 'sc_sla'@'localhost';
GRANT INSERT ON selfcare.complaint_events TO 'sc_sla'@'localhost';
-- complaints (S-01..S-05, customer side): files complaints and suggestions
-- with their first event and the SMS/mail, reads their history and work
-- orders for tracking, reopens (再投诉) and rates them, learns the staff's
-- corrections, and keeps the tracking-password lockout. The session is
-- loaded on its anonymous pages too (prefill for a logged-in customer).
CREATE USER IF NOT EXISTS 'sc_complaints'@'localhost' IDENTIFIED BY '@COMPLAINTS_PASSWORD@';
ALTER USER 'sc_complaints'@'localhost' IDENTIFIED BY '@COMPLAINTS_PASSWORD@';
GRANT SELECT ON selfcare.provinces            TO 'sc_complaints'@'localhost';
GRANT SELECT ON selfcare.cities               TO 'sc_complaints'@'localhost';
GRANT SELECT ON selfcare.brands               TO 'sc_complaints'@'localhost';
GRANT SELECT ON selfcare.services             TO 'sc_complaints'@'localhost';
GRANT SELECT ON selfcare.service_availability TO 'sc_complaints'@'localhost';
GRANT SELECT ON selfcare.segments             TO 'sc_complaints'@'localhost';
GRANT SELECT, UPDATE ON selfcare.sessions     TO 'sc_complaints'@'localhost';
GRANT SELECT ON selfcare.subscribers          TO 'sc_complaints'@'localhost';
GRANT SELECT, INSERT, UPDATE ON selfcare.complaints TO 'sc_complaints'@'localhost';
GRANT SELECT, INSERT ON selfcare.complaint_events   TO 'sc_complaints'@'localhost';
GRANT SELECT ON selfcare.work_orders          TO 'sc_complaints'@'localhost';
GRANT SELECT ON selfcare.complaint_departments TO 'sc_complaints'@'localhost';
GRANT SELECT ON selfcare.complaint_labels     TO 'sc_complaints'@'localhost';
GRANT SELECT ON selfcare.complaint_sla        TO 'sc_complaints'@'localhost';
GRANT INSERT ON selfcare.outbox               TO 'sc_complaints'@'localhost';
GRANT SELECT, INSERT, UPDATE, DELETE ON selfcare.login_failures TO 'sc_complaints'@'localhost';
GRANT SELECT, INSERT, UPDATE, DELETE ON selfcare.login_locks    TO 'sc_complaints'@'localhost';
