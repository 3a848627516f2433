-- The published TelemetryData: one subsystem's metrics of one spacecraft at one time, as the JSON object the API
-- carries. One row per (spacecraft, subsystem, time), so a writer that repeats a sample changes nothing.
CREATE TABLE telemetry (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    spacecraft_id BIGINT       NOT NULL REFERENCES spacecraft (id),
    subsystem     VARCHAR(20)  NOT NULL CHECK (subsystem IN ('power', 'thermal', 'attitude', 'communications')),
    sampled_at    TIMESTAMPTZ  NOT NULL,
    metrics       JSONB        NOT NULL,
    UNIQUE (spacecraft_id, subsystem, sampled_at)
);
-- the list answers newest first per spacecraft
CREATE INDEX telemetry_by_time ON telemetry (spacecraft_id, sampled_at DESC, id DESC);

-- The published events feed: what happened, to which satellite (NORAD number as text), in a sentence.
CREATE TABLE event (
    seq          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id           UUID         NOT NULL UNIQUE,
    type         VARCHAR(40)  NOT NULL,
    satellite_id VARCHAR(20),
    at           TIMESTAMPTZ  NOT NULL,
    details      TEXT         NOT NULL
);
CREATE INDEX event_by_time ON event (at DESC, seq DESC);
