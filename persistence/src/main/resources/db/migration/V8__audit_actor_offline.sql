-- Whether the person acted while the console was offline (role as last verified by the backend): every audited
-- action records it (issue 6, "who is at the console"). Rows written before this column were all online or local.
ALTER TABLE audit_record ADD COLUMN actor_offline BOOLEAN DEFAULT FALSE NOT NULL;
-- The alarm pane reads one occurrence's history by its UUID.
CREATE INDEX audit_record_occurrence_uuid ON audit_record (occurrence_uuid, audit_sequence);
