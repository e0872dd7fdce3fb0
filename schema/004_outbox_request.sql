-- 004_outbox_request: a bill mail (Q-05) remembers whose it is and the form
-- that queued it. request_id is the hidden token of the confirmation form:
-- a double submission (second click, reload, resent POST) finds the first
-- message instead of queueing another. msisdn lets the confirmation page
-- show the customer only their own message. Both stay NULL for messages
-- not asked for by a customer (UNIQUE allows many NULLs).
ALTER TABLE outbox
  ADD COLUMN msisdn CHAR(11) NULL COMMENT 'customer who asked for the message',
  ADD COLUMN request_id CHAR(43) NULL COMMENT 'form token: a double submission is one message',
  ADD UNIQUE KEY uq_outbox_request (request_id),
  ADD KEY ix_outbox_msisdn (msisdn, id);
