-- The change log clients download. seq is assigned while holding a transaction-scoped advisory lock
-- (see ChangeLog.append), so sequence order is commit order and a reader never skips a late commit.
CREATE TABLE change_log (
    seq        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    entity     VARCHAR(40)  NOT NULL,
    entity_id  BIGINT       NOT NULL,
    op         VARCHAR(10)  NOT NULL CHECK (op IN ('UPSERT', 'DELETE')),
    payload    JSONB        NOT NULL,
    changed_at TIMESTAMPTZ  NOT NULL
);

-- One row per (device, op) the server has processed, written in the same transaction as the op's effect.
CREATE TABLE applied_op (
    device_id    VARCHAR(100) NOT NULL,
    op_id        VARCHAR(100) NOT NULL,
    username     VARCHAR(100) NOT NULL,
    op_type      VARCHAR(60)  NOT NULL,
    result       VARCHAR(10)  NOT NULL CHECK (result IN ('APPLIED', 'REJECTED')),
    reason       TEXT,
    processed_at TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (device_id, op_id)
);
