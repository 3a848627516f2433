-- Who did or tried what: sign-ins, refused requests (401/403), writes and sync op outcomes. Append-only: the
-- trigger refuses UPDATE, DELETE and TRUNCATE for every role, the server's own included.
CREATE TABLE audit_event (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at         TIMESTAMPTZ  NOT NULL,
    request_id VARCHAR(64),
    username   VARCHAR(100),
    role       VARCHAR(20),
    action     VARCHAR(200) NOT NULL,
    status     INTEGER      NOT NULL,
    detail     TEXT
);

CREATE FUNCTION audit_event_is_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_event_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only();
