-- The published Conjunction. State vectors and covariances are kept as the JSON the API carries them in
-- (positions km, velocities km/s); the columns the API filters on are plain columns with indexes.
CREATE TABLE conjunction (
    id                      BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    primary_spacecraft_id   BIGINT       NOT NULL REFERENCES spacecraft (id),
    primary_name            VARCHAR(200),
    primary_norad_id        INTEGER,
    primary_state           JSONB,
    secondary_spacecraft_id BIGINT       REFERENCES spacecraft (id),
    secondary_name          VARCHAR(200),
    secondary_norad_id      INTEGER,
    secondary_state         JSONB,
    tca                     TIMESTAMPTZ  NOT NULL,
    miss_distance_km        DOUBLE PRECISION NOT NULL CHECK (miss_distance_km >= 0),
    collision_probability   DOUBLE PRECISION CHECK (collision_probability BETWEEN 0 AND 1),
    relative_velocity_kms   DOUBLE PRECISION CHECK (relative_velocity_kms >= 0),
    covariance_primary      JSONB,
    covariance_secondary    JSONB,
    created_at              TIMESTAMPTZ  NOT NULL,
    updated_at              TIMESTAMPTZ  NOT NULL
);
CREATE INDEX conjunction_tca ON conjunction (tca);
CREATE INDEX conjunction_primary ON conjunction (primary_spacecraft_id);
CREATE INDEX conjunction_secondary ON conjunction (secondary_spacecraft_id);
