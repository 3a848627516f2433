-- What consoles and laptops add to a conjunction through sync ops: notes (append-only) and the team's disposition
-- (one per conjunction, changed only by a sender who saw the current version).
CREATE TABLE conjunction_note (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    conjunction_id BIGINT       NOT NULL REFERENCES conjunction (id),
    author         VARCHAR(100) NOT NULL,
    text           TEXT         NOT NULL CHECK (length(text) BETWEEN 1 AND 10000),
    created_at     TIMESTAMPTZ  NOT NULL
);
CREATE INDEX conjunction_note_conjunction ON conjunction_note (conjunction_id);

CREATE TABLE conjunction_disposition (
    conjunction_id BIGINT       PRIMARY KEY REFERENCES conjunction (id),
    disposition    VARCHAR(20)  NOT NULL
        CHECK (disposition IN ('OPEN', 'MONITOR', 'MITIGATE', 'NO_ACTION', 'CLOSED')),
    version        BIGINT       NOT NULL CHECK (version >= 1),
    updated_by     VARCHAR(100) NOT NULL,
    updated_at     TIMESTAMPTZ  NOT NULL
);
