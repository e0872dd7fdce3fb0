-- 012_plan_settle: the provision worker, the site's interface to BOSS,
-- settles plan changes on their date; it finds the due ones by this index
-- rather than reading the whole table every poll.
ALTER TABLE plan_changes
  ADD KEY ix_plan_changes_due (status, effective_on);
