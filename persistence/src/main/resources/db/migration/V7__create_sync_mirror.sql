-- Server-owned data as this workstation last downloaded it (DESIGN.md, sync): one row per (entity, entity_id)
-- in the published JSON shape, written only by the sync client, in the same transaction as the download cursor
-- it corresponds to. change_seq is the server change-log position that wrote the row (the snapshot's position
-- for rows that came in a snapshot); changed_at is when the server made that change, if known. The payload is
-- a VARCHAR (H2's limit, 1,000,000 characters), not a CLOB: H2 keeps CLOB values over 256 bytes in separate LOB
-- storage, an extra write per downloaded row (docs/benchmarks.md, Sync client).
CREATE TABLE sync_mirror (
    entity       VARCHAR(40)   NOT NULL,
    entity_id    BIGINT        NOT NULL,
    payload      CHARACTER VARYING NOT NULL,
    change_seq   BIGINT        NOT NULL,
    changed_at   TIMESTAMP(9) WITH TIME ZONE,
    received_at  TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    PRIMARY KEY (entity, entity_id)
);
