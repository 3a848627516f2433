-- Keys for services (X-API-Key). Only the SHA-256 of a key is stored: keys are 256 random bits, so a fast hash
-- cannot be brute-forced, and a lookup by hash stays an index probe.
CREATE TABLE api_key (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name       VARCHAR(100) NOT NULL UNIQUE,
    key_sha256 CHAR(64)     NOT NULL UNIQUE,
    role       VARCHAR(20)  NOT NULL CHECK (role IN ('viewer', 'operator', 'analyst', 'supervisor', 'admin')),
    created_by VARCHAR(100) NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL,
    revoked_at TIMESTAMPTZ
);
