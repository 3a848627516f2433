-- Bulk inserts draw ids from sequences. H2 persists a sequence each time its cache runs out,
-- and with WRITE_DELAY=0 (see Store) every such flush is a commit of the whole file store:
-- with H2's default cache of 32 that meant one file-store commit per 32 rows, about ten
-- times the bytes written and three to four times the time of the same import (measured,
-- docs/benchmarks.md). A cache of 10,000 makes that one flush per 10,000 rows. After a
-- crash a sequence continues after its cached range: ids may jump, never repeat.

ALTER TABLE element_set ALTER COLUMN id SET CACHE 10000;
ALTER TABLE ephemeris ALTER COLUMN id SET CACHE 1000;
ALTER TABLE cdm ALTER COLUMN id SET CACHE 1000;
ALTER TABLE conjunction_event_update ALTER COLUMN id SET CACHE 10000;
ALTER SEQUENCE conjunction_event_id_seq CACHE 10000;
ALTER TABLE limit_set ALTER COLUMN id SET CACHE 1000;
ALTER TABLE audit_record ALTER COLUMN id SET CACHE 1000;
ALTER TABLE alarm_occurrence ALTER COLUMN id SET CACHE 1000;
ALTER TABLE sync_outbox ALTER COLUMN seq SET CACHE 1000;
