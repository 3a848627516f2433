-- Retention deletes dedup records by age (AppliedOpLog.pruneBefore); without this index every run scans the table.
CREATE INDEX applied_op_processed_at ON applied_op (processed_at);
