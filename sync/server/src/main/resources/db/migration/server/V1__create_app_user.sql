-- Accounts that sign in with a password; the password is stored only as a bcrypt hash.
CREATE TABLE app_user (
    username      VARCHAR(100) PRIMARY KEY,
    password_hash VARCHAR(100) NOT NULL,
    role          VARCHAR(20)  NOT NULL CHECK (role IN ('viewer', 'operator', 'analyst', 'supervisor', 'admin')),
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now()
);
